package dev.craft.store;

import dev.craft.core.IntermediateRequest;
import java.time.Instant;

/** A row of {@code art14_intermediate_request}. */
public record IntermediateRequestRow(
    long id,
    long caseId,
    Instant requestedAt,
    Instant dueAt,
    String requestedBy,
    String note,
    Instant createdAt) {

  IntermediateRequest toRequest() {
    return new IntermediateRequest(id, caseId, requestedAt, dueAt, requestedBy, note, createdAt);
  }
}
