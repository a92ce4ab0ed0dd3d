package dev.craft.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Durable background jobs in PostgreSQL. Any number of server instances can work the queue: a claim
 * takes the oldest ready job with {@code FOR UPDATE SKIP LOCKED}, so two workers never get the same
 * job and none waits for another. A job whose worker died is claimable again once its lease has run
 * out.
 */
public final class JobQueue {
  private final Jdbi jdbi;
  private final Duration lease;

  public JobQueue(Jdbi jdbi, Duration lease) {
    this.jdbi = jdbi;
    this.lease = lease;
  }

  public long enqueue(String kind, String payloadJson, Instant runAfter) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    INSERT INTO job (kind, payload, run_after) VALUES (:kind, CAST(:payload AS jsonb), :after)
                    RETURNING id
                    """)
                .bind("kind", kind)
                .bind("payload", payloadJson)
                .bind("after", runAfter)
                .mapTo(Long.class)
                .one());
  }

  /** Claims the oldest ready job of one of the given kinds for {@code worker}, if there is one. */
  public Optional<Job> claim(String worker, String... kinds) {
    Instant now = Instant.now();
    return jdbi.inTransaction(
        h ->
            h.createQuery(
                    """
                    UPDATE job SET state = 'running', attempts = attempts + 1, locked_by = :worker,
                                   locked_at = :now
                    WHERE id = (
                      SELECT id FROM job
                      WHERE kind = ANY(:kinds)
                        AND ((state = 'queued' AND run_after <= :now)
                             OR (state = 'running' AND locked_at < :expired))
                      ORDER BY run_after, id
                      FOR UPDATE SKIP LOCKED
                      LIMIT 1)
                    RETURNING id, kind, payload::text AS payload, attempts, created_at
                    """)
                .bind("worker", worker)
                .bind("now", now)
                .bind("expired", now.minus(lease))
                .bind("kinds", kinds)
                .map(
                    (rs, ctx) ->
                        new Job(
                            rs.getLong("id"),
                            rs.getString("kind"),
                            rs.getString("payload"),
                            rs.getInt("attempts"),
                            rs.getTimestamp("created_at").toInstant()))
                .findOne());
  }

  public void complete(long id) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE job SET state = 'done', finished_at = now(), locked_by = NULL WHERE id = :id")
                .bind("id", id)
                .execute());
  }

  /**
   * Records a failure; the job is retried after {@code retryAfter} until {@code maxAttempts}, then
   * it stays failed.
   */
  public void fail(long id, String error, int maxAttempts, Duration retryAfter) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    UPDATE job SET last_error = :error, locked_by = NULL,
                           state = CASE WHEN attempts >= :max THEN 'failed' ELSE 'queued' END,
                           run_after = now() + make_interval(secs => :retry),
                           finished_at = CASE WHEN attempts >= :max THEN now() END
                    WHERE id = :id
                    """)
                .bind("id", id)
                .bind("error", error.length() > 4000 ? error.substring(0, 4000) : error)
                .bind("max", maxAttempts)
                .bind("retry", (double) retryAfter.toSeconds())
                .execute());
  }

  /**
   * Whether a job of {@code kind} is queued or running, so that a scheduler does not pile them up.
   */
  public boolean hasPending(String kind) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                        "SELECT count(*) FROM job WHERE kind = :kind AND state IN ('queued', 'running')")
                    .bind("kind", kind)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  public String state(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT state FROM job WHERE id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .one());
  }
}
