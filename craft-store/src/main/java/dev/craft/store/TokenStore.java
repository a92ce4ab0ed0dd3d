package dev.craft.store;

import dev.craft.core.Actor;
import dev.craft.core.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/** API tokens for scripts and CI. */
public final class TokenStore {
  private final Jdbi jdbi;

  public TokenStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public TokenRow create(
      Actor actor,
      long userId,
      String name,
      String tokenHash,
      String prefix,
      @Nullable Instant expiresAt) {
    return Sql.inTransaction(
        jdbi,
        h -> {
          TokenRow row =
              h.createQuery(
                      """
                      INSERT INTO api_token (user_id, name, token_hash, prefix, expires_at)
                      VALUES (:u, :n, :h, :p, :e) RETURNING *
                      """)
                  .bind("u", userId)
                  .bind("n", name)
                  .bind("h", tokenHash)
                  .bind("p", prefix)
                  .bind("e", expiresAt)
                  .mapTo(TokenRow.class)
                  .one();
          AuditLog.append(
              h,
              actor,
              "token.create",
              "api_token",
              Long.toString(row.id()),
              Map.of(
                  "userId", userId,
                  "name", name,
                  "prefix", prefix,
                  "expiresAt", String.valueOf(expiresAt)));
          return row;
        },
        "this token already exists");
  }

  /** The token if it is known, not revoked and not expired; records its use. */
  public Optional<TokenRow> findUsable(String tokenHash, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    UPDATE api_token SET last_used_at = :now
                    WHERE token_hash = :h AND NOT revoked AND (expires_at IS NULL OR expires_at > :now)
                    RETURNING *
                    """)
                .bind("h", tokenHash)
                .bind("now", now)
                .mapTo(TokenRow.class)
                .findOne());
  }

  public List<TokenRow> listForUser(long userId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM api_token WHERE user_id = :u ORDER BY id")
                .bind("u", userId)
                .mapTo(TokenRow.class)
                .list());
  }

  public void revoke(Actor actor, long userId, long tokenId) {
    jdbi.useTransaction(
        h -> {
          int n =
              h.createUpdate("UPDATE api_token SET revoked = TRUE WHERE id = :id AND user_id = :u")
                  .bind("id", tokenId)
                  .bind("u", userId)
                  .execute();
          if (n == 0) {
            throw new NotFoundException("api token", tokenId);
          }
          AuditLog.append(
              h, actor, "token.revoke", "api_token", Long.toString(tokenId), "{\"revoked\":true}");
        });
  }
}
