package dev.craft.core;

import java.time.Instant;
import java.util.Objects;

/**
 * An Art. 14 case as stored: its facts, who decided, and when it was recorded.
 *
 * @param decidedBy the user who made (or last changed) the determination
 */
public record ReportingCase(
    long id, CaseDraft facts, String decidedBy, Instant createdAt, Instant updatedAt) {
  public ReportingCase {
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(decidedBy, "decidedBy");
  }

  public Art14Kind kind() {
    return facts.kind();
  }

  public String title() {
    return facts.title();
  }

  public boolean open() {
    return facts.status() == CaseStatus.OPEN;
  }
}
