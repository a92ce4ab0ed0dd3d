package dev.craft.store;

import dev.craft.core.Actor;
import dev.craft.formats.EuvdRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * ENISA EUVD records (ADR 081): EUVD ids as aliases of CVE/GHSA ids, and the EU exploited flag,
 * which counts like CISA KEV for findings. An import writes a record only when it is new, its
 * {@code dateUpdated} changed or it newly says exploited; the flag is never cleared by an import.
 */
public final class EuvdStore {
  private final Jdbi jdbi;

  public EuvdStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** What one import did. */
  public record Imported(int added, int updated, int unchanged, int exploited) {}

  /** An EU-exploited record and the id (CVE/GHSA or its own EUVD id) it was found by. */
  public record ExploitedHit(String euvdId, String matchedId, String exploitedSince) {}

  /** A stored record's columns. */
  public record EuvdRow(
      String id,
      String dateUpdated,
      boolean exploited,
      String exploitedSince,
      double baseScore,
      String baseScoreVector,
      List<String> aliases) {
    public EuvdRow {
      aliases = List.copyOf(aliases);
    }
  }

  public Imported importRecords(Actor actor, List<EuvdRecord> records) {
    return jdbi.inTransaction(
        h -> {
          int added = 0;
          int updated = 0;
          int unchanged = 0;
          var changedIds = new ArrayList<String>();
          for (EuvdRecord r : records) {
            Optional<Map.Entry<String, Boolean>> stored =
                h.createQuery(
                        "SELECT date_updated, exploited FROM euvd_record WHERE id = :id FOR UPDATE")
                    .bind("id", r.id())
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getBoolean(2)))
                    .findOne();
            boolean exploited = r.exploited() || stored.map(Map.Entry::getValue).orElse(false);
            if (stored.isPresent()
                && stored.get().getKey().equals(r.dateUpdated())
                && stored.get().getValue() == exploited) {
              unchanged++;
              continue;
            }
            h.createUpdate(
                    """
                    INSERT INTO euvd_record (id, date_updated, exploited, exploited_since,
                      base_score, base_score_vector, raw)
                    VALUES (:id, :updated, :exploited, :since, :score, :vector, :raw)
                    ON CONFLICT (id) DO UPDATE SET date_updated = excluded.date_updated,
                      exploited = excluded.exploited,
                      exploited_since = CASE WHEN excluded.exploited_since = ''
                        THEN euvd_record.exploited_since ELSE excluded.exploited_since END,
                      base_score = excluded.base_score,
                      base_score_vector = excluded.base_score_vector, raw = excluded.raw,
                      updated_at = now()
                    """)
                .bind("id", r.id())
                .bind("updated", r.dateUpdated())
                .bind("exploited", exploited)
                .bind("since", r.exploitedSince())
                .bind("score", r.baseScore())
                .bind("vector", r.baseScoreVector())
                .bind("raw", r.raw().replace("\u0000", ""))
                .execute();
            h.execute("DELETE FROM euvd_alias WHERE euvd_id = ?", r.id());
            PreparedBatch aliases =
                h.prepareBatch(
                    "INSERT INTO euvd_alias (euvd_id, alias) VALUES (:id, :alias)"
                        + " ON CONFLICT DO NOTHING");
            for (String alias : r.aliases()) {
              aliases.bind("id", r.id()).bind("alias", alias).add();
            }
            if (aliases.size() > 0) {
              aliases.execute();
            }
            if (stored.isPresent()) {
              updated++;
            } else {
              added++;
            }
            changedIds.add(r.id());
          }
          // EU exploited counts like KEV: flag the stored findings it names (never unflag). Only
          // records added or changed now can name findings not flagged yet: earlier ones flagged
          // theirs when they were imported, and matching flags findings recorded since.
          int flagged =
              changedIds.isEmpty()
                  ? 0
                  : flagPacks(h, changedIds)
                      + h.createUpdate(
                              """
                          UPDATE finding f SET kev = true WHERE NOT kev AND EXISTS (
                            SELECT 1 FROM euvd_alias a JOIN euvd_record r ON r.id = a.euvd_id
                            WHERE r.exploited AND r.id = ANY(:changed)
                              AND (a.alias = f.vulnerability_id
                                OR a.alias = ANY(string_to_array(f.aliases, ' '))))
                          """)
                          .bindArray("changed", String.class, changedIds)
                          .execute();
          if (!changedIds.isEmpty()) {
            AuditLog.append(
                h,
                actor,
                "euvd.import",
                "euvd",
                changedIds.size() == 1 ? changedIds.get(0) : "",
                Map.of(
                    "added",
                    added,
                    "updated",
                    updated,
                    "unchanged",
                    unchanged,
                    "findingsFlagged",
                    flagged,
                    "ids",
                    changedIds.stream().limit(50).toList()));
          }
          int exploited = (int) records.stream().filter(EuvdRecord::exploited).count();
          return new Imported(added, updated, unchanged, exploited);
        });
  }

  /** EU-exploited records naming any of {@code ids} (as alias or as their own EUVD id). */
  public List<ExploitedHit> exploitedFor(Set<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    // The exploited records are few (ENISA's list); a match names up to ~150,000 ids. Reading
    // the exploited ones and keeping those named costs less than sending the ids.
    var hits =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        """
                        SELECT r.id, a.alias, r.exploited_since FROM euvd_record r
                          JOIN euvd_alias a ON a.euvd_id = r.id
                        WHERE r.exploited
                        UNION
                        SELECT r.id, r.id, r.exploited_since FROM euvd_record r WHERE r.exploited
                        ORDER BY 1, 2
                        """)
                    .map(
                        (rs, ctx) ->
                            new ExploitedHit(rs.getString(1), rs.getString(2), rs.getString(3)))
                    .list());
    return hits.stream().filter(hit -> ids.contains(hit.matchedId())).toList();
  }

  /** EUVD records that name any of {@code ids} as an alias. */
  public List<EuvdRow> naming(Set<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT r.id, r.date_updated, r.exploited, r.exploited_since, r.base_score,
                      r.base_score_vector,
                      ARRAY(SELECT alias FROM euvd_alias x WHERE x.euvd_id = r.id ORDER BY alias)
                    FROM euvd_record r WHERE r.id IN
                      (SELECT euvd_id FROM euvd_alias WHERE alias = ANY(:ids))
                    ORDER BY r.id
                    """)
                .bindArray("ids", String.class, List.copyOf(ids))
                .map(
                    (rs, ctx) ->
                        new EuvdRow(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getBoolean(3),
                            rs.getString(4),
                            rs.getDouble(5),
                            rs.getString(6),
                            List.of((String[]) rs.getArray(7).getArray())))
                .list());
  }

  /**
   * Flags the findings in packs (V23) that the exploited records among {@code changedIds} name;
   * returns the number of findings flagged.
   */
  private static int flagPacks(Handle h, List<String> changedIds) {
    return FindingPacks.flagKev(
        h,
        """
        WITH exploited AS (
          SELECT DISTINCT a.alias FROM euvd_alias a JOIN euvd_record r ON r.id = a.euvd_id
          WHERE r.exploited AND r.id = ANY(:changed))
        """,
        "SELECT alias FROM exploited",
        q -> q.bindArray("changed", String.class, changedIds));
  }
}
