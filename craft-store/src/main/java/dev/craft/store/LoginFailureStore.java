package dev.craft.store;

import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/** Failed sign-ins, counted per user name and per client address to slow down password guessing. */
public final class LoginFailureStore {
  private final Jdbi jdbi;

  public LoginFailureStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public void record(String username, String clientIp) {
    jdbi.useHandle(
        h ->
            h.createUpdate("INSERT INTO login_failure (username, client_ip) VALUES (:u, :ip)")
                .bind("u", username)
                .bind("ip", clientIp)
                .execute());
  }

  /** Failures since {@code since} for this user name, or from this address, whichever is larger. */
  public int recentFailures(String username, String clientIp, Instant since) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT greatest(
                      (SELECT count(*) FROM login_failure WHERE username = :u AND at > :since),
                      (SELECT count(*) FROM login_failure WHERE client_ip = :ip AND at > :since))
                    """)
                .bind("u", username)
                .bind("ip", clientIp)
                .bind("since", since)
                .mapTo(Integer.class)
                .one());
  }

  public void clear(String username) {
    jdbi.useHandle(
        h ->
            h.createUpdate("DELETE FROM login_failure WHERE username = :u")
                .bind("u", username)
                .execute());
  }
}
