package dev.craft.core;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One submission to the single reporting platform, recorded after it was made (the SRP has no API).
 *
 * @param submittedAt when it was submitted on the SRP; the clocks use this instant
 * @param submittedBy who submitted it
 * @param reference the SRP's reference for it, if any
 * @param requestId for an intermediate report, the coordinator's request it answers
 * @param sent the SRP field values as they were sent (a snapshot)
 * @param recordedAt when CRAFT recorded it
 */
public record Submission(
    long id,
    long caseId,
    SubmissionStage stage,
    Instant submittedAt,
    String submittedBy,
    String reference,
    String note,
    @Nullable Long requestId,
    Map<String, String> sent,
    Instant recordedAt) {
  public Submission {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(submittedAt, "submittedAt");
    sent = Map.copyOf(sent);
  }
}
