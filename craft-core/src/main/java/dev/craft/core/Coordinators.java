package dev.craft.core;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The national CSIRTs of the 27 Member States, as data. Which CSIRT each Member State designated as
 * coordinator under NIS2 Art. 12(1) is not in CRAFT's reference texts (the Regulation, the
 * Commission FAQ and the requirements map name none), so every entry is marked unverified: check
 * the coordinator offered by ENISA's single reporting platform before you submit, because a
 * notification sent to the wrong coordinator may be invalid.
 */
public final class Coordinators {
  public static final String SOURCE =
      "CRAFT's table of national CSIRTs, not verified: the reference texts (Regulation (EU)"
          + " 2024/2847, Commission FAQ v1.3, CRAFT's requirements map) name no CSIRT. The SRP shows"
          + " the manufacturer's coordinator when it registers; that is authoritative.";

  private static final String UNVERIFIED =
      "unverified: national CSIRT as commonly known; its designation as coordinator is not"
          + " confirmed by CRAFT's reference texts";

  private static final Map<MemberState, Csirt> TABLE = table();

  private Coordinators() {}

  public static Csirt of(MemberState state) {
    return TABLE.get(state);
  }

  public static List<Csirt> all() {
    return List.copyOf(TABLE.values());
  }

  private static Map<MemberState, Csirt> table() {
    Map<MemberState, Csirt> t = new EnumMap<>(MemberState.class);
    put(t, MemberState.AT, "CERT.at");
    put(t, MemberState.BE, "Centre for Cybersecurity Belgium (CCB / CERT.be)");
    put(t, MemberState.BG, "CERT Bulgaria");
    put(t, MemberState.HR, "CERT.hr (national CERT, CARNET)");
    put(t, MemberState.CY, "National CSIRT-CY");
    put(t, MemberState.CZ, "NÚKIB (GovCERT.CZ)");
    put(t, MemberState.DK, "Centre for Cyber Security (CFCS)");
    put(t, MemberState.EE, "CERT-EE (Estonian Information System Authority)");
    put(t, MemberState.FI, "NCSC-FI (Traficom)");
    put(t, MemberState.FR, "CERT-FR (ANSSI)");
    put(t, MemberState.DE, "CERT-Bund (BSI)");
    put(t, MemberState.GR, "National CSIRT of Greece");
    put(t, MemberState.HU, "Nemzeti Kibervédelmi Intézet (NKI)");
    put(t, MemberState.IE, "NCSC Ireland (CSIRT-IE)");
    put(t, MemberState.IT, "CSIRT Italia (ACN)");
    put(t, MemberState.LV, "CERT.LV");
    put(t, MemberState.LT, "National Cyber Security Centre (NKSC)");
    put(t, MemberState.LU, "CIRCL / GOVCERT.LU");
    put(t, MemberState.MT, "CSIRTMalta");
    put(t, MemberState.NL, "NCSC-NL");
    put(t, MemberState.PL, "CSIRT NASK / CSIRT GOV / CSIRT MON");
    put(t, MemberState.PT, "CERT.PT (CNCS)");
    put(t, MemberState.RO, "DNSC (National Cyber Security Directorate)");
    put(t, MemberState.SK, "SK-CERT (NBÚ)");
    put(t, MemberState.SI, "SI-CERT");
    put(t, MemberState.ES, "INCIBE-CERT / CCN-CERT");
    put(t, MemberState.SE, "CERT-SE (MSB)");
    return t;
  }

  private static void put(Map<MemberState, Csirt> t, MemberState s, String name) {
    t.put(s, new Csirt(s, name, false, UNVERIFIED));
  }
}
