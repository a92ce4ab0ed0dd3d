package dev.craft.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The current triage decision of one scope (history in {@link TriageHistoryRow}). */
public record TriageDecision(
    long id,
    long productId,
    String vulnerabilityId,
    String packageKey,
    String scope,
    String scopeKey,
    @Nullable Long releaseId,
    String rangeFrom,
    String rangeTo,
    String versions,
    String state,
    String justification,
    String response,
    String detail,
    String assignee,
    String componentVersion,
    String advisoryModified,
    String updatedBy,
    Instant updatedAt) {}
