package dev.craft.core;

import java.util.List;
import java.util.Objects;

/**
 * One field of ENISA's single reporting platform (SRP) for Art. 14 notifications.
 *
 * @param number the glossary's number: "1"–"18" common, "v19"–"v30" vulnerability, "i31"–"i39"
 *     incident
 * @param key the key CRAFT uses in JSON and forms
 * @param appliesTo the case kinds the field belongs to
 * @param maxLength the largest number of characters the SRP accepts; 0 when not a text
 * @param limitSource where the limit comes from: "SRP glossary" or "CRAFT" (no limit published)
 * @param earlyWarning the requirement at the early warning (24 h)
 * @param notification the requirement at the notification (72 h)
 * @param finalReport the requirement at the final report
 * @param options the allowed values of a choice field, empty otherwise
 */
public record SrpField(
    String number,
    String key,
    String label,
    List<Art14Kind> appliesTo,
    SrpFormat format,
    int maxLength,
    String limitSource,
    SrpRequirement earlyWarning,
    SrpRequirement notification,
    SrpRequirement finalReport,
    List<String> options) {
  public SrpField {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(key, "key");
    appliesTo = List.copyOf(appliesTo);
    options = List.copyOf(options);
  }

  public boolean appliesTo(Art14Kind kind) {
    return appliesTo.contains(kind);
  }

  /** The SRP's requirement at a stage; intermediate reports are held to the notification's. */
  public SrpRequirement at(SubmissionStage stage) {
    return switch (stage) {
      case EARLY_WARNING -> earlyWarning;
      case NOTIFICATION, INTERMEDIATE -> notification;
      case FINAL_REPORT -> finalReport;
    };
  }

  /**
   * Required at this stage: marked required there, or carried over from an earlier stage at which
   * it was required (the SRP copies it forward, so it cannot become empty).
   */
  public boolean requiredAt(SubmissionStage stage) {
    SrpRequirement here = at(stage);
    if (here == SrpRequirement.REQUIRED) {
      return true;
    }
    if (here != SrpRequirement.CARRIED) {
      return false;
    }
    return switch (stage) {
      case EARLY_WARNING -> false;
      case NOTIFICATION, INTERMEDIATE -> earlyWarning == SrpRequirement.REQUIRED;
      case FINAL_REPORT ->
          earlyWarning == SrpRequirement.REQUIRED || notification == SrpRequirement.REQUIRED;
    };
  }
}
