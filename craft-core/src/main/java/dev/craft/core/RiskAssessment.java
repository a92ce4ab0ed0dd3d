package dev.craft.core;

import java.time.Instant;
import java.util.Objects;

/** One immutable revision of a release's risk assessment. Revisions count from 1. */
public record RiskAssessment(
    long id,
    long releaseId,
    int revision,
    String author,
    Instant createdAt,
    RiskAssessmentDraft content) {
  public RiskAssessment {
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(content, "content");
  }
}
