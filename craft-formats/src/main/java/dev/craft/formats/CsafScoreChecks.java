package dev.craft.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.craft.core.CvssCalculator;
import dev.craft.core.CvssScore;
import dev.craft.core.CvssSeverity;
import dev.craft.core.CvssVector;
import dev.craft.core.CvssVersion;
import dev.craft.core.InvalidInputException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * CSAF 2.0 mandatory tests on scores: 6.1.7 (one score per CVSS version per product), 6.1.8 (a
 * vector CRAFT's strict parser refuses; the schema part is in {@link CsafSchema}), 6.1.9 (scores
 * and severities computed from the vector) and 6.1.10 (properties that contradict the vector).
 */
final class CsafScoreChecks {
  /** CVSS JSON property → vector metric, per version family. */
  private static final Map<String, String> V3 =
      Map.ofEntries(
          Map.entry("attackVector", "AV"),
          Map.entry("attackComplexity", "AC"),
          Map.entry("privilegesRequired", "PR"),
          Map.entry("userInteraction", "UI"),
          Map.entry("scope", "S"),
          Map.entry("confidentialityImpact", "C"),
          Map.entry("integrityImpact", "I"),
          Map.entry("availabilityImpact", "A"),
          Map.entry("exploitCodeMaturity", "E"),
          Map.entry("remediationLevel", "RL"),
          Map.entry("reportConfidence", "RC"),
          Map.entry("confidentialityRequirement", "CR"),
          Map.entry("integrityRequirement", "IR"),
          Map.entry("availabilityRequirement", "AR"),
          Map.entry("modifiedAttackVector", "MAV"),
          Map.entry("modifiedAttackComplexity", "MAC"),
          Map.entry("modifiedPrivilegesRequired", "MPR"),
          Map.entry("modifiedUserInteraction", "MUI"),
          Map.entry("modifiedScope", "MS"),
          Map.entry("modifiedConfidentialityImpact", "MC"),
          Map.entry("modifiedIntegrityImpact", "MI"),
          Map.entry("modifiedAvailabilityImpact", "MA"));

  private static final Map<String, String> V2 =
      Map.ofEntries(
          Map.entry("accessVector", "AV"),
          Map.entry("accessComplexity", "AC"),
          Map.entry("authentication", "Au"),
          Map.entry("confidentialityImpact", "C"),
          Map.entry("integrityImpact", "I"),
          Map.entry("availabilityImpact", "A"),
          Map.entry("exploitability", "E"),
          Map.entry("remediationLevel", "RL"),
          Map.entry("reportConfidence", "RC"),
          Map.entry("collateralDamagePotential", "CDP"),
          Map.entry("targetDistribution", "TD"),
          Map.entry("confidentialityRequirement", "CR"),
          Map.entry("integrityRequirement", "IR"),
          Map.entry("availabilityRequirement", "AR"));

  /** v2 values whose code is not their first letter. */
  private static final Map<String, String> V2_CODES =
      Map.of(
          "PROOF_OF_CONCEPT", "POC",
          "OFFICIAL_FIX", "OF",
          "TEMPORARY_FIX", "TF",
          "UNCONFIRMED", "UC",
          "UNCORROBORATED", "UR",
          "NOT_DEFINED", "ND",
          "LOW_MEDIUM", "LM",
          "MEDIUM_HIGH", "MH");

  private CsafScoreChecks() {}

  static void check(JsonNode root, List<CsafProblem> out) {
    JsonNode vulns = root.path("vulnerabilities");
    for (int v = 0; v < vulns.size(); v++) {
      JsonNode scores = vulns.get(v).path("scores");
      Map<String, Set<String>> versionsPerProduct = new HashMap<>();
      for (int s = 0; s < scores.size(); s++) {
        String base = "/vulnerabilities/" + v + "/scores/" + s;
        JsonNode score = scores.get(s);
        for (String key : List.of("cvss_v2", "cvss_v3")) {
          JsonNode cvss = score.path(key);
          if (!cvss.isObject()) {
            continue;
          }
          String version = key.equals("cvss_v2") ? "2.0" : Json.text(cvss, "version");
          for (JsonNode p : score.path("products")) {
            if (!versionsPerProduct
                .computeIfAbsent(p.asText(), k -> new HashSet<>())
                .add(version)) {
              out.add(
                  new CsafProblem(
                      "6.1.7",
                      base,
                      "product '" + p.asText() + "' has more than one CVSS " + version + " score"));
            }
          }
          cvss(cvss, key.equals("cvss_v2"), base + "/" + key, out);
        }
      }
    }
  }

  private static void cvss(JsonNode cvss, boolean v2, String path, List<CsafProblem> out) {
    String vectorText = Json.text(cvss, "vectorString");
    if (vectorText.isEmpty()) {
      return; // the schema reports it (6.1.8)
    }
    CvssVector vector;
    CvssScore score;
    try {
      vector = CvssVector.parse(vectorText);
      score = CvssCalculator.score(vectorText);
    } catch (InvalidInputException e) {
      out.add(new CsafProblem("6.1.8", path + "/vectorString", e.getMessage()));
      return;
    }
    if (v2 != (vector.version() == CvssVersion.V2)
        || !v2 && !vector.version().label().equals(Json.text(cvss, "version"))) {
      out.add(
          new CsafProblem(
              "6.1.10", path + "/version", "the version does not match the vector " + vectorText));
    }
    number(cvss, "baseScore", OptionalDouble.of(score.baseScore()), path, out);
    severity(
        cvss, "baseSeverity", vector.version(), OptionalDouble.of(score.baseScore()), path, out);
    OptionalDouble temporal = CvssCalculator.temporalScore(vectorText);
    number(cvss, "temporalScore", temporal, path, out);
    severity(cvss, "temporalSeverity", vector.version(), temporal, path, out);
    OptionalDouble environmental = CvssCalculator.environmentalScore(vectorText);
    number(cvss, "environmentalScore", environmental, path, out);
    severity(cvss, "environmentalSeverity", vector.version(), environmental, path, out);
    Map<String, String> names = v2 ? V2 : V3;
    for (var e : names.entrySet()) {
      String value = Json.text(cvss, e.getKey());
      if (value.isEmpty()) {
        continue;
      }
      String expected = v2 ? V2_CODES.getOrDefault(value, value.substring(0, 1)) : code3(value);
      String actual = vector.metrics().getOrDefault(e.getValue(), v2 ? "ND" : "X");
      if (!expected.equals(actual)) {
        out.add(
            new CsafProblem(
                "6.1.10",
                path + "/" + e.getKey(),
                e.getKey() + " " + value + " contradicts " + e.getValue() + ":" + actual));
      }
    }
  }

  private static String code3(String value) {
    return value.equals("NOT_DEFINED") ? "X" : value.substring(0, 1);
  }

  /** A stated score must equal the computed one; one the vector cannot give is wrong too. */
  private static void number(
      JsonNode cvss, String field, OptionalDouble computed, String path, List<CsafProblem> out) {
    JsonNode given = cvss.path(field);
    if (!given.isNumber() || computed.isEmpty()) {
      return;
    }
    if (Math.abs(given.asDouble() - computed.getAsDouble()) > 1e-9) {
      out.add(
          new CsafProblem(
              "6.1.9",
              path + "/" + field,
              field + " is " + given.asText() + ", the vector gives " + computed.getAsDouble()));
    }
  }

  private static void severity(
      JsonNode cvss,
      String field,
      CvssVersion version,
      OptionalDouble score,
      String path,
      List<CsafProblem> out) {
    String given = Json.text(cvss, field);
    if (given.isEmpty() || score.isEmpty() || version == CvssVersion.V2) {
      return;
    }
    String expected = CvssSeverity.of(version, score.getAsDouble()).name();
    if (!expected.equals(given.toUpperCase(Locale.ROOT))) {
      out.add(
          new CsafProblem(
              "6.1.9",
              path + "/" + field,
              field + " is " + given + ", the score gives " + expected));
    }
  }
}
