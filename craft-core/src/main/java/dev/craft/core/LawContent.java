package dev.craft.core;

import java.util.List;

/**
 * What Art. 14(2)(a)–(c) and 14(4)(a)–(c) require each stage to contain, quoted from the
 * Regulation, mapped to the SRP fields that carry it. Intermediate reports (Art. 14(6)) have no
 * content fixed by law: the coordinator's request sets it.
 */
public final class LawContent {
  private LawContent() {}

  public static List<LawItem> of(Art14Kind kind, SubmissionStage stage) {
    return kind == Art14Kind.VULNERABILITY ? vulnerability(stage) : incident(stage);
  }

  private static List<LawItem> vulnerability(SubmissionStage stage) {
    return switch (stage) {
      case EARLY_WARNING ->
          List.of(
              new LawItem(
                  "Art. 14(2)(a)",
                  "where applicable, the Member States on the territory of which the manufacturer"
                      + " is aware that their product has been made available",
                  true,
                  List.of("memberStates")));
      case NOTIFICATION ->
          List.of(
              new LawItem(
                  "Art. 14(2)(b)",
                  "general information, as available, about the product concerned",
                  true,
                  List.of("productName", "productVersion")),
              new LawItem(
                  "Art. 14(2)(b)",
                  "the general nature of the exploit and of the vulnerability concerned",
                  false,
                  List.of("generalInformation")),
              new LawItem(
                  "Art. 14(2)(b)",
                  "any corrective or mitigating measures taken",
                  true,
                  List.of("measuresTaken")),
              new LawItem(
                  "Art. 14(2)(b)",
                  "corrective or mitigating measures that users can take",
                  true,
                  List.of("userMeasures", "userAction")),
              new LawItem(
                  "Art. 14(2)(b)",
                  "where applicable, how sensitive the manufacturer considers the notified"
                      + " information to be",
                  true,
                  List.of("sensitivity")));
      case INTERMEDIATE -> List.of();
      case FINAL_REPORT ->
          List.of(
              new LawItem(
                  "Art. 14(2)(c)(i)",
                  "a description of the vulnerability, including its severity and impact",
                  false,
                  List.of("severity")),
              new LawItem(
                  "Art. 14(2)(c)(i)",
                  "a description of the vulnerability, including its severity and impact",
                  false,
                  List.of("impact")),
              new LawItem(
                  "Art. 14(2)(c)(ii)",
                  "where available, information concerning any malicious actor that has exploited"
                      + " or that is exploiting the vulnerability",
                  true,
                  List.of("maliciousActor")),
              new LawItem(
                  "Art. 14(2)(c)(iii)",
                  "details about the security update or other corrective measures that have been"
                      + " made available to remedy the vulnerability",
                  false,
                  List.of("updateDetails")));
    };
  }

  private static List<LawItem> incident(SubmissionStage stage) {
    return switch (stage) {
      case EARLY_WARNING ->
          List.of(
              new LawItem(
                  "Art. 14(4)(a)",
                  "at least whether the incident is suspected of being caused by unlawful or"
                      + " malicious acts",
                  false,
                  List.of("maliciousSuspected")),
              new LawItem(
                  "Art. 14(4)(a)",
                  "where applicable, the Member States on the territory of which the manufacturer"
                      + " is aware that their product has been made available",
                  true,
                  List.of("memberStates")));
      case NOTIFICATION ->
          List.of(
              new LawItem(
                  "Art. 14(4)(b)",
                  "general information, where available, about the nature of the incident",
                  true,
                  List.of("incidentNature")),
              new LawItem(
                  "Art. 14(4)(b)",
                  "an initial assessment of the incident",
                  false,
                  List.of("initialAssessment")),
              new LawItem(
                  "Art. 14(4)(b)",
                  "any corrective or mitigating measures taken",
                  true,
                  List.of("measuresTaken", "appliedMitigation")),
              new LawItem(
                  "Art. 14(4)(b)",
                  "corrective or mitigating measures that users can take",
                  true,
                  List.of("userMeasures", "userAction")),
              new LawItem(
                  "Art. 14(4)(b)",
                  "where applicable, how sensitive the manufacturer considers the notified"
                      + " information to be",
                  true,
                  List.of("sensitivity")));
      case INTERMEDIATE -> List.of();
      case FINAL_REPORT ->
          List.of(
              new LawItem(
                  "Art. 14(4)(c)(i)",
                  "a detailed description of the incident, including its severity and impact",
                  false,
                  List.of("incidentSeverity")),
              new LawItem(
                  "Art. 14(4)(c)(i)",
                  "a detailed description of the incident, including its severity and impact",
                  false,
                  List.of("incidentImpact")),
              new LawItem(
                  "Art. 14(4)(c)(ii)",
                  "the type of threat or root cause that is likely to have triggered the incident",
                  false,
                  List.of("rootCause")),
              new LawItem(
                  "Art. 14(4)(c)(iii)",
                  "applied and ongoing mitigation measures",
                  false,
                  List.of("appliedMitigation")));
    };
  }
}
