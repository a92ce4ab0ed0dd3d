package dev.craft.core;

import static dev.craft.core.SrpRequirement.CARRIED;
import static dev.craft.core.SrpRequirement.NOT_APPLICABLE;
import static dev.craft.core.SrpRequirement.OPTIONAL;
import static dev.craft.core.SrpRequirement.REQUIRED;
import static dev.craft.core.SrpRequirement.REQUIRED_IF_AVAILABLE;

import java.util.List;
import java.util.Optional;

/**
 * The fields of ENISA's single reporting platform, as data: number, label, length limit and the
 * requirement at each stage.
 *
 * <p>Source: ENISA, "CRA SRP Glossary", snapshot of 2026-09-15 (cited as [SRPG] in
 * cra-requirements-map.md §2a). The reference folder itself states only the limits of the title
 * (255) and the summary (4000); the other limits are the glossary's "max. N characters". Where the
 * glossary names no limit (manufacturer name, product category), CRAFT uses 255 and says so in
 * {@link SrpField#limitSource()}. See docs/art14.md.
 */
public final class SrpFields {
  static final String GLOSSARY = "SRP glossary";
  static final String CRAFT = "CRAFT (no SRP limit published)";
  private static final List<Art14Kind> BOTH = List.of(Art14Kind.VULNERABILITY, Art14Kind.INCIDENT);
  private static final List<Art14Kind> AEV = List.of(Art14Kind.VULNERABILITY);
  private static final List<Art14Kind> SI = List.of(Art14Kind.INCIDENT);
  // Short names keep the table below readable as a table.
  private static final SrpRequirement R = REQUIRED;
  private static final SrpRequirement O = OPTIONAL;
  private static final SrpRequirement C = CARRIED;
  private static final SrpRequirement N = NOT_APPLICABLE;

  private static final List<SrpField> ALL =
      List.of(
          choice(
              "1",
              "notificationType",
              "Notification type",
              BOTH,
              R,
              C,
              C,
              "vulnerability",
              "incident"),
          text("2", "title", "Title", BOTH, 255, R, C, C),
          text("3", "summary", "Summary", BOTH, 4000, R, C, C),
          field(
              "4",
              "manufacturerName",
              "Manufacturer name",
              BOTH,
              SrpFormat.SYSTEM,
              255,
              CRAFT,
              R,
              C,
              C,
              List.of()),
          field(
              "5",
              "memberStates",
              "Member States where the product is available",
              BOTH,
              SrpFormat.MULTI_CHOICE,
              0,
              GLOSSARY,
              R,
              C,
              C,
              List.of()),
          text("6", "productName", "Product name", BOTH, 255, R, C, C),
          text("7", "productVersion", "Product version(s)", BOTH, 255, R, C, C),
          choice(
              "8",
              "productType",
              "Product type",
              BOTH,
              O,
              C,
              C,
              "default",
              "important",
              "critical"),
          choice("9", "productClass", "Product class", BOTH, O, C, C, "class_i", "class_ii"),
          field(
              "10",
              "productCategory",
              "Product category (Annex III/IV)",
              BOTH,
              SrpFormat.TEXT,
              255,
              CRAFT,
              O,
              C,
              C,
              List.of()),
          choice("11", "endOfSupport", "End of support reached", BOTH, O, C, C, "yes", "no"),
          text("12", "componentName", "Component name", BOTH, 255, O, C, C),
          choice(
              "13",
              "measureExpectedShortly",
              "Mitigating measure expected shortly",
              BOTH,
              O,
              C,
              C,
              "yes",
              "no"),
          text("14", "userAction", "User action able to reduce impact", BOTH, 4000, O, C, C),
          text("15", "sensitivity", "Considered sensitivity of information", BOTH, 255, O, O, C),
          text(
              "16",
              "measuresTaken",
              "Corrective or mitigating measures taken",
              BOTH,
              2000,
              O,
              O,
              R),
          text(
              "17",
              "userMeasures",
              "Corrective or mitigating measures that users can take",
              BOTH,
              4000,
              O,
              O,
              R),
          text("18", "attackVector", "Attack vector", BOTH, 255, N, O, O),
          text("v19", "cveId", "CVE ID", AEV, 255, O, C, C),
          text("v20", "euvdId", "EUVD ID", AEV, 255, O, C, C),
          text(
              "v21",
              "generalInformation",
              "General information (nature of the vulnerability and exploit)",
              AEV,
              4000,
              O,
              R,
              C),
          dateTime(
              "v22",
              "measureAvailableAt",
              "Corrective or mitigating measure available since",
              AEV,
              O,
              O,
              R),
          text(
              "v23",
              "updateDetails",
              "Details about the security update or corrective measure",
              AEV,
              2000,
              O,
              O,
              R),
          text("v24", "severity", "Severity of the vulnerability", AEV, 4000, O, O, R),
          text("v25", "impact", "Impact of the vulnerability", AEV, 4000, O, O, R),
          dateTime(
              "v26",
              "awareAt",
              "Became aware of the actively exploited vulnerability",
              AEV,
              R,
              C,
              C),
          text("v27", "maliciousActor", "Malicious actor", AEV, 100, O, O, REQUIRED_IF_AVAILABLE),
          field(
              "v28",
              "pecGrounds",
              "Particular exceptional circumstances (Art. 16(2))",
              AEV,
              SrpFormat.MULTI_CHOICE,
              0,
              GLOSSARY,
              N,
              O,
              N,
              List.of()),
          text(
              "v30",
              "pecFurtherInformation",
              "Further information for the coordinator",
              AEV,
              800,
              O,
              O,
              C),
          choice(
              "i31",
              "maliciousSuspected",
              "Suspected of unlawful or malicious acts",
              SI,
              R,
              C,
              C,
              "yes",
              "no",
              "unknown"),
          text(
              "i32",
              "incidentNature",
              "General information about the nature of the incident",
              SI,
              4000,
              O,
              R,
              C),
          text(
              "i33",
              "appliedMitigation",
              "Applied and ongoing mitigation measures",
              SI,
              4000,
              O,
              O,
              R),
          text("i34", "incidentSeverity", "Severity of the incident", SI, 4000, O, O, R),
          text("i35", "incidentImpact", "Impact of the incident", SI, 4000, O, O, R),
          text("i36", "rootCause", "Type of threat or root cause", SI, 255, O, O, R),
          dateTime("i37", "awareAt", "Became aware of the incident", SI, R, R, C),
          dateTime("i38", "occurredAt", "Incident occurred", SI, O, R, O),
          text(
              "i39", "initialAssessment", "Initial assessment of the incident", SI, 4000, O, R, C));

  private SrpFields() {}

  public static List<SrpField> all() {
    return ALL;
  }

  /** The fields of one kind of case, in the SRP's order. */
  public static List<SrpField> of(Art14Kind kind) {
    return ALL.stream().filter(f -> f.appliesTo(kind)).toList();
  }

  public static Optional<SrpField> find(Art14Kind kind, String key) {
    return ALL.stream().filter(f -> f.appliesTo(kind) && f.key().equals(key)).findFirst();
  }

  public static SrpField get(Art14Kind kind, String key) {
    return find(kind, key)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "content: '" + key + "' is not a field of a " + kind.id() + " notification"));
  }

  private static SrpField text(
      String n,
      String key,
      String label,
      List<Art14Kind> kinds,
      int max,
      SrpRequirement ew,
      SrpRequirement nt,
      SrpRequirement fr) {
    return field(n, key, label, kinds, SrpFormat.TEXT, max, GLOSSARY, ew, nt, fr, List.of());
  }

  private static SrpField dateTime(
      String n,
      String key,
      String label,
      List<Art14Kind> kinds,
      SrpRequirement ew,
      SrpRequirement nt,
      SrpRequirement fr) {
    return field(n, key, label, kinds, SrpFormat.DATE_TIME, 0, GLOSSARY, ew, nt, fr, List.of());
  }

  private static SrpField choice(
      String n,
      String key,
      String label,
      List<Art14Kind> kinds,
      SrpRequirement ew,
      SrpRequirement nt,
      SrpRequirement fr,
      String... options) {
    return field(n, key, label, kinds, SrpFormat.CHOICE, 0, GLOSSARY, ew, nt, fr, List.of(options));
  }

  private static SrpField field(
      String n,
      String key,
      String label,
      List<Art14Kind> kinds,
      SrpFormat format,
      int max,
      String source,
      SrpRequirement ew,
      SrpRequirement nt,
      SrpRequirement fr,
      List<String> options) {
    return new SrpField(n, key, label, kinds, format, max, source, ew, nt, fr, options);
  }
}
