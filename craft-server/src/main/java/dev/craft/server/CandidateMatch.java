package dev.craft.server;

import dev.craft.engine.AdvisoryIndex;
import dev.craft.engine.AdvisorySeverity;
import dev.craft.engine.Aliases;
import dev.craft.engine.CompiledAdvisory;
import dev.craft.engine.CpeIndex;
import dev.craft.engine.MatchEvidence;
import dev.craft.engine.Matcher;
import dev.craft.engine.ScanComponent;
import dev.craft.engine.VulnerabilityFinding;
import dev.craft.store.ExploitationStore;
import dev.craft.store.FindingStore.Candidate;
import dev.craft.store.FindingStore.NewFinding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's {@link Matcher} on candidates that SQL selected (the components of a new SBOM, or
 * the current components of a changed advisory's packages), turned into findings to record.
 */
final class CandidateMatch {
  private static final Logger LOG = LoggerFactory.getLogger(CandidateMatch.class);

  private CandidateMatch() {}

  /**
   * Findings of {@code components} under {@code records} (OSV, given NVD's CVSS where they have
   * none) and, for components their purl does not find, under the NVD CPE criteria {@code cpes};
   * KEV (CISA and EU exploited) and EPSS through every id involved.
   */
  static List<NewFinding> match(
      List<CompiledAdvisory> records,
      CpeIndex cpes,
      List<Candidate> components,
      ExploitationStore exploitation,
      FeedEnrichment enrichment) {
    if (components.isEmpty()) {
      return List.of();
    }
    var out = new ArrayList<NewFinding>();
    prepare(records, cpes, exploitation, enrichment).emit(components, out::add);
    return out;
  }

  /**
   * A matcher over {@code records} and {@code cpes} with KEV (CISA and EU exploited) and EPSS of
   * every id involved looked up, ready to hand over the findings of candidates.
   */
  static Prepared prepare(
      List<CompiledAdvisory> records,
      CpeIndex cpes,
      ExploitationStore exploitation,
      FeedEnrichment enrichment) {
    if (records.isEmpty() && cpes.isEmpty()) {
      return new Prepared(null, 0);
    }
    Set<String> ids = new HashSet<>(cpes.vulnerabilityIds());
    for (CompiledAdvisory r : records) {
      ids.add(r.id());
      ids.addAll(r.aliases());
    }
    // KEV and EPSS are read while NVD's CVSS is read and the index built.
    var kev =
        Async.start("craft-kev", () -> enrichment.withEuExploited(exploitation.kevFor(ids), ids));
    var epss = Async.start("craft-epss", () -> exploitation.epssFor(ids));
    // NVD's CVSS for the records that have none is read while the index is built (ADR 100).
    var severities =
        records.stream().anyMatch(enrichment::mayScore)
            ? Async.start("craft-nvd-cvss", () -> enrichment.nvdSeverities(records))
            : CompletableFuture.completedFuture(Map.<String, AdvisorySeverity>of());
    long t0 = System.nanoTime();
    var builder = AdvisoryIndex.builder(records.size());
    records.forEach(builder::add);
    var index = builder.build();
    long t1 = System.nanoTime();
    var m = new Matcher(index, cpes, Async.await(kev), Async.await(epss), Async.await(severities));
    LOG.debug(
        "{} advisories indexed in {} ms, then NVD, KEV and EPSS awaited {} ms",
        records.size(),
        (t1 - t0) / 1_000_000,
        (System.nanoTime() - t1) / 1_000_000);
    return new Prepared(m, records.size());
  }

  /** A prepared matcher; a null one has nothing to match against. */
  static final class Prepared {
    /** Distinct components matched at a time, so that findings flow to the store as they come. */
    private static final int CHUNK = 256;

    private final @Nullable Matcher matcher;
    private final int advisories;

    private Prepared(@Nullable Matcher matcher, int advisories) {
      this.matcher = matcher;
      this.advisories = advisories;
    }

    /** The number of advisory records matched against (NVD CPE criteria not counted). */
    int advisories() {
      return advisories;
    }

    /**
     * {@code parts} producers that together hand over the findings of {@code components} once. Each
     * takes the next range of components when it is done with one: large ranges first, then smaller
     * ones, so that however the findings are spread over the components the parts finish together.
     * A range's findings are handed over a component at a time, in the components' order: a new
     * SBOM's findings are stored one row per component (ADR 104).
     */
    List<Consumer<Consumer<NewFinding>>> shared(List<Candidate> components, int parts) {
      var next = new AtomicInteger();
      int total = components.size();
      Consumer<Consumer<NewFinding>> part =
          sink -> {
            while (true) {
              int from = next.get();
              int size = Math.max(CHUNK, (total - from) / (2 * parts));
              if (from >= total) {
                return;
              }
              if (!next.compareAndSet(from, from + size)) {
                continue;
              }
              emit(components.subList(from, Math.min(total, from + size)), sink);
            }
          };
      return java.util.Collections.nCopies(parts, part);
    }

    /**
     * Hands the findings of {@code components} to {@code sink}, in the components' order, a chunk
     * at a time. Releases of a portfolio mostly share their dependencies' versions: each distinct
     * component is matched (and its evidence written) once, and its findings are given to every
     * candidate that names it. The matcher looks at one component at a time, so this changes no
     * verdict.
     */
    void emit(List<Candidate> components, Consumer<NewFinding> sink) {
      if (matcher == null || components.isEmpty()) {
        return;
      }
      var scanOf = new ArrayList<ScanComponent>(components.size());
      var remaining = new HashMap<ScanComponent, Integer>();
      for (Candidate c : components) {
        var s = new ScanComponent(c.purl(), c.name(), c.version(), c.cpes());
        scanOf.add(s);
        remaining.merge(s, 1, Integer::sum);
      }
      // Verdicts of a distinct component are kept only until its last candidate has had them.
      var verdicts = new HashMap<ScanComponent, List<Verdict>>();
      for (int from = 0; from < components.size(); from += CHUNK) {
        int to = Math.min(components.size(), from + CHUNK);
        var fresh = new LinkedHashSet<ScanComponent>();
        for (int i = from; i < to; i++) {
          if (!verdicts.containsKey(scanOf.get(i))) {
            fresh.add(scanOf.get(i));
          }
        }
        for (ScanComponent s : fresh) {
          verdicts.put(s, new ArrayList<>(2));
        }
        for (VulnerabilityFinding f : matcher.scan(List.copyOf(fresh)).findings()) {
          verdicts.get(f.component()).add(Verdict.of(f, Aliases.textOf(f.aliases())));
        }
        for (int i = from; i < to; i++) {
          ScanComponent s = scanOf.get(i);
          List<Verdict> found = verdicts.get(s);
          Candidate c = components.get(i);
          for (Verdict v : found) {
            sink.accept(v.toFinding(c));
          }
          if (remaining.merge(s, -1, Integer::sum) == 0) {
            verdicts.remove(s);
          }
        }
      }
    }
  }

  /** A finding's verdict for one distinct component, before it is given to its candidates. */
  private record Verdict(
      String vulnerability,
      String aliases,
      String status,
      String reason,
      String severity,
      double cvss,
      String cvssVector,
      boolean kev,
      double epss,
      String evidence) {
    static Verdict of(VulnerabilityFinding f, String aliases) {
      boolean affected = f.status() == VulnerabilityFinding.Status.AFFECTED;
      return new Verdict(
          f.vulnerability(),
          aliases,
          affected ? "affected" : "indeterminate",
          affected ? "" : f.evidence().reason(),
          f.severity().level().label(),
          f.severity().cvssScore(),
          f.severity().cvssVector(),
          f.kev(),
          f.epss(),
          storedEvidence(f.evidence(), affected));
    }

    NewFinding toFinding(Candidate c) {
      return new NewFinding(
          c,
          vulnerability,
          aliases,
          status,
          reason,
          severity,
          cvss,
          cvssVector,
          kev,
          epss,
          evidence);
    }
  }

  /**
   * The evidence as stored (FindingStore.SELECT_FINDING puts the rest back on reading): without the
   * record id (the finding's vulnerability), the reason (the finding's) and, for an OSV match, the
   * record's source (the stored advisory's). Written by hand: one upload writes 170,000 of these,
   * and a JSON generator per finding (its buffers and context) cost more than the text itself.
   */
  static String storedEvidence(MatchEvidence e, boolean affected) {
    var out = new StringBuilder(320).append('{');
    if (e.match().equals("cpe")) {
      field(out, "source", e.source()).append(',');
    }
    out.append("\"affectedIndex\":").append(e.affectedIndex()).append(',');
    field(out, "ecosystem", e.ecosystem()).append(',');
    field(out, "packageName", e.packageName()).append(',');
    field(out, "match", e.match()).append(',');
    out.append("\"rangeIndex\":").append(e.rangeIndex()).append(',');
    field(out, "range", e.range()).append(',');
    field(out, "comparator", e.comparator()).append(',');
    field(out, "version", e.version()).append(',');
    field(out, "compared", e.compared());
    if (affected && !e.reason().isEmpty()) {
      field(out.append(','), "reason", e.reason());
    }
    return out.append('}').toString();
  }

  /** {@code "name":"value"} with the value escaped as JSON requires. */
  private static StringBuilder field(StringBuilder out, String name, String value) {
    out.append('"').append(name).append("\":\"");
    if (needsNoEscape(value)) {
      // Most values: appended whole rather than a character at a time.
      return out.append(value).append('"');
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"');
  }

  private static boolean needsNoEscape(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }
}
