package dev.craft.engine;

import dev.craft.core.CvssScore;
import dev.craft.core.Ecosystem;
import dev.craft.core.VersionScheme;
import dev.craft.formats.OsvAffected;
import dev.craft.formats.OsvRange;
import dev.craft.formats.OsvRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One advisory record in the index's form: its affected entries keyed by package with their ranges
 * compiled, its severity scored. Compiling is most of the cost of building an index, and a compiled
 * record does not depend on the other records, so a server keeps compiled records between matches
 * and builds each match's index from them ({@link AdvisoryIndex.Builder#add(CompiledAdvisory)}).
 * Immutable.
 */
public final class CompiledAdvisory {
  /** One affected entry under the package key it is looked up by. */
  record Entry(PackageKey key, IndexedAffected affected) {}

  private final String modified;
  private final boolean withdrawn;
  private final IndexedAdvisory advisory;
  private final List<Entry> entries;
  private final int withoutPackage;
  private final boolean withoutCvss;
  private final List<String> cves;

  private CompiledAdvisory(
      String modified,
      boolean withdrawn,
      IndexedAdvisory advisory,
      List<Entry> entries,
      int withoutPackage,
      boolean withoutCvss,
      List<String> cves) {
    this.modified = modified;
    this.withdrawn = withdrawn;
    this.advisory = advisory;
    this.entries = List.copyOf(entries);
    this.withoutPackage = withoutPackage;
    this.withoutCvss = withoutCvss;
    this.cves = List.copyOf(cves);
  }

  /** Compiles {@code record} (its raw text is not kept). */
  public static CompiledAdvisory of(OsvRecord record) {
    return of(
        record, eco -> Ecosystem.find(eco).map(Ecosystem::versionScheme), AdvisorySeverity::score);
  }

  /** Like {@link #of(OsvRecord)}, with the caller's memos for schemes and vector scores. */
  static CompiledAdvisory of(
      OsvRecord record,
      Function<String, Optional<VersionScheme>> schemes,
      Function<String, Optional<CvssScore>> scorer) {
    var advisory =
        new IndexedAdvisory(
            record.id(), record.source(), record.aliases(), AdvisorySeverity.of(record, scorer));
    var entries = new ArrayList<Entry>(record.affected().size());
    int withoutPackage = 0;
    if (!record.isWithdrawn()) {
      List<OsvAffected> affected = record.affected();
      for (int i = 0; i < affected.size(); i++) {
        OsvAffected a = affected.get(i);
        var key = PackageNames.ofOsv(a.ecosystem(), a.name());
        if (key.isEmpty()) {
          withoutPackage++;
          continue;
        }
        entries.add(new Entry(key.get(), compile(advisory, i, a, key.get(), schemes)));
      }
    }
    return new CompiledAdvisory(
        record.modified(),
        record.isWithdrawn(),
        advisory,
        entries,
        withoutPackage,
        NvdSeverity.withoutCvss(record),
        NvdSeverity.cvesOf(record));
  }

  public String id() {
    return advisory.id();
  }

  /** The record's {@code modified}, to tell whether a stored record is still this version. */
  public String modified() {
    return modified;
  }

  public String source() {
    return advisory.source();
  }

  public List<String> aliases() {
    return advisory.aliases();
  }

  public boolean isWithdrawn() {
    return withdrawn;
  }

  /** Whether the record has no CVSS vector at all (NVD's may then be used: ADR 081). */
  public boolean withoutCvss() {
    return withoutCvss;
  }

  /** The CVE ids the record names: its own id, then its aliases. */
  public List<String> cves() {
    return cves;
  }

  int withoutPackage() {
    return withoutPackage;
  }

  List<Entry> entries() {
    return entries;
  }

  IndexedAdvisory advisory() {
    return advisory;
  }

  /** The record as read from {@code source}. */
  public CompiledAdvisory withSource(String source) {
    return source.equals(advisory.source())
        ? this
        : with(new IndexedAdvisory(advisory.id(), source, advisory.aliases(), advisory.severity()));
  }

  private CompiledAdvisory with(IndexedAdvisory next) {
    var moved = new ArrayList<Entry>(entries.size());
    for (Entry e : entries) {
      IndexedAffected a = e.affected();
      moved.add(
          new Entry(
              e.key(),
              new IndexedAffected(
                  next,
                  a.index(),
                  a.ecosystem(),
                  a.name(),
                  a.versions(),
                  a.ranges(),
                  a.scheme(),
                  a.distro(),
                  a.packagePaths())));
    }
    return new CompiledAdvisory(
        modified, withdrawn, next, moved, withoutPackage, withoutCvss, cves);
  }

  private static IndexedAffected compile(
      IndexedAdvisory advisory,
      int index,
      OsvAffected a,
      PackageKey key,
      Function<String, Optional<VersionScheme>> schemes) {
    var ranges = new ArrayList<CompiledRange>(a.ranges().size());
    for (int r = 0; r < a.ranges().size(); r++) {
      ranges.add(compileRange(a.ranges().get(r), r, a.ecosystem(), key.ecosystem(), schemes));
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
        PackedStrings.of(versions),
        List.copyOf(ranges),
        schemes.apply(key.ecosystem()).orElse(null),
        Distro.ofOsvEcosystem(a.ecosystem()),
        Set.copyOf(paths));
  }

  private static CompiledRange compileRange(
      OsvRange range,
      int index,
      String osvEco,
      String ecoKey,
      Function<String, Optional<VersionScheme>> schemes) {
    return switch (range.type()) {
      case "GIT" -> CompiledRange.unusable(range, index, "GIT ranges name commits, not versions");
      case "ECOSYSTEM" ->
          schemes
              .apply(ecoKey)
              .map(s -> CompiledRange.compile(range, index, s))
              .orElseGet(
                  () ->
                      CompiledRange.unusable(
                          range, index, "no version comparator for ecosystem " + osvEco));
      case "SEMVER" ->
          CompiledRange.compile(
              range, index, schemes.apply(Versions.semverSchemeFor(ecoKey)).orElseThrow());
      default -> CompiledRange.unusable(range, index, "unknown range type " + range.type());
    };
  }
}
