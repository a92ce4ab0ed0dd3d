package dev.craft.server;

import dev.craft.store.AdvisoryStore;
import dev.craft.store.AdvisoryStore.AdvisoryStamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stamps (id and {@code modified}) of the stored advisories of package keys, kept between SBOM
 * uploads while the advisory generation (V20) stays the one they were read at (ADR 101): an upload
 * asks the database for the generation and for the stamps of the keys not kept, not for the 70,000
 * stamps of its 9,000 keys each time. Every kept entry was read at {@link #generation}; a changed
 * generation drops them all.
 */
final class StampCache {
  private final AdvisoryStore store;
  private final int maxStamps;
  private long generation = -1;
  private final Map<String, List<AdvisoryStamp>> byKey = new HashMap<>();
  private int stamps;

  StampCache(AdvisoryStore store, int maxStamps) {
    this.store = store;
    this.maxStamps = maxStamps;
  }

  /**
   * The stamps of the stored, non-withdrawn advisories of {@code keys} (those of {@link
   * AdvisoryStore#forPackages}), in no particular order, with the generation they are all current
   * at.
   */
  AdvisoryStore.Stamps stamps(Set<String> keys) {
    long current = store.generation();
    // The kept entries of these keys (read at `current`), taken at once: another upload may
    // reset the cache meanwhile. Kept lists are never changed.
    var found = new HashMap<String, List<AdvisoryStamp>>(keys.size() * 2);
    Set<String> missing = new HashSet<>();
    synchronized (this) {
      if (current != generation) {
        reset(current);
      }
      for (String k : keys) {
        List<AdvisoryStamp> kept = byKey.get(k);
        if (kept == null) {
          missing.add(k);
        } else {
          found.put(k, kept);
        }
      }
    }
    if (missing.isEmpty()) {
      return assemble(current, found, keys);
    }
    var read = store.stampsByKey(missing);
    keep(read);
    if (read.generation() == current) {
      found.putAll(read.byKey());
      return assemble(current, found, keys);
    }
    // Advisories changed between the two reads: every key at one generation.
    var all = store.stampsByKey(keys);
    keep(all);
    return assemble(all.generation(), all.byKey(), keys);
  }

  private synchronized void keep(AdvisoryStore.StampsByKey read) {
    if (read.generation() != generation) {
      reset(read.generation());
    }
    for (var e : read.byKey().entrySet()) {
      List<AdvisoryStamp> old = byKey.get(e.getKey());
      int added = e.getValue().size() - (old == null ? 0 : old.size());
      if (stamps + added > maxStamps) {
        return;
      }
      byKey.put(e.getKey(), e.getValue());
      stamps += added;
    }
  }

  private void reset(long to) {
    generation = to;
    byKey.clear();
    stamps = 0;
  }

  /**
   * The distinct stamps of {@code keys} in {@code from}, in the order met: the matcher's index does
   * not depend on the order of its records (sorting 71,692 ids took tens of milliseconds).
   */
  private static AdvisoryStore.Stamps assemble(
      long generation, Map<String, List<AdvisoryStamp>> from, Set<String> keys) {
    var seen = new HashSet<String>();
    var out = new ArrayList<AdvisoryStamp>();
    for (String k : keys) {
      for (AdvisoryStamp s : from.getOrDefault(k, List.of())) {
        if (seen.add(s.id())) {
          out.add(s);
        }
      }
    }
    return new AdvisoryStore.Stamps(generation, out);
  }
}
