package dev.craft.server;

import dev.craft.engine.CompiledAdvisory;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled advisories kept between matches, keyed by id and valid only for the stored {@code
 * modified} (ADR 097): matching a new SBOM against 200,000 stored advisories read, parsed and
 * compiled every candidate (71,400 records, 118 MB of JSON, in the benchmark) on each upload
 * (docs/benchmarks.md). With the cache an upload reads only the candidates' ids and {@code
 * modified}, and compiles only what changed since it last saw it.
 *
 * <p>When full, a new record is admitted only in place of an older version of itself: one SBOM's
 * candidates can outnumber the capacity, and a least-recently-used cache would then evict every
 * record before its next use (each upload walks the candidates in the same order), hitting never.
 * Safe for concurrent matches; the capacity may be overshot by the number of concurrent writers.
 */
final class CompiledAdvisoryCache {
  private final int capacity;
  private final Map<String, CompiledAdvisory> byId = new ConcurrentHashMap<>();

  CompiledAdvisoryCache(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must not be negative, was " + capacity);
    }
    this.capacity = capacity;
  }

  /** The compiled record of {@code id} when it was compiled from the version {@code modified}. */
  Optional<CompiledAdvisory> find(String id, String modified) {
    CompiledAdvisory r = byId.get(id);
    return r != null && r.modified().equals(modified) ? Optional.of(r) : Optional.empty();
  }

  /** Keeps {@code r} if there is room or it replaces its own older version. */
  void put(CompiledAdvisory r) {
    if (byId.size() >= capacity && !byId.containsKey(r.id())) {
      return;
    }
    byId.put(r.id(), r);
  }

  int size() {
    return byId.size();
  }
}
