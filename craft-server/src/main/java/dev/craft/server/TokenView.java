package dev.craft.server;

import dev.craft.store.TokenRow;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The API and page view of an API token: never its secret or digest. */
public record TokenView(
    long id,
    String name,
    String prefix,
    Instant createdAt,
    @Nullable Instant expiresAt,
    @Nullable Instant lastUsedAt,
    boolean revoked) {

  static TokenView of(TokenRow t) {
    return new TokenView(
        t.id(), t.name(), t.prefix(), t.createdAt(), t.expiresAt(), t.lastUsedAt(), t.revoked());
  }
}
