package dev.craft.engine;

import dev.craft.core.InvalidVersionException;
import dev.craft.core.ParsedVersion;
import dev.craft.core.VersionScheme;
import dev.craft.engine.PackageNames.Lookup;
import dev.craft.engine.PackageNames.Via;
import dev.craft.formats.EpssScores;
import dev.craft.formats.KevCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Matches components against an {@link AdvisoryIndex} by purl, with OSV semantics: a version is
 * affected if an {@code affected[]} entry for its package lists it in {@code versions[]} or one of
 * its ECOSYSTEM/SEMVER ranges contains it. Where a comparison cannot be made the result is an
 * indeterminate finding with the reason, never "not affected". Pure: no I/O, no database.
 */
public final class Matcher {
  private final AdvisoryIndex index;
  private final CpeIndex cpes;
  private final KevCatalog kev;
  private final EpssScores epss;
  private final Map<String, AdvisorySeverity> severities;

  /**
   * Aliases, KEV, EPSS and severity per vulnerability id, looked up once for all its findings (a
   * group of 25 ids took 50 look-ups a finding); concurrent, since parts of one upload share the
   * matcher.
   */
  private final Map<String, Exploitation> exploitation;

  public Matcher(AdvisoryIndex index, KevCatalog kev, EpssScores epss) {
    this(index, CpeIndex.EMPTY, kev, epss);
  }

  /**
   * A matcher that, for a component its purl does not find (no purl, or one no advisory names),
   * also looks up the component's CPE names in {@code cpes}.
   */
  public Matcher(AdvisoryIndex index, CpeIndex cpes, KevCatalog kev, EpssScores epss) {
    this(index, cpes, kev, epss, Map.of());
  }

  /**
   * A matcher whose findings of the advisories named in {@code severities} take the severity given
   * there instead of the advisory's own: NVD's CVSS for advisories that carry none ({@link
   * NvdSeverity#of}), looked up while the index was built.
   */
  public Matcher(
      AdvisoryIndex index,
      CpeIndex cpes,
      KevCatalog kev,
      EpssScores epss,
      Map<String, AdvisorySeverity> severities) {
    this.index = index;
    // One entry per vulnerability found; sized at once (see AdvisoryIndex's alias cache).
    this.exploitation = new ConcurrentHashMap<>(Math.max(16, index.stats().records()));
    this.cpes = cpes;
    this.kev = kev;
    this.epss = epss;
    this.severities = Map.copyOf(severities);
  }

  /** The result of a scan: findings, and components that could not be looked up at all. */
  public record Result(List<VulnerabilityFinding> findings, List<ScanComponent> withoutPurl) {
    public Result {
      findings = List.copyOf(findings);
      withoutPurl = List.copyOf(withoutPurl);
    }
  }

  public Result scan(List<ScanComponent> components) {
    var findings = new ArrayList<VulnerabilityFinding>();
    var withoutPurl = new ArrayList<ScanComponent>();
    for (ScanComponent c : components) {
      var lookups = PackageNames.lookups(c.purl(), c.version());
      boolean found = !lookups.isEmpty() && match(c, lookups, findings);
      boolean byCpe = !found && !c.cpes().isEmpty() && !cpes.isEmpty();
      if (byCpe) {
        CpeMatches.match(cpes, c, findings, this::finding);
      }
      if (lookups.isEmpty() && !byCpe) {
        withoutPurl.add(c);
      }
    }
    return new Result(findings, withoutPurl);
  }

  /** Matches by purl; false when no advisory names the component's package at all. */
  private boolean match(ScanComponent c, List<Lookup> lookups, List<VulnerabilityFinding> out) {
    String path = lookups.get(0).key().name();
    if (lookups.size() > 1 && lookups.get(1).via() == Via.UPSTREAM) {
      return matchMerged(c, lookups, path, out);
    }
    // The purl's own package; for a Go package path that no advisory names, the longest enclosing
    // path that one does (its module).
    for (Lookup lookup : lookups) {
      List<IndexedAffected> candidates = index.candidates(lookup.key());
      if (!candidates.isEmpty()) {
        matchRun(c, lookup, candidates, path, out);
        return true;
      }
    }
    return false;
  }

  /**
   * One finding per advisory: an affected entry beats an indeterminate one. The builder adds a
   * record's entries one after another, so entries of one advisory are adjacent in one key's list.
   */
  private void matchRun(
      ScanComponent c,
      Lookup lookup,
      List<IndexedAffected> candidates,
      String path,
      List<VulnerabilityFinding> out) {
    var parsed = new VersionForms(lookup.version());
    @Nullable IndexedAdvisory current = null;
    @Nullable Verdict best = null;
    for (IndexedAffected entry : candidates) {
      if (entry.advisory() != current) {
        if (current != null && best != null) {
          out.add(finding(c, current, best));
        }
        current = entry.advisory();
        best = null;
      }
      if (best != null && best.affected()) {
        continue;
      }
      Verdict v = evaluate(entry, lookup, path, parsed);
      if (v != null && (best == null || v.affected())) {
        best = v;
      }
    }
    if (current != null && best != null) {
      out.add(finding(c, current, best));
    }
  }

  /**
   * A distro package reached under its own name and its source package's: an advisory can be
   * reached under both, so verdicts are kept per advisory in the order first reached.
   */
  private boolean matchMerged(
      ScanComponent c, List<Lookup> lookups, String path, List<VulnerabilityFinding> out) {
    Map<IndexedAdvisory, Verdict> best = new LinkedHashMap<>();
    boolean found = false;
    for (Lookup lookup : lookups) {
      List<IndexedAffected> candidates = index.candidates(lookup.key());
      found |= !candidates.isEmpty();
      var parsed = new VersionForms(lookup.version());
      for (IndexedAffected entry : candidates) {
        Verdict known = best.get(entry.advisory());
        if (known != null && known.affected()) {
          continue;
        }
        Verdict v = evaluate(entry, lookup, path, parsed);
        if (v != null && (known == null || v.affected())) {
          best.put(entry.advisory(), v);
        }
      }
    }
    best.forEach((advisory, verdict) -> out.add(finding(c, advisory, verdict)));
    return found;
  }

  /**
   * The verdict of one entry for one lookup, after the checks that depend on how the component was
   * reached: the distribution (family and release) of distro packages, and for a Go package path
   * under a module whether the advisory names that package.
   */
  private static @Nullable Verdict evaluate(
      IndexedAffected entry, Lookup lookup, String packagePath, VersionForms parsed) {
    String caveat = "";
    if (lookup.distro().isPresent() && entry.distro().isPresent()) {
      Distro component = lookup.distro().get();
      Distro advisory = entry.distro().get();
      if (component.family().isEmpty()) {
        caveat =
            "the purl names no distribution (namespace); the advisory is for " + entry.ecosystem();
      } else if (!component.family().equals(advisory.family())) {
        return null; // another distribution's package of the same name
      } else if (!advisory.release().isEmpty()) {
        if (component.release().isEmpty()) {
          caveat =
              "the purl names no distribution release (distro qualifier); the advisory is for "
                  + entry.ecosystem();
        } else {
          Distro.Releases releases = component.releaseAgainst(advisory);
          if (releases == Distro.Releases.OTHER) {
            return null; // another release of the distribution
          }
          if (releases == Distro.Releases.UNDECIDED) {
            caveat =
                "the package is from "
                    + entry.ecosystem()
                    + " (its distro qualifier names release "
                    + component.release()
                    + ", which cannot be related to it)";
          }
        }
      }
    }
    if (lookup.via() == Via.MODULE) {
      String path = lookup.key().name();
      if (!entry.packagePaths().isEmpty()) {
        if (!entry.packagePaths().contains(packagePath)) {
          return null; // the advisory lists the module's affected packages and this is not one
        }
      } else {
        caveat =
            "package path "
                + packagePath
                + " is taken to be in module "
                + path
                + ", which the advisory names without a package list; it may be a module of its own";
      }
    }
    Verdict v = evaluate(entry, lookup.version(), parsed);
    if (v == null || caveat.isEmpty() || !v.affected()) {
      return v;
    }
    MatchEvidence e = v.evidence();
    return new Verdict(
        false,
        new MatchEvidence(
            e.source(),
            e.record(),
            e.affectedIndex(),
            e.ecosystem(),
            e.packageName(),
            e.match(),
            e.rangeIndex(),
            e.range(),
            e.comparator(),
            e.version(),
            e.compared(),
            "affected if " + caveat));
  }

  record Verdict(boolean affected, MatchEvidence evidence) {}

  private static @Nullable Verdict evaluate(
      IndexedAffected entry, String version, VersionForms parsed) {
    if (version.isBlank()) {
      return indeterminate(entry, version, "the component has no version");
    }
    if (entry.versions().contains(parsed.listKey)) {
      return new Verdict(
          true,
          evidence(entry, "versions", null, "", version, "listed in versions[]: " + version, ""));
    }
    if (entry.ranges().isEmpty() && entry.scheme() != null) {
      // Only a list decides this entry: a listed version spelled differently (PyPI 1.0 and 1.0.0)
      // is still the same version. With ranges, the ranges decide such a version anyway.
      String listed = listedEqual(entry.scheme(), entry.versions(), version, parsed);
      if (!listed.isEmpty()) {
        return new Verdict(
            true,
            evidence(
                entry,
                "versions",
                null,
                entry.scheme().ecosystem(),
                version,
                "listed in versions[]: " + listed + " (equal to " + version + ")",
                ""));
      }
    }
    @Nullable Verdict unknown = null;
    boolean evaluable = !entry.versions().isEmpty();
    for (CompiledRange range : entry.ranges()) {
      if (range.range.isGit()) {
        continue;
      }
      if (!range.problem.isEmpty() || range.scheme == null) {
        unknown = unknown != null ? unknown : rangeUnknown(entry, range, version, range.problem);
        continue;
      }
      evaluable = true;
      VersionScheme scheme = range.scheme;
      Object p = parsed.of(scheme);
      if (p instanceof String reason) {
        unknown = unknown != null ? unknown : rangeUnknown(entry, range, version, reason);
        continue;
      }
      try {
        CompiledRange.Outcome o = range.evaluate((ParsedVersion) p);
        if (o.affected()) {
          return new Verdict(
              true, evidence(entry, "range", range, scheme.ecosystem(), version, o.compared(), ""));
        }
      } catch (InvalidVersionException ex) {
        unknown = unknown != null ? unknown : rangeUnknown(entry, range, version, ex.getMessage());
      }
    }
    if (unknown != null) {
      return unknown;
    }
    if (!evaluable) {
      return indeterminate(
          entry,
          version,
          entry.ranges().isEmpty()
              ? "the entry lists neither versions nor ranges"
              : "the entry has only GIT (commit) ranges, which a version cannot be compared with");
    }
    return null;
  }

  /** The listed version equal to {@code version} under the scheme, empty if none. */
  private static String listedEqual(
      VersionScheme scheme, Set<String> listed, String version, VersionForms parsed) {
    if (!(parsed.of(scheme) instanceof ParsedVersion v)) {
      return "";
    }
    for (String text : listed) {
      try {
        if (scheme.parse(text).compareTo(v) == 0) {
          return text;
        }
      } catch (InvalidVersionException e) {
        // A list entry the comparator cannot read equals no valid version.
      }
    }
    return "";
  }

  /**
   * One looked-up version of a component in the forms its candidates compare it in, each made once
   * for all of them: its key in {@code versions} lists (a Go version without its {@code v}; made
   * per entry, it was a new string whose hash was computed again for every list) and its parsed
   * form per scheme.
   */
  private static final class VersionForms {
    final String version;
    final String listKey;
    private final Map<VersionScheme, Object> parsed = new HashMap<>(4);

    VersionForms(String version) {
      this.version = version;
      this.listKey = Versions.listKey(version);
    }

    /** The parsed version under {@code scheme}, or the reason text when the scheme rejects it. */
    Object of(VersionScheme scheme) {
      Object p = parsed.get(scheme);
      if (p == null) {
        p = parse(scheme, version);
        parsed.put(scheme, p);
      }
      return p;
    }
  }

  /** A parsed version, or the reason text when the scheme rejects it. */
  private static Object parse(VersionScheme scheme, String version) {
    String text = scheme.ecosystem().equals("semver") ? Versions.listKey(version) : version;
    try {
      return scheme.parse(text);
    } catch (InvalidVersionException e) {
      return "component version rejected by the "
          + scheme.ecosystem()
          + " comparator: "
          + e.getMessage();
    }
  }

  private static Verdict rangeUnknown(
      IndexedAffected entry, CompiledRange range, String version, String reason) {
    String comparator = range.scheme == null ? "" : range.scheme.ecosystem();
    return new Verdict(false, evidence(entry, "range", range, comparator, version, "", reason));
  }

  private static Verdict indeterminate(IndexedAffected entry, String version, String reason) {
    return new Verdict(false, evidence(entry, "none", null, "", version, "", reason));
  }

  private static MatchEvidence evidence(
      IndexedAffected entry,
      String match,
      @Nullable CompiledRange range,
      String comparator,
      String version,
      String compared,
      String reason) {
    return new MatchEvidence(
        entry.advisory().source(),
        entry.advisory().id(),
        entry.index(),
        entry.ecosystem(),
        entry.name(),
        match,
        range == null ? -1 : range.index,
        range == null ? "" : range.description,
        comparator,
        version,
        compared,
        reason);
  }

  VulnerabilityFinding finding(ScanComponent c, IndexedAdvisory a, Verdict v) {
    Exploitation x = exploitation.get(a.id());
    if (x == null) {
      x = exploitation.computeIfAbsent(a.id(), this::exploitationOf);
    }
    return new VulnerabilityFinding(
        c,
        a.id(),
        x.aliases(),
        v.affected()
            ? VulnerabilityFinding.Status.AFFECTED
            : VulnerabilityFinding.Status.INDETERMINATE,
        x.severity() != null ? x.severity() : a.severity(),
        x.kev(),
        x.epss(),
        v.evidence());
  }

  /**
   * A vulnerability's aliases, whether any of its ids is known exploited, its highest EPSS, and the
   * severity given in place of its advisory's own (null: none).
   */
  private record Exploitation(
      List<String> aliases, boolean kev, double epss, @Nullable AdvisorySeverity severity) {}

  private Exploitation exploitationOf(String id) {
    List<String> aliases = index.aliasesOf(id);
    boolean known = kev.find(id).isPresent();
    double score = epss.find(id).map(s -> s.epss()).orElse(-1.0);
    for (String alias : aliases) {
      known |= kev.find(alias).isPresent();
      score = Math.max(score, epss.find(alias).map(s -> s.epss()).orElse(-1.0));
    }
    return new Exploitation(new Aliases(aliases), known, score, severities.get(id));
  }
}
