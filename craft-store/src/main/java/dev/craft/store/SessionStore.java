package dev.craft.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Web sign-in sessions, shared by every server instance through the database. */
public final class SessionStore {
  private final Jdbi jdbi;

  public SessionStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public void create(String tokenHash, long userId, String csrfToken, Instant expiresAt) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO web_session (token_hash, user_id, csrf_token, expires_at)
                    VALUES (:t, :u, :c, :e)
                    """)
                .bind("t", tokenHash)
                .bind("u", userId)
                .bind("c", csrfToken)
                .bind("e", expiresAt)
                .execute());
  }

  /** The session, if it exists and has not expired. */
  public Optional<SessionRow> findLive(String tokenHash, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM web_session WHERE token_hash = :t AND expires_at > :now")
                .bind("t", tokenHash)
                .bind("now", now)
                .mapTo(SessionRow.class)
                .findOne());
  }

  public void delete(String tokenHash) {
    jdbi.useHandle(
        h ->
            h.createUpdate("DELETE FROM web_session WHERE token_hash = :t")
                .bind("t", tokenHash)
                .execute());
  }

  public int purgeExpired(Instant now) {
    return jdbi.withHandle(
        h ->
            h.createUpdate("DELETE FROM web_session WHERE expires_at <= :now")
                .bind("now", now)
                .execute());
  }
}
