package dev.craft.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The metrics and values of each CVSS version, in specification order. From the FIRST
 * specifications: v2 guide section 2, v3.0 and v3.1 section 6 (tables 15–17), v4.0 section 7.
 */
final class CvssMetrics {
  /** A metric's allowed values and whether a vector must carry it. */
  record Metric(String key, Set<String> values, boolean mandatory) {}

  private CvssMetrics() {}

  static final Map<String, Metric> V2 =
      table(
          "AV:L,A,N! AC:H,M,L! Au:M,S,N! C:N,P,C! I:N,P,C! A:N,P,C!"
              + " E:U,POC,F,H,ND RL:OF,TF,W,U,ND RC:UC,UR,C,ND"
              + " CDP:N,L,LM,MH,H,ND TD:N,L,M,H,ND CR:L,M,H,ND IR:L,M,H,ND AR:L,M,H,ND");

  static final Set<String> V2_TEMPORAL = Set.of("E", "RL", "RC");

  static final Set<String> V2_ENVIRONMENTAL = Set.of("CDP", "TD", "CR", "IR", "AR");

  static final Map<String, Metric> V3 =
      table(
          "AV:N,A,L,P! AC:L,H! PR:N,L,H! UI:N,R! S:U,C! C:H,L,N! I:H,L,N! A:H,L,N!"
              + " E:X,U,P,F,H RL:X,O,T,W,U RC:X,U,R,C"
              + " CR:X,L,M,H IR:X,L,M,H AR:X,L,M,H MAV:X,N,A,L,P MAC:X,L,H MPR:X,N,L,H"
              + " MUI:X,N,R MS:X,U,C MC:X,N,L,H MI:X,N,L,H MA:X,N,L,H");

  static final Set<String> V3_TEMPORAL = Set.of("E", "RL", "RC");

  static final Set<String> V3_ENVIRONMENTAL =
      Set.of("CR", "IR", "AR", "MAV", "MAC", "MPR", "MUI", "MS", "MC", "MI", "MA");

  static final Map<String, Metric> V4 =
      table(
          "AV:N,A,L,P! AC:L,H! AT:N,P! PR:N,L,H! UI:N,P,A! VC:H,L,N! VI:H,L,N! VA:H,L,N!"
              + " SC:H,L,N! SI:H,L,N! SA:H,L,N!"
              + " E:X,A,P,U"
              + " CR:X,H,M,L IR:X,H,M,L AR:X,H,M,L MAV:X,N,A,L,P MAC:X,L,H MAT:X,N,P"
              + " MPR:X,N,L,H MUI:X,N,P,A MVC:X,H,L,N MVI:X,H,L,N MVA:X,H,L,N"
              + " MSC:X,H,L,N MSI:X,S,H,L,N MSA:X,S,H,L,N"
              + " S:X,N,P AU:X,N,Y R:X,A,U,I V:X,D,C RE:X,L,M,H U:X,Clear,Green,Amber,Red");

  static final Set<String> V4_THREAT = Set.of("E");

  static final Set<String> V4_ENVIRONMENTAL =
      Set.of(
          "CR", "IR", "AR", "MAV", "MAC", "MAT", "MPR", "MUI", "MVC", "MVI", "MVA", "MSC", "MSI",
          "MSA");

  /** Parses "KEY:v1,v2! ..." where "!" marks a mandatory (base) metric. */
  private static Map<String, Metric> table(String spec) {
    var map = new LinkedHashMap<String, Metric>();
    for (String item : spec.split(" ")) {
      boolean mandatory = item.endsWith("!");
      String body = mandatory ? item.substring(0, item.length() - 1) : item;
      int colon = body.indexOf(':');
      String key = body.substring(0, colon);
      map.put(
          key,
          new Metric(key, Set.copyOf(List.of(body.substring(colon + 1).split(","))), mandatory));
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
