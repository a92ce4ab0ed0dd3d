package dev.craft.store;

import dev.craft.core.Actor;
import dev.craft.core.NotFoundException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.JdbiConstructor;
import org.jspecify.annotations.Nullable;

/**
 * Findings per release: which advisory affects (or may affect) which component of a release's SBOM,
 * with the matcher's evidence, and when CRAFT first and last saw it.
 */
public final class FindingStore {
  private final Jdbi jdbi;

  public FindingStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** A component of a current SBOM that a match may concern. */
  public record Candidate(
      long releaseId,
      long sbomId,
      int ordinal,
      String purl,
      String name,
      String version,
      List<String> cpes) {
    @JdbiConstructor
    public Candidate {
      cpes = List.copyOf(cpes);
    }

    public Candidate(
        long releaseId, long sbomId, int ordinal, String purl, String name, String version) {
      this(releaseId, sbomId, ordinal, purl, name, version, List.of());
    }
  }

  /** A finding to record. {@code evidence} is JSON. */
  public record NewFinding(
      Candidate component,
      String vulnerabilityId,
      String aliases,
      String status,
      String reason,
      String severity,
      double cvss,
      String cvssVector,
      boolean kev,
      double epss,
      String evidence) {}

  /** A stored finding, with the release's support end (null when no support period is set). */
  public record FindingRow(
      long id,
      long releaseId,
      long sbomId,
      int componentOrdinal,
      String purl,
      String name,
      String version,
      String vulnerabilityId,
      String aliases,
      String status,
      String reason,
      String severity,
      double cvss,
      String cvssVector,
      boolean kev,
      double epss,
      String evidence,
      Instant firstSeenAt,
      Instant lastSeenAt,
      @Nullable LocalDate supportEnd) {}

  /** A release that one advisory affects, for the advisory page. */
  public record AffectedRelease(
      long productId,
      String productName,
      long releaseId,
      String releaseVersion,
      String purl,
      String status,
      Instant firstSeenAt,
      @Nullable LocalDate supportEnd) {}

  /** Components with a package key of one SBOM. */
  public List<Candidate> componentsOf(long sbomId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT s.release_id, c.sbom_id, c.ordinal, c.purl, c.name, c.version, c.cpes
                    FROM sbom_component c JOIN sbom s ON s.id = c.sbom_id
                    WHERE c.sbom_id = :sbom AND c.package_key <> '' ORDER BY c.ordinal
                    """)
                .bind("sbom", sbomId)
                .mapTo(Candidate.class)
                .list());
  }

  /**
   * Components of every current SBOM whose package key is one of {@code keys}: one indexed look-up
   * instead of a portfolio re-scan.
   */
  public List<Candidate> currentComponentsWithKeys(Set<String> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT s.release_id, c.sbom_id, c.ordinal, c.purl, c.name, c.version, c.cpes
                    FROM sbom_component c JOIN sbom s ON s.id = c.sbom_id AND s.replaced_at IS NULL
                    WHERE c.package_key = ANY(:keys)
                      OR (c.lookup_keys <> '{}' AND c.lookup_keys && CAST(:keys AS TEXT[]))
                    ORDER BY c.sbom_id, c.ordinal
                    """)
                .bindArray("keys", String.class, List.copyOf(keys))
                .mapTo(Candidate.class)
                .list());
  }

  /**
   * Records findings: new ones get {@code first_seen_at = now()}, known ones keep it and get the
   * new verdict and {@code last_seen_at}. Findings of {@code rematched} advisories on the {@code
   * components} that this match no longer produced are removed (the advisory changed or was
   * withdrawn).
   */
  public int record(List<NewFinding> findings, Set<String> rematched, List<Candidate> components) {
    var touched = new java.util.HashSet<>(rematched);
    findings.forEach(f -> touched.add(f.vulnerabilityId()));
    if (!findings.isEmpty() && noneStored(touched)) {
      // A new advisory's findings: nothing to replace or remove, so one COPY straight into the
      // table (an import or upload writing the same rows meanwhile sends us the upsert way).
      try {
        jdbi.useTransaction(
            h -> streamed(h, sink -> FindingCopy.laterWins(findings).forEach(sink), touched));
        return findings.size();
      } catch (RuntimeException e) {
        if (!Sql.isUniqueViolation(e)) {
          throw e;
        }
      }
    }
    return jdbi.inTransaction(
        h -> {
          boolean stale = !rematched.isEmpty() && !components.isEmpty();
          if (!findings.isEmpty() || stale) {
            FindingCopy.stage(h, findings);
          }
          if (stale) {
            // Findings of the re-matched advisories on these SBOMs that this match did not
            // produce: deleted before the upsert, so that a new advisory's look-up finds no rows.
            h.createUpdate(
                    """
                    DELETE FROM finding f WHERE f.vulnerability_id = ANY(:ids)
                      AND f.sbom_id = ANY(:sboms)
                      AND NOT EXISTS (SELECT 1 FROM finding_in i WHERE i.release_id = f.release_id
                        AND i.sbom_id = f.sbom_id AND i.component_ordinal = f.component_ordinal
                        AND i.vulnerability_id = f.vulnerability_id)
                    """)
                .bindArray("ids", String.class, List.copyOf(rematched))
                .bindArray(
                    "sboms",
                    Long.class,
                    components.stream().map(Candidate::sbomId).distinct().toList())
                .execute();
          }
          if (!findings.isEmpty()) {
            FindingCopy.upsertStaged(h);
          }
          // Only decisions on the vulnerabilities recorded or re-matched here can have gone stale.
          TriageStore.reopenStale(h, touched);
          return findings.size();
        });
  }

  /**
   * Records the findings of a newly stored SBOM as {@code producer} hands them over: one COPY
   * streamed into {@code finding}, so that PostgreSQL stores rows while the matcher works on the
   * next components. Findings an advisory import recorded for this SBOM in the meantime are
   * replaced (this match read every stored advisory); if such an import is still writing some, the
   * COPY meets them and the findings are recorded again as {@link #record} does, asking {@code
   * producer} once more. Returns the number of findings recorded.
   */
  public int recordNewSbom(long sbomId, Consumer<Consumer<NewFinding>> producer) {
    try {
      return jdbi.inTransaction(h -> streamNewSbom(h, sbomId, producer));
    } catch (RuntimeException e) {
      if (!Sql.isUniqueViolation(e)) {
        throw e;
      }
      var found = new java.util.ArrayList<NewFinding>();
      producer.accept(checked(sbomId, found::add));
      return record(found, Set.of(), componentsOf(sbomId));
    }
  }

  private static int streamNewSbom(
      org.jdbi.v3.core.Handle h, long sbomId, Consumer<Consumer<NewFinding>> producer) {
    long release =
        h.createQuery("SELECT release_id FROM sbom WHERE id = :s")
            .bind("s", sbomId)
            .mapTo(Long.class)
            .findOne()
            .orElseThrow(() -> new NotFoundException("sbom", sbomId));
    h.createUpdate("DELETE FROM finding WHERE release_id = :r AND sbom_id = :s")
        .bind("r", release)
        .bind("s", sbomId)
        .execute();
    return streamed(h, sink -> producer.accept(checked(sbomId, sink)), Set.of());
  }

  /**
   * Writes what {@code producer} hands over by one COPY (FindingCopy.Stream), then reopens the
   * triage decisions that the written vulnerabilities and {@code alsoTouched} may have made stale;
   * returns the rows written.
   */
  private static int streamed(
      org.jdbi.v3.core.Handle h, Consumer<Consumer<NewFinding>> producer, Set<String> alsoTouched) {
    try (var stream = new FindingCopy.Stream(h)) {
      producer.accept(stream::add);
      int written = stream.finish();
      var touched = new java.util.HashSet<>(stream.vulnerabilities());
      touched.addAll(alsoTouched);
      TriageStore.reopenStale(h, touched);
      return written;
    }
  }

  /** Whether no finding of any of {@code vulnerabilities} is stored (one index probe each). */
  private boolean noneStored(Set<String> vulnerabilities) {
    return jdbi.withHandle(
        h ->
            !h.createQuery(
                    "SELECT EXISTS (SELECT 1 FROM finding WHERE vulnerability_id = ANY(:ids))")
                .bindArray("ids", String.class, List.copyOf(vulnerabilities))
                .mapTo(Boolean.class)
                .one());
  }

  /** {@code sink}, refusing a finding of another SBOM. */
  private static Consumer<NewFinding> checked(long sbomId, Consumer<NewFinding> sink) {
    return f -> {
      if (f.component().sbomId() != sbomId) {
        throw new IllegalArgumentException(
            "a finding of SBOM " + f.component().sbomId() + " given for " + sbomId);
      }
      sink.accept(f);
    };
  }

  /**
   * A finding's evidence as the matcher gave it: a match's evidence is stored without what the row
   * and the advisory already hold (CandidateMatch.storedEvidence), which is put back here; what the
   * stored text has wins. Alias {@code a} is the finding's advisory.
   */
  static final String EVIDENCE =
      """
      CASE WHEN f.source = 'match'
        THEN (jsonb_build_object('source', coalesce(a.source, ''), 'record', f.vulnerability_id,
                                 'reason', f.reason) || f.evidence::jsonb)::text
        ELSE f.evidence END""";

  private static final String SELECT_FINDING =
      """
      SELECT f.id, f.release_id, coalesce(f.sbom_id, 0) AS sbom_id, f.component_ordinal, f.purl,
        f.name, f.version,
        f.vulnerability_id, f.aliases, f.status, f.reason, f.severity, f.cvss, f.cvss_vector, f.kev,
        f.epss, %s AS evidence, f.first_seen_at, f.last_seen_at,
        sp.end_date AS support_end
      FROM finding f LEFT JOIN sbom s ON s.id = f.sbom_id AND s.replaced_at IS NULL
        LEFT JOIN advisory a ON a.id = f.vulnerability_id AND f.source = 'match'
        JOIN release r ON r.id = f.release_id AND (f.sbom_id IS NULL OR s.id IS NOT NULL)
        LEFT JOIN product_support_period sp ON sp.product_id = r.product_id
      """
          .formatted(EVIDENCE);

  /** Findings of the release's current SBOM and manual findings, most severe first. */
  public List<FindingRow> forRelease(Actor actor, long productId, long releaseId) {
    return jdbi.withHandle(
        h -> {
          ReleaseCheck.require(h, actor, productId, releaseId);
          return h.createQuery(
                  SELECT_FINDING
                      + " WHERE f.release_id = :r ORDER BY f.status, f.kev DESC, f.cvss DESC,"
                      + " f.vulnerability_id, f.component_ordinal")
              .bind("r", releaseId)
              .mapTo(FindingRow.class)
              .list();
        });
  }

  /** Every release, visible to the actor, whose current SBOM has a finding for {@code ids}. */
  public List<AffectedRelease> affectedReleases(Actor actor, Set<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT p.id AS product_id, p.name AS product_name, r.id AS release_id,
                      r.version AS release_version, f.purl, f.status, f.first_seen_at,
                      sp.end_date AS support_end
                    FROM finding f LEFT JOIN sbom s ON s.id = f.sbom_id AND s.replaced_at IS NULL
                      JOIN release r ON r.id = f.release_id AND (f.sbom_id IS NULL OR s.id IS NOT NULL)
                      JOIN product p ON p.id = r.product_id
                      LEFT JOIN product_support_period sp ON sp.product_id = p.id
                    WHERE f.vulnerability_id = ANY(:ids) AND (:all OR %s)
                    ORDER BY lower(p.name), r.version, f.purl
                    """
                        .formatted(Sql.VISIBLE_TO_USER))
                .bindArray("ids", String.class, List.copyOf(ids))
                .bind("all", actor.role().seesAllProducts())
                .bind("viewerId", actor.userId())
                .mapTo(AffectedRelease.class)
                .list());
  }

  /** Findings of the release recorded from a CVD report: finding id → report id. */
  public java.util.Map<Long, Long> cvdReports(long releaseId) {
    return jdbi.withHandle(h -> ManualFindingStore.reportsOfRelease(h, releaseId));
  }

  /** The end of the product's support period, if one was set (Art. 13(8)). */
  public java.util.Optional<LocalDate> supportEnd(long productId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT end_date FROM product_support_period WHERE product_id = :p")
                .bind("p", productId)
                .mapTo(LocalDate.class)
                .findOne());
  }
}
