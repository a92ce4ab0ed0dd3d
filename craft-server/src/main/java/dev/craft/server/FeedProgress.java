package dev.craft.server;

import dev.craft.store.CraftJson;
import dev.craft.store.FeedStateStore;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a running feed has done so far, kept in its {@code feed_state} row for the API and the
 * advisories page: written at the first report and then at most once a second, so that a feed of
 * 100,000 records does not write its row 100,000 times.
 */
final class FeedProgress {
  private static final long INTERVAL_NANOS = 1_000_000_000L;

  private final FeedStateStore state;
  private final String url;
  private boolean reported;
  private long lastWrite;

  FeedProgress(FeedStateStore state, String url) {
    this.state = state;
    this.url = url;
  }

  /** {@code done} of {@code total} units; a negative total when the feed does not say it. */
  void report(long done, long total, String unit) {
    long now = System.nanoTime();
    if (reported && now - lastWrite < INTERVAL_NANOS) {
      return;
    }
    reported = true;
    lastWrite = now;
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("done", done);
    if (total >= 0) {
      p.put("total", total);
    }
    p.put("unit", unit);
    state.progress(url, CraftJson.write(p));
  }
}
