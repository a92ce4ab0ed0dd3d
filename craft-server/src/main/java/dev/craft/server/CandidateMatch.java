package dev.craft.server;

import dev.craft.engine.AdvisoryIndex;
import dev.craft.engine.CpeIndex;
import dev.craft.engine.Matcher;
import dev.craft.engine.ScanComponent;
import dev.craft.engine.VulnerabilityFinding;
import dev.craft.formats.OsvRecord;
import dev.craft.store.CraftJson;
import dev.craft.store.ExploitationStore;
import dev.craft.store.FindingStore.Candidate;
import dev.craft.store.FindingStore.NewFinding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * The engine's {@link Matcher} on candidates that SQL selected (the components of a new SBOM, or
 * the current components of a changed advisory's packages), turned into findings to record.
 */
final class CandidateMatch {
  private CandidateMatch() {}

  /**
   * Findings of {@code components} under {@code records} (OSV, given NVD's CVSS where they have
   * none) and, for components their purl does not find, under the NVD CPE criteria {@code cpes};
   * KEV (CISA and EU exploited) and EPSS through every id involved.
   */
  static List<NewFinding> match(
      List<OsvRecord> records,
      CpeIndex cpes,
      List<Candidate> components,
      ExploitationStore exploitation,
      FeedEnrichment enrichment) {
    if ((records.isEmpty() && cpes.isEmpty()) || components.isEmpty()) {
      return List.of();
    }
    records = enrichment.withNvdCvss(records);
    var builder = AdvisoryIndex.builder();
    Set<String> ids = new HashSet<>(cpes.vulnerabilityIds());
    for (OsvRecord r : records) {
      builder.add(r);
      ids.add(r.id());
      ids.addAll(r.aliases());
    }
    // Releases of a portfolio mostly share their dependencies' versions: each distinct component
    // is matched (and its evidence written) once, and its findings are given to every candidate
    // that names it. The matcher looks at one component at a time, so this changes no verdict.
    var distinct = new LinkedHashMap<ScanComponent, ScanComponent>();
    var scanOf = new ArrayList<ScanComponent>(components.size());
    for (Candidate c : components) {
      var s = new ScanComponent(c.purl(), c.name(), c.version(), c.cpes());
      scanOf.add(distinct.computeIfAbsent(s, k -> k));
    }
    var matcher =
        new Matcher(
            builder.build(),
            cpes,
            enrichment.withEuExploited(exploitation.kevFor(ids), ids),
            exploitation.epssFor(ids));
    var verdicts = new HashMap<ScanComponent, List<Verdict>>();
    for (VulnerabilityFinding f : matcher.scan(List.copyOf(distinct.keySet())).findings()) {
      boolean affected = f.status() == VulnerabilityFinding.Status.AFFECTED;
      verdicts
          .computeIfAbsent(f.component(), k -> new ArrayList<>(2))
          .add(
              new Verdict(
                  f.vulnerability(),
                  String.join(" ", f.aliases()),
                  affected ? "affected" : "indeterminate",
                  affected ? "" : f.evidence().reason(),
                  f.severity().level().label(),
                  f.severity().cvssScore(),
                  f.severity().cvssVector(),
                  f.kev(),
                  f.epss(),
                  CraftJson.write(f.evidence())));
    }
    var out = new ArrayList<NewFinding>();
    for (int i = 0; i < components.size(); i++) {
      Candidate c = components.get(i);
      for (Verdict v : verdicts.getOrDefault(scanOf.get(i), List.of())) {
        out.add(
            new NewFinding(
                c,
                v.vulnerability(),
                v.aliases(),
                v.status(),
                v.reason(),
                v.severity(),
                v.cvss(),
                v.cvssVector(),
                v.kev(),
                v.epss(),
                v.evidence()));
      }
    }
    return out;
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
      String evidence) {}
}
