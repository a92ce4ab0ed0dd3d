package dev.craft.server;

import dev.craft.formats.OsvRecord;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Parsed advisories kept between SBOM uploads, keyed by id and valid only for the stored {@code
 * modified}: matching a new SBOM against 200,000 stored advisories re-parsed the raw JSON of every
 * candidate (71,400 records, 118 MB, in the benchmark) on each upload (docs/benchmarks.md). Records
 * are kept without their raw text (the matcher does not read it).
 *
 * <p>When full, a new record is admitted only in place of an older version of itself: one SBOM's
 * candidates can outnumber the capacity, and a least-recently-used cache would then evict every
 * record before its next use (each upload walks the candidates in the same order), hitting never.
 */
final class ParsedAdvisoryCache {
  private final int capacity;
  private final Map<String, OsvRecord> byId;

  ParsedAdvisoryCache(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must not be negative, was " + capacity);
    }
    this.capacity = capacity;
    this.byId = new HashMap<>();
  }

  /** The parsed record of {@code id} when it was parsed from the version {@code modified}. */
  synchronized Optional<OsvRecord> find(String id, String modified) {
    OsvRecord r = byId.get(id);
    return r != null && r.modified().equals(modified) ? Optional.of(r) : Optional.empty();
  }

  /**
   * Keeps {@code r} (without its raw text) if there is room or it replaces its own older version.
   */
  synchronized void put(OsvRecord r) {
    if (byId.size() >= capacity && !byId.containsKey(r.id())) {
      return;
    }
    byId.put(
        r.id(),
        new OsvRecord(
            r.id(),
            r.modified(),
            r.published(),
            r.withdrawn(),
            r.aliases(),
            r.severity(),
            r.databaseSeverity(),
            r.affected(),
            r.source(),
            ""));
  }

  synchronized int size() {
    return byId.size();
  }
}
