package dev.craft.server;

import dev.craft.formats.OsvRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Parsed advisories kept between SBOM uploads, keyed by id and valid only for the stored {@code
 * modified}: matching a new SBOM against 200,000 stored advisories re-parsed the raw JSON of every
 * candidate on each upload, which was most of the upload's time (docs/benchmarks.md). Records are
 * kept without their raw text (the matcher does not read it), least recently used first out.
 */
final class ParsedAdvisoryCache {
  private final int capacity;
  private final Map<String, OsvRecord> byId;

  ParsedAdvisoryCache(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must not be negative, was " + capacity);
    }
    this.capacity = capacity;
    this.byId = new LinkedHashMap<>(16, 0.75f, true);
  }

  /** The parsed record of {@code id} when it was parsed from the version {@code modified}. */
  synchronized Optional<OsvRecord> find(String id, String modified) {
    OsvRecord r = byId.get(id);
    return r != null && r.modified().equals(modified) ? Optional.of(r) : Optional.empty();
  }

  /** Keeps {@code r} (without its raw text), evicting the least recently used beyond capacity. */
  synchronized void put(OsvRecord r) {
    if (capacity == 0) {
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
    var it = byId.entrySet().iterator();
    while (byId.size() > capacity && it.hasNext()) {
      it.next();
      it.remove();
    }
  }

  synchronized int size() {
    return byId.size();
  }
}
