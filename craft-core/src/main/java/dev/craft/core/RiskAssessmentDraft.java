package dev.craft.core;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * The content of one revision of a release's cybersecurity risk assessment (Art. 13(2)–(4)): the
 * analysis "based on the intended purpose and reasonably foreseeable use, as well as the conditions
 * of use … such as the operational environment or the assets to be protected", and one decision per
 * essential requirement of Annex I.
 */
public record RiskAssessmentDraft(
    String intendedPurpose,
    String foreseeableUse,
    String foreseeableMisuse,
    String operationalEnvironment,
    String assets,
    String threats,
    List<RequirementAssessment> requirements,
    SubstantialModification substantialModification,
    String substantialModificationRationale) {
  public RiskAssessmentDraft {
    intendedPurpose = Text.required("intendedPurpose", intendedPurpose, 10_000);
    foreseeableUse = Text.optional("foreseeableUse", foreseeableUse, 10_000);
    foreseeableMisuse = Text.optional("foreseeableMisuse", foreseeableMisuse, 10_000);
    operationalEnvironment =
        Text.optional("operationalEnvironment", operationalEnvironment, 10_000);
    assets = Text.optional("assets", assets, 10_000);
    threats = Text.optional("threats", threats, 20_000);
    requirements = List.copyOf(requirements);
    Objects.requireNonNull(substantialModification, "substantialModification");
    substantialModificationRationale =
        Text.optional("substantialModificationRationale", substantialModificationRationale, 10_000);
    var seen = new HashSet<String>();
    for (RequirementAssessment r : requirements) {
      if (!seen.add(r.requirementId())) {
        throw new InvalidInputException(
            "requirements: " + r.requirementId() + " is assessed more than once");
      }
    }
    if (substantialModification != SubstantialModification.NOT_ASSESSED
        && substantialModificationRationale.isEmpty()) {
      throw new InvalidInputException(
          "substantialModificationRationale: give the reasons for the assessment (Art. 3(30))");
    }
  }

  /** The requirements of Annex I that this revision does not address yet. */
  public List<EssentialRequirement> unassessed() {
    var done = requirements.stream().map(RequirementAssessment::requirementId).toList();
    return EssentialRequirements.all().stream().filter(e -> !done.contains(e.id())).toList();
  }
}
