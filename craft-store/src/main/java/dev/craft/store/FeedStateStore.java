package dev.craft.store;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * The status of each online advisory feed (ADR 081), keyed by its URL in {@code feed_state}, next
 * to the watermark that {@link AdvisoryStore#watermark} keeps: queued/running while a round runs,
 * and the last success, counts and error.
 */
public final class FeedStateStore {
  private final Jdbi jdbi;

  public FeedStateStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * One feed's row; {@code lastCounts} is JSON text, {@code progress} JSON text while it runs
   * ({@code {"done":120,"total":4000,"unit":"records"}}, no total where the feed gives none), else
   * empty.
   */
  public record FeedStatus(
      String url,
      String kind,
      String state,
      String watermark,
      @Nullable Instant lastStartedAt,
      @Nullable Instant lastSuccessAt,
      String lastCounts,
      String lastError,
      @Nullable Instant lastErrorAt,
      String progress) {

    /** The progress for people: "120 of 4000 records", "3 pages"; empty when there is none. */
    public String progressText() {
      if (progress.isEmpty()) {
        return "";
      }
      try {
        var p = CraftJson.mapper().readTree(progress);
        String unit = p.path("unit").asText();
        return p.has("total")
            ? p.path("done").asLong() + " of " + p.path("total").asLong() + " " + unit
            : p.path("done").asLong() + " " + unit;
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        return "";
      }
    }
  }

  public List<FeedStatus> all() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT url, kind, state, watermark, last_started_at, last_success_at,
                      last_counts::text AS last_counts, last_error, last_error_at, progress
                    FROM feed_state ORDER BY kind, url
                    """)
                .map(
                    (rs, ctx) ->
                        new FeedStatus(
                            rs.getString("url"),
                            rs.getString("kind"),
                            rs.getString("state"),
                            rs.getString("watermark"),
                            instant(rs.getTimestamp("last_started_at")),
                            instant(rs.getTimestamp("last_success_at")),
                            rs.getString("last_counts"),
                            rs.getString("last_error"),
                            instant(rs.getTimestamp("last_error_at")),
                            rs.getString("progress")))
                .list());
  }

  /** Marks a feed as waiting for its turn in the round that starts now. */
  public void queued(String url, String kind) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO feed_state (url, watermark, kind, state) VALUES (:url, '', :kind, 'queued')
                    ON CONFLICT (url) DO UPDATE SET kind = excluded.kind, state = 'queued'
                    """)
                .bind("url", url)
                .bind("kind", kind)
                .execute());
  }

  public void running(String url) {
    jdbi.useHandle(
        h ->
            h.execute(
                "UPDATE feed_state SET state = 'running', last_started_at = now(), progress = ''"
                    + " WHERE url = ?",
                url));
  }

  public void succeeded(String url, String countsJson) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    UPDATE feed_state SET state = 'idle', last_success_at = now(),
                      last_counts = :counts::jsonb, last_error = '', progress = '' WHERE url = :url
                    """)
                .bind("url", url)
                .bind("counts", countsJson)
                .execute());
  }

  public void failed(String url, String error) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    UPDATE feed_state SET state = 'idle', last_error = :error,
                      last_error_at = now(), progress = '' WHERE url = :url
                    """)
                .bind("url", url)
                .bind("error", error.length() > 2000 ? error.substring(0, 2000) : error)
                .execute());
  }

  /** What a running feed has done so far (JSON text, see {@link FeedStatus}). */
  public void progress(String url, String json) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE feed_state SET progress = :p WHERE url = :url AND state = 'running'")
                .bind("url", url)
                .bind("p", json)
                .execute());
  }

  private static @Nullable Instant instant(java.sql.@Nullable Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
