package dev.craft.store;

import dev.craft.core.Actor;
import dev.craft.engine.NvdCriteria;
import dev.craft.formats.NvdCve;
import dev.craft.formats.NvdCvss;
import dev.craft.formats.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * NVD CVE records (ADR 081): one row per CVE, replaced only by a later {@code lastModified}, with
 * the CVSS used for advisories that have none, the CWEs and the CPE match criteria pulled out.
 */
public final class NvdStore {
  /** CVEs whose CVSS vector answer is kept: every CVE published so far, at ~150 bytes each. */
  private static final int KEPT_VECTORS = 400_000;

  private final Jdbi jdbi;
  private final GenerationCache<String> vectors = new GenerationCache<>(KEPT_VECTORS);

  public NvdStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** What one import did; {@code changed} are the CVE ids added or updated. */
  public record Imported(int added, int updated, int unchanged, List<String> changed) {
    public Imported {
      changed = List.copyOf(changed);
    }
  }

  /** A stored CVE: the pulled-out fields; JSON columns as text. */
  public record NvdRow(
      String cveId,
      String published,
      String lastModified,
      String vulnStatus,
      String cvssVector,
      String cvssVersion,
      double cvssScore,
      String cvssSource,
      String cvssType,
      String metrics,
      List<String> cwes,
      String cpeMatches,
      Instant fetchedAt,
      Instant updatedAt) {
    public NvdRow {
      cwes = List.copyOf(cwes);
    }
  }

  public Imported importCves(Actor actor, List<NvdCve> cves, Instant fetchedAt) {
    return jdbi.inTransaction(
        h -> {
          int added = 0;
          int updated = 0;
          int unchanged = 0;
          var changed = new ArrayList<String>();
          for (NvdCve c : cves) {
            Optional<String> stored =
                h.createQuery("SELECT last_modified FROM nvd_cve WHERE cve_id = :id FOR UPDATE")
                    .bind("id", c.id())
                    .mapTo(String.class)
                    .findOne();
            if (stored.isPresent() && !Timestamps.isLater(c.lastModified(), stored.get())) {
              unchanged++;
              continue;
            }
            Optional<NvdCvss> cvss = c.preferredCvss();
            h.createUpdate(
                    """
                    INSERT INTO nvd_cve (cve_id, published, last_modified, vuln_status, cvss_vector,
                      cvss_version, cvss_score, cvss_source, cvss_type, metrics, cwes, cpe_matches,
                      raw, fetched_at)
                    VALUES (:id, :published, :modified, :status, :vector, :version, :score, :source,
                      :type, :metrics::jsonb, :cwes, :cpe::jsonb, :raw, :fetched)
                    ON CONFLICT (cve_id) DO UPDATE SET published = excluded.published,
                      last_modified = excluded.last_modified, vuln_status = excluded.vuln_status,
                      cvss_vector = excluded.cvss_vector, cvss_version = excluded.cvss_version,
                      cvss_score = excluded.cvss_score, cvss_source = excluded.cvss_source,
                      cvss_type = excluded.cvss_type, metrics = excluded.metrics,
                      cwes = excluded.cwes, cpe_matches = excluded.cpe_matches, raw = excluded.raw,
                      fetched_at = excluded.fetched_at, updated_at = now()
                    """)
                .bind("id", c.id())
                .bind("published", c.published())
                .bind("modified", c.lastModified())
                .bind("status", c.vulnStatus())
                .bind("vector", cvss.map(NvdCvss::vector).orElse(""))
                .bind("version", cvss.map(NvdCvss::version).orElse(""))
                .bind("score", cvss.map(NvdCvss::baseScore).orElse(-1.0))
                .bind("source", cvss.map(NvdCvss::source).orElse(""))
                .bind("type", cvss.map(NvdCvss::type).orElse(""))
                .bind("metrics", CraftJson.write(c.metrics()))
                .bindArray("cwes", String.class, c.cwes())
                .bind("cpe", CraftJson.write(c.cpeMatches()))
                .bind("raw", c.raw().replace("\u0000", ""))
                .bind("fetched", fetchedAt)
                .execute();
            h.createUpdate("DELETE FROM nvd_cpe_key WHERE cve_id = :id")
                .bind("id", c.id())
                .execute();
            var keys = NvdCriteria.keys(NvdCriteria.of(c, "nvd"));
            if (!keys.isEmpty()) {
              h.createUpdate(
                      "INSERT INTO nvd_cpe_key (cve_id, cpe_key) SELECT :id, unnest(:keys)"
                          + " ON CONFLICT DO NOTHING")
                  .bind("id", c.id())
                  .bindArray("keys", String.class, List.copyOf(keys))
                  .execute();
            }
            if (stored.isPresent()) {
              updated++;
            } else {
              added++;
            }
            changed.add(c.id());
          }
          if (!changed.isEmpty()) {
            AuditLog.append(
                h,
                actor,
                "nvd.import",
                "nvd",
                changed.size() == 1 ? changed.get(0) : "",
                Map.of(
                    "added",
                    added,
                    "updated",
                    updated,
                    "unchanged",
                    unchanged,
                    "ids",
                    changed.stream().limit(50).toList()));
          }
          return new Imported(added, updated, unchanged, changed);
        });
  }

  private static final String COLUMNS =
      "cve_id, published, last_modified, vuln_status, cvss_vector, cvss_version, cvss_score,"
          + " cvss_source, cvss_type, metrics::text, cwes, cpe_matches::text, fetched_at,"
          + " updated_at";

  public Optional<NvdRow> find(String cveId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM nvd_cve WHERE cve_id = :id")
                .bind("id", cveId)
                .map(NvdStore::row)
                .findOne());
  }

  /** The stored CVEs among {@code ids}, by id. */
  public Map<String, NvdRow> forIds(Set<String> ids) {
    var out = new HashMap<String, NvdRow>();
    if (ids.isEmpty()) {
      return out;
    }
    jdbi.useHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM nvd_cve WHERE cve_id = ANY(:ids)")
                .bindArray("ids", String.class, List.copyOf(ids))
                .map(NvdStore::row)
                .forEach(r -> out.put(r.cveId(), r)));
    return out;
  }

  /**
   * The CVSS vectors of the stored CVEs among {@code cves} that have one, by id, for the matcher;
   * answers are kept while no NVD import commits (ADR 103).
   */
  public Map<String, String> cvssVectorsFor(Set<String> cves) {
    if (cves.isEmpty()) {
      return Map.of();
    }
    return vectors.get(Generations.of(jdbi, "nvd"), cves, this::readVectors);
  }

  private Map<String, String> readVectors(List<String> cves) {
    var out = new HashMap<String, String>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "SELECT cve_id, cvss_vector FROM nvd_cve WHERE cve_id = ANY(:ids)"
                        + " AND cvss_vector <> ''")
                .bindArray("ids", String.class, cves)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
    return out;
  }

  /** Ids of stored advisories that name one of {@code cveIds} as their id or an alias. */
  public List<String> advisoriesNaming(List<String> cveIds) {
    if (cveIds.isEmpty()) {
      return List.of();
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT id FROM advisory WHERE withdrawn = '' AND (id = ANY(:ids) OR id IN
                      (SELECT advisory_id FROM advisory_alias WHERE alias = ANY(:ids)))
                    ORDER BY id
                    """)
                .bindArray("ids", String.class, cveIds)
                .mapTo(String.class)
                .list());
  }

  /** A stored CVE as the CPE look-up needs it: its text and the CVSS vector chosen for it. */
  public record CpeSource(String cveId, String raw, String cvssVector) {}

  /** The stored CVEs with a vulnerable criterion for one of the vendor:product {@code keys}. */
  public List<CpeSource> forCpeKeys(Set<String> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT cve_id, raw, cvss_vector FROM nvd_cve WHERE cve_id IN
                      (SELECT cve_id FROM nvd_cpe_key WHERE cpe_key = ANY(:keys))
                    ORDER BY cve_id
                    """)
                .bindArray("keys", String.class, List.copyOf(keys))
                .map(
                    (rs, ctx) ->
                        new CpeSource(
                            rs.getString("cve_id"),
                            rs.getString("raw"),
                            rs.getString("cvss_vector")))
                .list());
  }

  /** The vendor:product keys of the vulnerable criteria of {@code cveIds}. */
  public Set<String> cpeKeysOf(List<String> cveIds) {
    if (cveIds.isEmpty()) {
      return Set.of();
    }
    return jdbi.withHandle(
        h ->
            Set.copyOf(
                h.createQuery("SELECT DISTINCT cpe_key FROM nvd_cpe_key WHERE cve_id = ANY(:ids)")
                    .bindArray("ids", String.class, cveIds)
                    .mapTo(String.class)
                    .list()));
  }

  public int count() {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT count(*) FROM nvd_cve").mapTo(Integer.class).one());
  }

  private static NvdRow row(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
      throws java.sql.SQLException {
    java.sql.Array cwes = rs.getArray("cwes");
    return new NvdRow(
        rs.getString("cve_id"),
        rs.getString("published"),
        rs.getString("last_modified"),
        rs.getString("vuln_status"),
        rs.getString("cvss_vector"),
        rs.getString("cvss_version"),
        rs.getDouble("cvss_score"),
        rs.getString("cvss_source"),
        rs.getString("cvss_type"),
        rs.getString("metrics"),
        cwes == null ? List.of() : List.of((String[]) cwes.getArray()),
        rs.getString("cpe_matches"),
        rs.getTimestamp("fetched_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}
