package dev.craft.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.craft.core.Submission;
import dev.craft.core.SubmissionStage;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A row of {@code art14_submission}. */
public record SubmissionRow(
    long id,
    long caseId,
    String stage,
    Instant submittedAt,
    String submittedBy,
    String reference,
    String note,
    @Nullable Long requestId,
    String sent,
    Instant recordedAt) {

  static final String COLUMNS =
      "id, case_id, stage, submitted_at, submitted_by, reference, note, request_id, sent::text AS"
          + " sent, recorded_at";

  Submission toSubmission() {
    Map<String, String> values;
    try {
      values = CraftJson.mapper().readValue(sent, new TypeReference<Map<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new StoreException("art14_submission: unreadable JSON: " + e.getOriginalMessage(), e);
    }
    return new Submission(
        id,
        caseId,
        SubmissionStage.fromWire(stage),
        submittedAt,
        submittedBy,
        reference,
        note,
        requestId,
        values,
        recordedAt);
  }
}
