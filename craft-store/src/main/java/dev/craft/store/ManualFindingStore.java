package dev.craft.store;

import dev.craft.core.Actor;
import dev.craft.core.ConflictException;
import dev.craft.core.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Findings the PSIRT records by hand from a coordinated vulnerability disclosure report (V11): they
 * belong to a release rather than to an SBOM, so a new SBOM keeps them, and they take part in the
 * triage inbox and the release gate like the matcher's findings. Without a decision their analysis
 * is {@code in_triage}.
 */
public final class ManualFindingStore {
  /** The triage key of a finding on the product itself rather than on one of its components. */
  public static final String PRODUCT_KEY = "product";

  private final Jdbi jdbi;

  public ManualFindingStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * What to record. {@code purl} empty = the product itself; otherwise a component of the release's
   * current SBOM. {@code cvss} and {@code severity} are already derived from the vector by the
   * caller ({@code 0} and {@code unknown} without one).
   */
  public record ManualFinding(
      long productId,
      long releaseId,
      String purl,
      String vulnerabilityId,
      String aliases,
      String cvssVector,
      double cvss,
      String severity,
      long cvdReportId,
      String note) {
    public ManualFinding {
      Objects.requireNonNull(purl, "purl");
      Objects.requireNonNull(aliases, "aliases");
      Objects.requireNonNull(cvssVector, "cvssVector");
      Objects.requireNonNull(severity, "severity");
      Objects.requireNonNull(note, "note");
      if (vulnerabilityId.isBlank()) {
        throw new InvalidInputException("vulnerabilityId: required");
      }
    }
  }

  /** A finding recorded from a report, for the report's page. */
  public record LinkedFinding(
      long findingId,
      long productId,
      String productName,
      long releaseId,
      String releaseVersion,
      String vulnerabilityId,
      String purl,
      String name) {}

  /** Records the finding; audited. Returns its id. */
  public long record(Actor actor, ManualFinding m) {
    return jdbi.inTransaction(
        h -> {
          ReleaseCheck.require(h, actor, m.productId(), m.releaseId());
          record Target(String purl, String name, String version, int ordinal, String key) {}
          Target t;
          if (m.purl().isEmpty()) {
            t =
                h.createQuery(
                        """
                        SELECT p.name, r.version FROM release r JOIN product p ON p.id = r.product_id
                        WHERE r.id = :r
                        """)
                    .bind("r", m.releaseId())
                    .map(
                        (rs, ctx) ->
                            new Target("", rs.getString(1), rs.getString(2), -1, PRODUCT_KEY))
                    .one();
          } else {
            t =
                h.createQuery(
                        """
                        SELECT c.name, c.version, c.ordinal, coalesce(c.package_key, '') AS key
                        FROM sbom_component c JOIN sbom s ON s.id = c.sbom_id AND s.replaced_at IS NULL
                        WHERE s.release_id = :r AND c.purl = :purl ORDER BY c.ordinal LIMIT 1
                        """)
                    .bind("r", m.releaseId())
                    .bind("purl", m.purl())
                    .map(
                        (rs, ctx) ->
                            new Target(
                                m.purl(),
                                rs.getString(1),
                                rs.getString(2),
                                rs.getInt(3),
                                rs.getString(4).isEmpty() ? "purl:" + m.purl() : rs.getString(4)))
                    .findOne()
                    .orElseThrow(
                        () ->
                            new InvalidInputException(
                                "purl: not a component of the release's current SBOM: "
                                    + m.purl()));
          }
          boolean exists =
              h.createQuery(
                      """
                      SELECT 1 FROM finding WHERE release_id = :r AND vulnerability_id = :v
                        AND package_key = :k AND sbom_id IS NULL
                      """)
                  .bind("r", m.releaseId())
                  .bind("v", m.vulnerabilityId())
                  .bind("k", t.key())
                  .mapTo(Integer.class)
                  .findOne()
                  .isPresent();
          if (exists) {
            throw new ConflictException(
                m.vulnerabilityId() + " is already recorded for this release and component");
          }
          Map<String, Object> evidence = new LinkedHashMap<>();
          evidence.put("source", "cvd");
          if (m.cvdReportId() > 0) {
            evidence.put("cvdReport", m.cvdReportId());
          }
          evidence.put("reason", m.note().isEmpty() ? "recorded by " + actor.username() : m.note());
          long id =
              h.createQuery(
                      """
                      INSERT INTO finding (release_id, sbom_id, component_ordinal, purl, name, version,
                        vulnerability_id, aliases, status, reason, severity, cvss, cvss_vector, kev, epss,
                        evidence, source, package_key, cvd_report_id)
                      VALUES (:release, NULL, :ordinal, :purl, :name, :version, :vuln, :aliases,
                        'affected', '', :severity, :cvss, :vector,
                        EXISTS (SELECT 1 FROM kev_entry k WHERE k.cve_id = :vuln
                                OR k.cve_id = ANY(string_to_array(:aliases, ' ')))
                          OR EXISTS (SELECT 1 FROM euvd_alias a
                                JOIN euvd_record r ON r.id = a.euvd_id AND r.exploited
                                WHERE a.alias = :vuln
                                  OR a.alias = ANY(string_to_array(:aliases, ' '))),
                        coalesce((SELECT max(e.epss) FROM epss_score e WHERE e.cve_id = :vuln
                                  OR e.cve_id = ANY(string_to_array(:aliases, ' '))), -1),
                        :evidence, 'cvd', :key, :report)
                      RETURNING id
                      """)
                  .bind("release", m.releaseId())
                  .bind("ordinal", t.ordinal())
                  .bind("purl", t.purl())
                  .bind("name", t.name())
                  .bind("version", t.version())
                  .bind("vuln", m.vulnerabilityId())
                  .bind("aliases", m.aliases())
                  .bind("severity", m.severity())
                  .bind("cvss", m.cvss())
                  .bind("vector", m.cvssVector())
                  .bind("evidence", CraftJson.write(evidence))
                  .bind("key", t.key())
                  .bind("report", m.cvdReportId() > 0 ? m.cvdReportId() : null)
                  .mapTo(Long.class)
                  .one();
          Map<String, Object> audit = new LinkedHashMap<>();
          audit.put("releaseId", m.releaseId());
          audit.put("vulnerabilityId", m.vulnerabilityId());
          audit.put("component", t.purl().isEmpty() ? "(the product)" : t.purl());
          audit.put("cvssVector", m.cvssVector());
          audit.put("cvdReportId", m.cvdReportId());
          AuditLog.append(h, actor, "finding.record", "finding", Long.toString(id), audit);
          return id;
        });
  }

  /** The findings recorded from a report. */
  public List<LinkedFinding> forReport(long reportId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT f.id AS finding_id, p.id AS product_id, p.name AS product_name,
                      r.id AS release_id, r.version AS release_version, f.vulnerability_id, f.purl,
                      f.name
                    FROM finding f JOIN release r ON r.id = f.release_id
                      JOIN product p ON p.id = r.product_id
                    WHERE f.cvd_report_id = :id ORDER BY f.id
                    """)
                .bind("id", reportId)
                .map(ConstructorMapper.of(LinkedFinding.class))
                .list());
  }

  /** The CVD report findings of one release came from: finding id → report id. */
  public Map<Long, Long> reportsOfRelease(long releaseId) {
    return jdbi.withHandle(h -> reportsOfRelease(h, releaseId));
  }

  static Map<Long, Long> reportsOfRelease(Handle h, long releaseId) {
    Map<Long, Long> out = new LinkedHashMap<>();
    h.createQuery(
            "SELECT id, cvd_report_id FROM finding WHERE release_id = :r AND cvd_report_id IS NOT"
                + " NULL")
        .bind("r", releaseId)
        .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** The report a finding was recorded from. */
  public Optional<Long> reportOf(long findingId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT cvd_report_id FROM finding WHERE id = :f AND cvd_report_id IS NOT NULL")
                .bind("f", findingId)
                .mapTo(Long.class)
                .findOne());
  }
}
