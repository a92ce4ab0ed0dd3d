package dev.craft.store;

import java.time.Instant;

/** A claimed unit of background work. {@code payload} is JSON. */
public record Job(long id, String kind, String payload, int attempts, Instant createdAt) {}
