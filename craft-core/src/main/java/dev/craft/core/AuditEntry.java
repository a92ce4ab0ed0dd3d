package dev.craft.core;

import java.time.Instant;

/**
 * One entry of CRAFT's append-only audit log. {@code hash} chains the entry to its predecessor: it
 * covers every other field and {@code prevHash}, so editing, deleting, inserting or reordering
 * entries breaks the chain.
 *
 * @param state the new state of the record as JSON (or a digest of it for large records)
 */
public record AuditEntry(
    long seq,
    Instant at,
    String actor,
    String action,
    String entityType,
    String entityId,
    String state,
    String prevHash,
    String hash) {}
