package dev.craft.server;

import dev.craft.engine.AdvisorySeverity;
import dev.craft.engine.CompiledAdvisory;
import dev.craft.engine.CpeIndex;
import dev.craft.engine.NvdCriteria;
import dev.craft.engine.NvdSeverity;
import dev.craft.formats.KevCatalog;
import dev.craft.formats.KevEntry;
import dev.craft.store.EuvdStore;
import dev.craft.store.NvdStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the NVD and EUVD data add to matching (ADR 081), through the advisory's id and aliases like
 * KEV and EPSS: an advisory without any CVSS vector takes the NVD CVSS of a CVE it names (so PyPI
 * findings, whose OSV records have no severity, get one), and an EU-exploited EUVD record counts
 * like a KEV entry. The stored advisory text is not changed.
 */
final class FeedEnrichment {
  static final FeedEnrichment NONE = new FeedEnrichment(null, null);

  private final @org.jspecify.annotations.Nullable NvdStore nvd;
  private final @org.jspecify.annotations.Nullable EuvdStore euvd;

  FeedEnrichment(
      @org.jspecify.annotations.Nullable NvdStore nvd,
      @org.jspecify.annotations.Nullable EuvdStore euvd) {
    this.nvd = nvd;
    this.euvd = euvd;
  }

  /** Whether NVD data may give {@code r} a severity: it has no CVSS vector and names a CVE. */
  boolean mayScore(CompiledAdvisory r) {
    return nvd != null && r.withoutCvss() && !r.cves().isEmpty();
  }

  /**
   * For each of {@code records} that has no CVSS vector, the severity of the NVD CVSS of the first
   * CVE it names that NVD has a vector for ({@link NvdSeverity#of}), by advisory id: given to the
   * matcher, which uses it in place of the record's own.
   */
  Map<String, AdvisorySeverity> nvdSeverities(List<CompiledAdvisory> records) {
    if (nvd == null) {
      return Map.of();
    }
    Set<String> cves = new HashSet<>();
    for (CompiledAdvisory r : records) {
      if (r.withoutCvss()) {
        cves.addAll(r.cves());
      }
    }
    if (cves.isEmpty()) {
      return Map.of();
    }
    Map<String, String> vectors = nvd.cvssVectorsFor(cves);
    if (vectors.isEmpty()) {
      return Map.of();
    }
    var out = new HashMap<String, AdvisorySeverity>();
    for (CompiledAdvisory r : records) {
      NvdSeverity.of(r, cve -> Optional.ofNullable(vectors.get(cve)))
          .ifPresent(s -> out.put(r.id(), s));
    }
    return out;
  }

  /** The KEV catalog with an entry added for each id that an EU-exploited EUVD record names. */
  KevCatalog withEuExploited(KevCatalog kev, Set<String> ids) {
    if (euvd == null || ids.isEmpty()) {
      return kev;
    }
    var hits = euvd.exploitedFor(ids);
    if (hits.isEmpty()) {
      return kev;
    }
    var entries = new ArrayList<KevEntry>(kev.entries());
    for (var h : hits) {
      if (kev.find(h.matchedId()).isEmpty()) {
        entries.add(
            new KevEntry(h.matchedId(), "ENISA EUVD", "", h.euvdId(), h.exploitedSince(), "", ""));
      }
    }
    return new KevCatalog(kev.catalogVersion(), entries);
  }

  /**
   * The CPE criteria of the stored NVD CVEs that name one of the vendor:product {@code keys}, for
   * components their purl does not find.
   */
  CpeIndex cpeIndexFor(Set<String> keys) {
    if (nvd == null || keys.isEmpty()) {
      return CpeIndex.EMPTY;
    }
    var index = CpeIndex.builder();
    for (var cve : nvd.forCpeKeys(keys)) {
      NvdCriteria.of(cve.cveId(), cve.raw(), cve.cvssVector(), "nvd:" + cve.cveId())
          .forEach(index::add);
    }
    return index.build();
  }

  /** The vendor:product keys of the vulnerable CPE criteria of {@code cves}. */
  Set<String> cpeKeysOf(List<String> cves) {
    return nvd == null ? Set.of() : nvd.cpeKeysOf(cves);
  }
}
