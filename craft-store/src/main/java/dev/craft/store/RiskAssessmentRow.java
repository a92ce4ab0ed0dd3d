package dev.craft.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.craft.core.RequirementAssessment;
import dev.craft.core.RiskAssessment;
import dev.craft.core.RiskAssessmentDraft;
import dev.craft.core.SubstantialModification;
import dev.craft.core.WireEnum;
import java.time.Instant;
import java.util.List;

/** A row of {@code risk_assessment}; {@code requirements} is the JSON array of assessments. */
public record RiskAssessmentRow(
    long id,
    long releaseId,
    int revision,
    String intendedPurpose,
    String foreseeableUse,
    String foreseeableMisuse,
    String operationalEnvironment,
    String assets,
    String threats,
    String requirements,
    String substantialModification,
    String substantialModificationRationale,
    String author,
    Instant createdAt) {

  private static final TypeReference<List<RequirementAssessment>> LIST = new TypeReference<>() {};

  public RiskAssessment toRiskAssessment() {
    List<RequirementAssessment> items;
    try {
      items = CraftJson.mapper().readValue(requirements, LIST);
    } catch (JsonProcessingException e) {
      throw new StoreException("risk assessment " + id + " has unreadable requirements", e);
    }
    return new RiskAssessment(
        id,
        releaseId,
        revision,
        author,
        createdAt,
        new RiskAssessmentDraft(
            intendedPurpose,
            foreseeableUse,
            foreseeableMisuse,
            operationalEnvironment,
            assets,
            threats,
            items,
            WireEnum.parse(
                SubstantialModification.class, "substantialModification", substantialModification),
            substantialModificationRationale));
  }
}
