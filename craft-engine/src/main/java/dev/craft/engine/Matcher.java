package dev.craft.engine;

import dev.craft.core.InvalidVersionException;
import dev.craft.core.ParsedVersion;
import dev.craft.core.VersionScheme;
import dev.craft.formats.EpssScores;
import dev.craft.formats.KevCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Matches components against an {@link AdvisoryIndex} by purl, with OSV semantics: a version is
 * affected if an {@code affected[]} entry for its package lists it in {@code versions[]} or one of
 * its ECOSYSTEM/SEMVER ranges contains it. Where a comparison cannot be made the result is an
 * indeterminate finding with the reason, never "not affected". Pure: no I/O, no database.
 */
public final class Matcher {
  private final AdvisoryIndex index;
  private final KevCatalog kev;
  private final EpssScores epss;

  public Matcher(AdvisoryIndex index, KevCatalog kev, EpssScores epss) {
    this.index = index;
    this.kev = kev;
    this.epss = epss;
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
      var coords = PackageNames.ofPurl(c.purl());
      if (coords.isEmpty()) {
        withoutPurl.add(c);
        continue;
      }
      String version = coords.get().version().isEmpty() ? c.version() : coords.get().version();
      match(c, index.candidates(coords.get().key()), version, findings);
    }
    return new Result(findings, withoutPurl);
  }

  private void match(
      ScanComponent c,
      List<IndexedAffected> candidates,
      String version,
      List<VulnerabilityFinding> out) {
    if (candidates.isEmpty()) {
      return;
    }
    // One finding per advisory: an affected entry beats an indeterminate one. The builder adds a
    // record's entries one after another, so entries of one advisory are adjacent here.
    var parsed = new HashMap<VersionScheme, Object>();
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
      Verdict v = evaluate(entry, version, parsed);
      if (v != null && (best == null || v.affected())) {
        best = v;
      }
    }
    if (current != null && best != null) {
      out.add(finding(c, current, best));
    }
  }

  private record Verdict(boolean affected, MatchEvidence evidence) {}

  private static @Nullable Verdict evaluate(
      IndexedAffected entry, String version, Map<VersionScheme, Object> parsed) {
    if (version.isBlank()) {
      return indeterminate(entry, version, "the component has no version");
    }
    if (entry.versions().contains(Versions.listKey(version))) {
      return new Verdict(
          true,
          evidence(entry, "versions", null, "", version, "listed in versions[]: " + version, ""));
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
      Object p = parsed.computeIfAbsent(scheme, s -> parse(s, version));
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

  private VulnerabilityFinding finding(ScanComponent c, IndexedAdvisory a, Verdict v) {
    List<String> aliases = index.aliasesOf(a.id());
    boolean known = kev.find(a.id()).isPresent();
    double score = epss.find(a.id()).map(s -> s.epss()).orElse(-1.0);
    for (String alias : aliases) {
      known |= kev.find(alias).isPresent();
      score = Math.max(score, epss.find(alias).map(s -> s.epss()).orElse(-1.0));
    }
    return new VulnerabilityFinding(
        c,
        a.id(),
        aliases,
        v.affected()
            ? VulnerabilityFinding.Status.AFFECTED
            : VulnerabilityFinding.Status.INDETERMINATE,
        a.severity(),
        known,
        score,
        v.evidence());
  }
}
