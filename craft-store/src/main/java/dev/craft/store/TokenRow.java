package dev.craft.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A row of {@code api_token}; only the SHA-256 of the secret is stored. */
public record TokenRow(
    long id,
    long userId,
    String name,
    String tokenHash,
    String prefix,
    Instant createdAt,
    @Nullable Instant expiresAt,
    @Nullable Instant lastUsedAt,
    boolean revoked) {}
