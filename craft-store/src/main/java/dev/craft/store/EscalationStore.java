package dev.craft.store;

import dev.craft.core.Actor;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Remembers which deadline escalations were sent, so that each (case, deadline, offset, channel) is
 * sent once, also with several server instances.
 */
public final class EscalationStore {
  private final Jdbi jdbi;

  public EscalationStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** One escalation: of which deadline, how long before it, through which channel. */
  public record Key(
      long caseId, String deadlineKey, Duration offset, String channel, Instant due) {}

  /** An escalation that was sent. */
  public record Sent(
      long caseId,
      String deadlineKey,
      long offsetSeconds,
      String channel,
      Instant dueAt,
      Instant sentAt) {}

  /**
   * Claims the escalation and runs {@code send} in the same transaction. When another instance
   * already claimed it (its row exists, or its transaction is still open and wins), this returns
   * false without sending. When {@code send} throws, the claim rolls back and a later run retries.
   */
  public boolean sendOnce(Key key, Runnable send) {
    return jdbi.inTransaction(
        h -> {
          int claimed =
              h.createUpdate(
                      """
                      INSERT INTO art14_escalation (case_id, deadline_key, offset_seconds, channel, due_at)
                      VALUES (:c, :k, :o, :ch, :due) ON CONFLICT DO NOTHING
                      """)
                  .bind("c", key.caseId())
                  .bind("k", key.deadlineKey())
                  .bind("o", key.offset().toSeconds())
                  .bind("ch", key.channel())
                  .bind("due", key.due())
                  .execute();
          if (claimed == 0) {
            return false;
          }
          send.run();
          Map<String, Object> state = new LinkedHashMap<>();
          state.put("deadline", key.deadlineKey());
          state.put("offset", key.offset().toString());
          state.put("channel", key.channel());
          state.put("due", key.due());
          AuditLog.append(
              h,
              Actor.SYSTEM,
              "art14case.escalation",
              "art14_case",
              Long.toString(key.caseId()),
              state);
          return true;
        });
  }

  public List<Sent> sent(long caseId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT case_id, deadline_key, offset_seconds, channel, due_at, sent_at
                    FROM art14_escalation WHERE case_id = :c ORDER BY sent_at, deadline_key
                    """)
                .bind("c", caseId)
                .mapTo(Sent.class)
                .list());
  }
}
