package dev.craft.engine;

import dev.craft.core.CvssScore;
import dev.craft.core.Ecosystem;
import dev.craft.core.VersionScheme;
import dev.craft.formats.AliasGroups;
import dev.craft.formats.OsvRecord;
import dev.craft.formats.Timestamps;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory matching index: affected entries of every non-withdrawn advisory, keyed by
 * (ecosystem, normalised package name), with range bounds parsed once. Built by {@link Builder};
 * read-only afterwards, so one index serves concurrent scans.
 */
public final class AdvisoryIndex {
  private final Map<PackageKey, List<IndexedAffected>> byPackage;
  private final AliasGroups aliases;
  private final Map<String, List<String>> aliasCache;
  private final Map<String, List<String>> groupMembers;
  private final Stats stats;

  /** Counts for reports: what was indexed and what was left out, and why. */
  public record Stats(
      int records, int withdrawn, int duplicates, int affectedEntries, int entriesWithoutPackage) {}

  private AdvisoryIndex(
      Map<PackageKey, List<IndexedAffected>> byPackage, AliasGroups aliases, Stats stats) {
    this.byPackage = byPackage;
    this.aliases = aliases;
    this.stats = stats;
    // Sized for every record's id at once: growing a concurrent map while parts match (an SBOM
    // upload looks up 72,000 ids) moved its entries again and again.
    this.aliasCache = new ConcurrentHashMap<>(Math.max(16, stats.records()));
    this.groupMembers = new ConcurrentHashMap<>(Math.max(16, stats.records() / 4));
  }

  public static Builder builder() {
    return new Builder(16);
  }

  /** A builder for about {@code expectedRecords} records, its maps sized for them at once. */
  public static Builder builder(int expectedRecords) {
    return new Builder(expectedRecords);
  }

  public Stats stats() {
    return stats;
  }

  /** Identifiers that the advisories say are the same vulnerability as {@code id}. */
  public List<String> aliasesOf(String id) {
    // Groups are complete once built; many findings share an advisory, so compute each once. A
    // plain get first: computeIfAbsent locks a bin whose first entry is another id, and parts
    // matching at the same time would wait on each other.
    List<String> known = aliasCache.get(id);
    return known != null ? known : aliasCache.computeIfAbsent(id, this::othersInGroup);
  }

  /**
   * The aliases of {@code id} from its group's sorted members, which are collected once for all the
   * group's ids (the benchmark's synthetic advisories form groups of ~25).
   */
  private List<String> othersInGroup(String id) {
    String group = aliases.groupOf(id);
    List<String> members = groupMembers.get(group);
    if (members == null) {
      members = groupMembers.computeIfAbsent(group, aliases::membersOf);
    }
    return AliasGroups.others(members, id);
  }

  public AliasGroups aliasGroups() {
    return aliases;
  }

  List<IndexedAffected> candidates(PackageKey key) {
    return byPackage.getOrDefault(key, List.of());
  }

  /**
   * Collects records; not thread-safe. Of several records with one id the one modified last is
   * indexed (OSV: "the one with the later modification time is considered authoritative"), the
   * first of those modified at the same time; when that one is withdrawn, none is.
   */
  public static final class Builder {
    private final Map<PackageKey, List<IndexedAffected>> byPackage;
    private final AliasGroups aliases;
    private final Map<String, CompiledAdvisory> latest;
    private final Map<String, Optional<VersionScheme>> schemes = new HashMap<>();
    private final Map<String, Optional<CvssScore>> scores = new HashMap<>();
    private int records;
    private boolean built;

    private Builder(int expectedRecords) {
      int n = Math.max(16, expectedRecords);
      byPackage = HashMap.newHashMap(n);
      aliases = new AliasGroups(n);
      latest = LinkedHashMap.newLinkedHashMap(n);
    }

    /** Adds a record: indexed unless withdrawn or another record with its id is authoritative. */
    public Builder add(OsvRecord record) {
      requireNotBuilt();
      records++;
      if (supersedes(record.id(), record.modified())) {
        latest.put(
            record.id(),
            CompiledAdvisory.of(
                record, this::scheme, v -> scores.computeIfAbsent(v, AdvisorySeverity::score)));
      }
      return this;
    }

    /** Adds a record compiled before, as {@link #add(OsvRecord)} adds one. */
    public Builder add(CompiledAdvisory advisory) {
      requireNotBuilt();
      records++;
      if (supersedes(advisory.id(), advisory.modified())) {
        latest.put(advisory.id(), advisory);
      }
      return this;
    }

    /** Whether a record of {@code id} modified at {@code modified} replaces the one kept. */
    private boolean supersedes(String id, String modified) {
      CompiledAdvisory kept = latest.get(id);
      return kept == null || Timestamps.isLater(modified, kept.modified());
    }

    private void requireNotBuilt() {
      if (built) {
        throw new IllegalStateException("this builder has built its index already");
      }
    }

    /**
     * The index of the records added; the builder is used up (its maps become the index's, not
     * copied: 75,000 package keys for an SBOM upload's candidates).
     */
    public AdvisoryIndex build() {
      requireNotBuilt();
      built = true;
      int withdrawn = 0;
      int entries = 0;
      int withoutPackage = 0;
      for (CompiledAdvisory advisory : latest.values()) {
        if (advisory.isWithdrawn()) {
          withdrawn++;
          continue;
        }
        aliases.add(advisory.id(), advisory.aliases(), advisory.source());
        withoutPackage += advisory.withoutPackage();
        for (CompiledAdvisory.Entry e : advisory.entries()) {
          entries++;
          byPackage.computeIfAbsent(e.key(), k -> new ArrayList<>(2)).add(e.affected());
        }
      }
      int kept = latest.size();
      // The index keeps the records' parts, not the records: a builder still referenced (a scan's
      // local variable) would otherwise hold 200,000 of them.
      latest.clear();
      return new AdvisoryIndex(
          java.util.Collections.unmodifiableMap(byPackage),
          aliases,
          new Stats(records, withdrawn, records - kept, entries, withoutPackage));
    }

    private Optional<VersionScheme> scheme(String ecoKey) {
      return schemes.computeIfAbsent(ecoKey, k -> Ecosystem.find(k).map(Ecosystem::versionScheme));
    }
  }
}
