package dev.craft.store;

import dev.craft.core.Actor;
import dev.craft.core.AuditChain;
import dev.craft.core.AuditCheckpoint;
import dev.craft.core.AuditEntry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The append-only, hash-chained audit log. Entries are appended inside the transaction of the
 * change they record, so a change and its entry commit or roll back together.
 */
public final class AuditLog {
  /** Serialises appenders: each entry needs its predecessor's hash. */
  private static final long APPEND_LOCK = 0x4352414654L;

  private static final int MAX_STATE_CHARS = 64 * 1024;

  private final Jdbi jdbi;

  public AuditLog(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Appends an entry in the caller's transaction. Large states are replaced by their SHA-256
   * digest.
   */
  public static AuditEntry append(
      Handle handle, Actor actor, String action, String entityType, String entityId, Object state) {
    String json = state instanceof String s ? s : CraftJson.write(state);
    if (json.length() > MAX_STATE_CHARS) {
      json = "{\"sha256\":\"" + AuditChain.sha256Hex(json) + "\"}";
    }
    handle.execute("SELECT pg_advisory_xact_lock(?)", APPEND_LOCK);
    var last =
        handle
            .createQuery("SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1")
            .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2)})
            .findOne();
    long seq = last.map(r -> (Long) r[0] + 1).orElse(1L);
    String prev = last.map(r -> (String) r[1]).orElse(AuditChain.GENESIS);
    // Microsecond precision: what PostgreSQL's timestamptz keeps, so the hash survives a round
    // trip.
    Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
    String hash =
        AuditChain.hash(seq, at, actor.username(), action, entityType, entityId, json, prev);
    handle
        .createUpdate(
            """
            INSERT INTO audit_entry (seq, at, actor, action, entity_type, entity_id, state, prev_hash, hash)
            VALUES (:seq, :at, :actor, :action, :entityType, :entityId, :state, :prev, :hash)
            """)
        .bind("seq", seq)
        .bind("at", at)
        .bind("actor", actor.username())
        .bind("action", action)
        .bind("entityType", entityType)
        .bind("entityId", entityId)
        .bind("state", json)
        .bind("prev", prev)
        .bind("hash", hash)
        .execute();
    return new AuditEntry(
        seq, at, actor.username(), action, entityType, entityId, json, prev, hash);
  }

  public Optional<AuditEntry> last() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM audit_entry ORDER BY seq DESC LIMIT 1")
                .mapTo(AuditEntry.class)
                .findOne());
  }

  public Optional<AuditCheckpoint> lastCheckpoint() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM audit_checkpoint ORDER BY seq DESC LIMIT 1")
                .mapTo(AuditCheckpoint.class)
                .findOne());
  }

  /** Records a signed checkpoint unless one already covers that seq. */
  public void saveCheckpoint(AuditCheckpoint checkpoint) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO audit_checkpoint (seq, hash, at, signature)
                    VALUES (:seq, :hash, :at, :signature) ON CONFLICT (seq) DO NOTHING
                    """)
                .bindMethods(checkpoint)
                .execute());
  }

  /** Streams the whole log in order, a page at a time, so memory stays flat on large logs. */
  public void forEachEntry(Consumer<AuditEntry> sink) {
    long after = 0;
    while (true) {
      long from = after;
      List<AuditEntry> page =
          jdbi.withHandle(
              h ->
                  h.createQuery(
                          "SELECT * FROM audit_entry WHERE seq > :after ORDER BY seq LIMIT 1000")
                      .bind("after", from)
                      .mapTo(AuditEntry.class)
                      .list());
      if (page.isEmpty()) {
        return;
      }
      page.forEach(sink);
      after = page.getLast().seq();
    }
  }

  public List<AuditCheckpoint> checkpoints() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM audit_checkpoint ORDER BY seq")
                .mapTo(AuditCheckpoint.class)
                .list());
  }

  public List<AuditEntry> recent(int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM audit_entry ORDER BY seq DESC LIMIT :limit")
                .bind("limit", limit)
                .mapTo(AuditEntry.class)
                .list());
  }
}
