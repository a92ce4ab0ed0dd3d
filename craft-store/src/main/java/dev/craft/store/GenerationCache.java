package dev.craft.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a feed's table holds for each id asked about (a value, or nothing), kept while the feed's
 * generation (V21) stays the one it was read at (ADR 103): an SBOM upload asks about the 60,000
 * CVEs its candidate advisories name, and sending them all to PostgreSQL on every upload cost tens
 * of milliseconds there and in the JVM. A changed generation drops every kept answer. Safe for
 * concurrent callers; the database is read outside the lock.
 */
final class GenerationCache<V> {
  private final int maxIds;
  private long generation = -1;
  private final Map<String, Optional<V>> byId = new HashMap<>();

  GenerationCache(int maxIds) {
    this.maxIds = maxIds;
  }

  /**
   * The values of {@code ids} (ids with none left out) at {@code current}, the feed's generation
   * read before this call: kept answers, and for the rest what {@code read} returns now, which is
   * as new as {@code current} or newer.
   */
  Map<String, V> get(
      long current, Collection<String> ids, Function<List<String>, Map<String, V>> read) {
    var out = new HashMap<String, V>();
    var missing = new ArrayList<String>();
    synchronized (this) {
      if (current > generation) {
        generation = current;
        byId.clear();
      } else if (current < generation) {
        // Read before another caller saw a newer generation: the kept answers may be newer than
        // this caller's view, and its own must not be kept.
        return read.apply(List.copyOf(ids));
      }
      for (String id : ids) {
        Optional<V> kept = byId.get(id);
        if (kept == null) {
          missing.add(id);
        } else {
          kept.ifPresent(v -> out.put(id, v));
        }
      }
    }
    if (missing.isEmpty()) {
      return out;
    }
    Map<String, V> fresh = read.apply(missing);
    out.putAll(fresh);
    synchronized (this) {
      if (current == generation && byId.size() + missing.size() <= maxIds) {
        for (String id : missing) {
          byId.put(id, Optional.ofNullable(fresh.get(id)));
        }
      }
    }
    return out;
  }
}
