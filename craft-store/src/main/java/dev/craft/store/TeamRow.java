package dev.craft.store;

import java.time.Instant;

/** A row of {@code team}. */
public record TeamRow(long id, String name, Instant createdAt) {}
