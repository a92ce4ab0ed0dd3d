package dev.craft.core;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A submission as entered: which stage, when, by whom, the SRP reference and a note. */
public record SubmissionDraft(
    SubmissionStage stage,
    Instant submittedAt,
    String submittedBy,
    String reference,
    String note,
    @Nullable Long requestId) {
  public SubmissionDraft {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(submittedAt, "submittedAt");
    submittedBy = Text.optional("submittedBy", submittedBy, 200);
    reference = Text.optional("reference", reference, 255);
    note = Text.optional("note", note, 4000);
    if (stage == SubmissionStage.INTERMEDIATE && requestId == null) {
      throw new InvalidInputException(
          "requestId: an intermediate report answers a coordinator's request (Art. 14(6)); record"
              + " the request first");
    }
    if (stage != SubmissionStage.INTERMEDIATE && requestId != null) {
      throw new InvalidInputException("requestId: only intermediate reports answer a request");
    }
  }
}
