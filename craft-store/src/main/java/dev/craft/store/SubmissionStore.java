package dev.craft.store;

import dev.craft.core.Actor;
import dev.craft.core.ConflictException;
import dev.craft.core.IntermediateRequest;
import dev.craft.core.InvalidInputException;
import dev.craft.core.ReportingCase;
import dev.craft.core.Submission;
import dev.craft.core.SubmissionDraft;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * What was submitted to the single reporting platform for a case, and the coordinator's requests
 * for intermediate reports. Both are append-only: a correction is a new submission.
 */
public final class SubmissionStore {
  private final Jdbi jdbi;

  public SubmissionStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Records a submission with the SRP values as sent. It cannot precede T0 (the duty starts at
   * awareness) and cannot lie in the future.
   */
  public Submission record(
      Actor actor, long caseId, SubmissionDraft draft, Map<String, String> sent, Instant now) {
    return jdbi.inTransaction(
        h -> {
          ReportingCase c = CaseStore.requireVisible(h, actor, caseId);
          if (!c.open()) {
            throw new ConflictException("case " + caseId + " is closed; reopen it first");
          }
          if (draft.submittedAt().isBefore(c.facts().awareAt())) {
            throw new InvalidInputException(
                "submittedAt: "
                    + draft.submittedAt()
                    + " is before the manufacturer became aware ("
                    + c.facts().awareAt()
                    + ")");
          }
          if (draft.submittedAt().isAfter(now.plusSeconds(300))) {
            throw new InvalidInputException(
                "submittedAt: " + draft.submittedAt() + " is in the future; record it once sent");
          }
          if (draft.requestId() != null
              && h.createQuery(
                      "SELECT 1 FROM art14_intermediate_request WHERE id = :r AND case_id = :c")
                  .bind("r", draft.requestId())
                  .bind("c", caseId)
                  .mapTo(Integer.class)
                  .findOne()
                  .isEmpty()) {
            throw new InvalidInputException(
                "requestId: " + draft.requestId() + " is not a request of case " + caseId);
          }
          Submission s =
              h.createQuery(
                      """
                      INSERT INTO art14_submission (case_id, stage, submitted_at, submitted_by,
                                                    reference, note, request_id, sent)
                      VALUES (:caseId, :stage, :at, :by, :reference, :note, :requestId, :sent::jsonb)
                      RETURNING
                      """
                          + SubmissionRow.COLUMNS)
                  .bind("caseId", caseId)
                  .bind("stage", draft.stage().wireName())
                  .bind("at", draft.submittedAt())
                  .bind(
                      "by", draft.submittedBy().isEmpty() ? actor.username() : draft.submittedBy())
                  .bind("reference", draft.reference())
                  .bind("note", draft.note())
                  .bind("requestId", draft.requestId())
                  .bind("sent", CraftJson.write(sent))
                  .mapTo(SubmissionRow.class)
                  .one()
                  .toSubmission();
          h.execute("UPDATE art14_case SET updated_at = now() WHERE id = ?", caseId);
          AuditLog.append(h, actor, "art14case.submission", "art14_case", Long.toString(caseId), s);
          return s;
        });
  }

  public IntermediateRequest request(
      Actor actor,
      long caseId,
      Instant requestedAt,
      Instant dueAt,
      String requestedBy,
      String note) {
    var draft =
        new IntermediateRequest(0, caseId, requestedAt, dueAt, requestedBy, note, requestedAt);
    return jdbi.inTransaction(
        h -> {
          ReportingCase c = CaseStore.requireVisible(h, actor, caseId);
          if (requestedAt.isBefore(c.facts().awareAt())) {
            throw new InvalidInputException(
                "requestedAt: " + requestedAt + " is before the manufacturer became aware");
          }
          IntermediateRequest r =
              h.createQuery(
                      """
                      INSERT INTO art14_intermediate_request (case_id, requested_at, due_at,
                                                              requested_by, note)
                      VALUES (:caseId, :requestedAt, :dueAt, :requestedBy, :note)
                      RETURNING id, case_id, requested_at, due_at, requested_by, note, created_at
                      """)
                  .bind("caseId", caseId)
                  .bind("requestedAt", draft.requestedAt())
                  .bind("dueAt", draft.dueAt())
                  .bind("requestedBy", draft.requestedBy())
                  .bind("note", draft.note())
                  .mapTo(IntermediateRequestRow.class)
                  .one()
                  .toRequest();
          AuditLog.append(
              h, actor, "art14case.intermediate-request", "art14_case", Long.toString(caseId), r);
          return r;
        });
  }

  /** Submissions of the given cases, oldest first. Visibility is the caller's (the case's) job. */
  public List<Submission> submissions(List<Long> caseIds) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + SubmissionRow.COLUMNS
                        + " FROM art14_submission WHERE case_id = ANY (:ids)"
                        + " ORDER BY submitted_at, id")
                .bind("ids", caseIds.toArray(Long[]::new))
                .mapTo(SubmissionRow.class)
                .map(SubmissionRow::toSubmission)
                .list());
  }

  public List<IntermediateRequest> requests(List<Long> caseIds) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT id, case_id, requested_at, due_at, requested_by, note, created_at
                    FROM art14_intermediate_request WHERE case_id = ANY (:ids)
                    ORDER BY due_at, id
                    """)
                .bind("ids", caseIds.toArray(Long[]::new))
                .mapTo(IntermediateRequestRow.class)
                .map(IntermediateRequestRow::toRequest)
                .list());
  }
}
