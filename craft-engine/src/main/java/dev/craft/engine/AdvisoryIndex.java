package dev.craft.engine;

import dev.craft.core.CvssScore;
import dev.craft.core.Ecosystem;
import dev.craft.core.VersionScheme;
import dev.craft.formats.AliasGroups;
import dev.craft.formats.OsvAffected;
import dev.craft.formats.OsvRange;
import dev.craft.formats.OsvRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory matching index: affected entries of every non-withdrawn advisory, keyed by
 * (ecosystem, normalised package name), with range bounds parsed once. Built by {@link Builder};
 * read-only afterwards, so one index serves concurrent scans.
 */
public final class AdvisoryIndex {
  private final Map<PackageKey, List<IndexedAffected>> byPackage;
  private final AliasGroups aliases;
  private final Map<String, List<String>> aliasCache = new ConcurrentHashMap<>();
  private final Stats stats;

  /** Counts for reports: what was indexed and what was left out, and why. */
  public record Stats(
      int records, int withdrawn, int duplicates, int affectedEntries, int entriesWithoutPackage) {}

  private AdvisoryIndex(
      Map<PackageKey, List<IndexedAffected>> byPackage, AliasGroups aliases, Stats stats) {
    this.byPackage = byPackage;
    this.aliases = aliases;
    this.stats = stats;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Stats stats() {
    return stats;
  }

  /** Identifiers that the advisories say are the same vulnerability as {@code id}. */
  public List<String> aliasesOf(String id) {
    // Groups are complete once built; many findings share an advisory, so compute each once.
    return aliasCache.computeIfAbsent(id, aliases::aliasesOf);
  }

  public AliasGroups aliasGroups() {
    return aliases;
  }

  List<IndexedAffected> candidates(PackageKey key) {
    return byPackage.getOrDefault(key, List.of());
  }

  /** Collects records; not thread-safe. */
  public static final class Builder {
    private final Map<PackageKey, List<IndexedAffected>> byPackage = new HashMap<>();
    private final AliasGroups aliases = new AliasGroups();
    private final Set<String> seen = new HashSet<>();
    private final Map<String, Optional<VersionScheme>> schemes = new HashMap<>();
    private final Map<String, Optional<CvssScore>> scores = new HashMap<>();
    private int records;
    private int withdrawn;
    private int duplicates;
    private int entries;
    private int withoutPackage;

    private Builder() {}

    /**
     * Adds a record. Withdrawn records are counted and left out; a second record with an id already
     * added is counted as a duplicate and left out (the first source wins).
     */
    public Builder add(OsvRecord record) {
      records++;
      if (record.isWithdrawn()) {
        withdrawn++;
        return this;
      }
      if (!seen.add(record.id())) {
        duplicates++;
        return this;
      }
      aliases.add(record);
      var advisory =
          new IndexedAdvisory(
              record.id(),
              record.source(),
              record.aliases(),
              AdvisorySeverity.of(record, v -> scores.computeIfAbsent(v, AdvisorySeverity::score)));
      List<OsvAffected> affected = record.affected();
      for (int i = 0; i < affected.size(); i++) {
        OsvAffected a = affected.get(i);
        var key = PackageNames.ofOsv(a.ecosystem(), a.name());
        if (key.isEmpty()) {
          withoutPackage++;
          continue;
        }
        entries++;
        byPackage
            .computeIfAbsent(key.get(), k -> new ArrayList<>(2))
            .add(compile(advisory, i, a, key.get()));
      }
      return this;
    }

    public AdvisoryIndex build() {
      return new AdvisoryIndex(
          Map.copyOf(byPackage),
          aliases,
          new Stats(records, withdrawn, duplicates, entries, withoutPackage));
    }

    private IndexedAffected compile(
        IndexedAdvisory advisory, int index, OsvAffected a, PackageKey key) {
      var ranges = new ArrayList<CompiledRange>(a.ranges().size());
      for (int r = 0; r < a.ranges().size(); r++) {
        ranges.add(compileRange(a.ranges().get(r), r, a.ecosystem(), key.ecosystem()));
      }
      Set<String> versions = new LinkedHashSet<>();
      for (String v : a.versions()) {
        versions.add(Versions.listKey(v));
      }
      Set<String> paths = new HashSet<>();
      for (String path : a.packagePaths()) {
        paths.add(path.toLowerCase(Locale.ROOT));
      }
      return new IndexedAffected(
          advisory,
          index,
          a.ecosystem(),
          a.name(),
          Set.copyOf(versions),
          List.copyOf(ranges),
          scheme(key.ecosystem()).orElse(null),
          Distro.ofOsvEcosystem(a.ecosystem()),
          Set.copyOf(paths));
    }

    private CompiledRange compileRange(OsvRange range, int index, String osvEco, String ecoKey) {
      return switch (range.type()) {
        case "GIT" -> CompiledRange.unusable(range, index, "GIT ranges name commits, not versions");
        case "ECOSYSTEM" ->
            scheme(ecoKey)
                .map(s -> CompiledRange.compile(range, index, s))
                .orElseGet(
                    () ->
                        CompiledRange.unusable(
                            range, index, "no version comparator for ecosystem " + osvEco));
        case "SEMVER" ->
            CompiledRange.compile(range, index, scheme(Versions.semverSchemeFor(ecoKey)).get());
        default -> CompiledRange.unusable(range, index, "unknown range type " + range.type());
      };
    }

    private Optional<VersionScheme> scheme(String ecoKey) {
      return schemes.computeIfAbsent(ecoKey, k -> Ecosystem.find(k).map(Ecosystem::versionScheme));
    }
  }
}
