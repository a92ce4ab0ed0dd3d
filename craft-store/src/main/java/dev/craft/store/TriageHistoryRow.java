package dev.craft.store;

import java.time.Instant;

/** One change of a triage decision: a decision by a user, or a re-opening by CRAFT. */
public record TriageHistoryRow(
    long id,
    long decisionId,
    String scopeKey,
    String event,
    String state,
    String justification,
    String response,
    String detail,
    String assignee,
    String comment,
    String actor,
    Instant at) {}
