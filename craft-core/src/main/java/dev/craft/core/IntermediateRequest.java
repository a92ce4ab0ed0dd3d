package dev.craft.core;

import java.time.Instant;
import java.util.Objects;

/**
 * A coordinator's request for an intermediate report on relevant status updates (Art. 14(6)), with
 * the due time it set.
 */
public record IntermediateRequest(
    long id,
    long caseId,
    Instant requestedAt,
    Instant dueAt,
    String requestedBy,
    String note,
    Instant createdAt) {
  public IntermediateRequest {
    Objects.requireNonNull(requestedAt, "requestedAt");
    Objects.requireNonNull(dueAt, "dueAt");
    requestedBy = Text.optional("requestedBy", requestedBy, 200);
    note = Text.optional("note", note, 4000);
    if (!dueAt.isAfter(requestedAt)) {
      throw new InvalidInputException(
          "dueAt: must be after the request (" + requestedAt + "), got " + dueAt);
    }
  }
}
