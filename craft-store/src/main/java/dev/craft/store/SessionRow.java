package dev.craft.store;

import java.time.Instant;

/** A row of {@code web_session}; the session token itself is never stored, only its SHA-256. */
public record SessionRow(
    String tokenHash, long userId, String csrfToken, Instant createdAt, Instant expiresAt) {}
