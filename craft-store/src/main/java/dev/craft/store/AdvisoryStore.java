package dev.craft.store;

import dev.craft.core.Actor;
import dev.craft.engine.PackageNames;
import dev.craft.formats.OsvAffected;
import dev.craft.formats.OsvRecord;
import dev.craft.formats.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Advisories (OSV records kept verbatim), their package keys and aliases ({@link ExploitationStore}
 * keeps KEV and EPSS). Imports are idempotent and incremental: a record is written only when it is
 * new or its {@code modified} is later than the stored one, and every such write is recorded in
 * {@code advisory_change}.
 */
public final class AdvisoryStore {
  private final Jdbi jdbi;

  public AdvisoryStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** What one import batch did; {@code changed} are the records added or updated. */
  public record Imported(int added, int updated, int unchanged, List<OsvRecord> changed) {
    public Imported {
      changed = List.copyOf(changed);
    }
  }

  /** Imports a batch of records in one transaction. */
  public Imported importRecords(Actor actor, List<OsvRecord> records, Instant fetchedAt) {
    return jdbi.inTransaction(
        h -> {
          int added = 0;
          int updated = 0;
          int unchanged = 0;
          var changed = new ArrayList<OsvRecord>();
          for (OsvRecord r : records) {
            Optional<String> stored =
                h.createQuery("SELECT modified FROM advisory WHERE id = :id FOR UPDATE")
                    .bind("id", r.id())
                    .mapTo(String.class)
                    .findOne();
            if (stored.isPresent() && !Timestamps.isLater(r.modified(), stored.get())) {
              unchanged++;
              continue;
            }
            write(h, r, fetchedAt, stored.isPresent());
            h.createUpdate(
                    "INSERT INTO advisory_change (advisory_id, previous_modified, modified,"
                        + " changed_by) VALUES (:id, :prev, :mod, :by)")
                .bind("id", r.id())
                .bind("prev", stored.orElse(""))
                .bind("mod", r.modified())
                .bind("by", actor.username())
                .execute();
            if (stored.isPresent()) {
              updated++;
            } else {
              added++;
            }
            changed.add(r);
          }
          if (!changed.isEmpty()) {
            AuditLog.append(
                h,
                actor,
                "advisory.import",
                "advisory",
                changed.size() == 1 ? changed.get(0).id() : "",
                Map.of(
                    "added",
                    added,
                    "updated",
                    updated,
                    "unchanged",
                    unchanged,
                    "ids",
                    changed.stream().limit(50).map(OsvRecord::id).toList()));
          }
          return new Imported(added, updated, unchanged, changed);
        });
  }

  private static void write(Handle h, OsvRecord r, Instant fetchedAt, boolean exists) {
    h.createUpdate(
            """
            INSERT INTO advisory (id, source, modified, published, withdrawn, raw, fetched_at)
            VALUES (:id, :source, :modified, :published, :withdrawn, :raw, :fetched)
            ON CONFLICT (id) DO UPDATE SET source = excluded.source, modified = excluded.modified,
              published = excluded.published, withdrawn = excluded.withdrawn, raw = excluded.raw,
              fetched_at = excluded.fetched_at, updated_at = now()
            """)
        .bind("id", r.id())
        .bind("source", r.source())
        .bind("modified", r.modified())
        .bind("published", r.published())
        .bind("withdrawn", r.withdrawn())
        .bind("raw", r.raw().replace("\u0000", ""))
        .bind("fetched", fetchedAt)
        .execute();
    if (exists) {
      h.execute("DELETE FROM advisory_package WHERE advisory_id = ?", r.id());
      h.execute("DELETE FROM advisory_alias WHERE advisory_id = ?", r.id());
    }
    PreparedBatch packages =
        h.prepareBatch(
            "INSERT INTO advisory_package (advisory_id, package_key) VALUES (:id, :key)"
                + " ON CONFLICT DO NOTHING");
    for (String key : packageKeys(r)) {
      packages.bind("id", r.id()).bind("key", key).add();
    }
    if (packages.size() > 0) {
      packages.execute();
    }
    PreparedBatch aliases =
        h.prepareBatch(
            "INSERT INTO advisory_alias (advisory_id, alias, source) VALUES (:id, :alias, :source)"
                + " ON CONFLICT DO NOTHING");
    for (String alias : new LinkedHashSet<>(r.aliases())) {
      if (!alias.equals(r.id())) {
        aliases.bind("id", r.id()).bind("alias", alias).bind("source", r.source()).add();
      }
    }
    if (aliases.size() > 0) {
      aliases.execute();
    }
  }

  /** The distinct package keys ({@code type/name}) of a record's affected entries. */
  public static Set<String> packageKeys(OsvRecord r) {
    Set<String> keys = new LinkedHashSet<>();
    for (OsvAffected a : r.affected()) {
      PackageNames.ofOsv(a.ecosystem(), a.name()).ifPresent(k -> keys.add(k.toString()));
    }
    return keys;
  }

  /** A stored advisory: its columns and raw text. */
  public record AdvisoryRow(
      String id,
      String source,
      String modified,
      String published,
      String withdrawn,
      String raw,
      Instant fetchedAt,
      Instant importedAt,
      Instant updatedAt) {}

  /** An alias of a stored advisory and the record that declared it. */
  public record AliasRow(String advisoryId, String alias, String source) {}

  public Optional<AdvisoryRow> find(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM advisory WHERE id = :id")
                .bind("id", id)
                .mapTo(AdvisoryRow.class)
                .findOne());
  }

  /** Alias statements that involve {@code id}, whichever side declared them. */
  public List<AliasRow> aliases(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT advisory_id, alias, source FROM advisory_alias"
                        + " WHERE advisory_id = :id OR alias = :id ORDER BY advisory_id, alias")
                .bind("id", id)
                .mapTo(AliasRow.class)
                .list());
  }

  /**
   * Advisories of {@code q}'s alias group: whose id or alias equals {@code q} (case-insensitive) or
   * that an EUVD record {@code q} names (ADR 081), and then, transitively, those that share an id
   * with them (a GO record naming a GHSA id that names the CVE searched for); then those whose id
   * starts with {@code q}.
   */
  public List<AdvisoryRow> search(String q, int limit) {
    String needle = q.strip().toUpperCase(java.util.Locale.ROOT);
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    WITH RECURSIVE named(id) AS (
                        SELECT a.id FROM advisory a WHERE upper(a.id) = :q
                        UNION SELECT advisory_id FROM advisory_alias WHERE upper(alias) = :q
                        UNION SELECT alias FROM advisory_alias WHERE upper(advisory_id) = :q
                        UNION SELECT alias FROM euvd_alias WHERE upper(euvd_id) = :q),
                      grp(id) AS (
                        SELECT id FROM named
                        UNION
                        SELECT CASE WHEN x.advisory_id = g.id THEN x.alias ELSE x.advisory_id END
                        FROM advisory_alias x JOIN grp g ON x.advisory_id = g.id OR x.alias = g.id)
                    SELECT a.* FROM advisory a
                    WHERE a.id IN (SELECT id FROM grp) OR upper(a.id) LIKE :prefix
                    ORDER BY (upper(a.id) = :q) DESC, a.id LIMIT :limit
                    """)
                .bind("q", needle)
                .bind("prefix", needle.replace("%", "").replace("_", "\\_") + "%")
                .bind("limit", limit)
                .mapTo(AdvisoryRow.class)
                .list());
  }

  /** Non-withdrawn advisories affecting any of the package keys. */
  public List<AdvisoryRow> forPackages(Set<String> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT a.* FROM advisory a WHERE a.withdrawn = '' AND a.id IN
                      (SELECT advisory_id FROM advisory_package WHERE package_key = ANY(:keys))
                    ORDER BY a.id
                    """)
                .bindArray("keys", String.class, List.copyOf(keys))
                .mapTo(AdvisoryRow.class)
                .list());
  }

  /**
   * A stored advisory's identity without its text: enough to tell whether a parsed copy is current
   * (a record's source changes only with a later {@code modified}: see {@link #importRecords}).
   */
  public record AdvisoryStamp(String id, String modified) {}

  /** A stored advisory's text and where it was read from. */
  public record StoredText(String source, String raw) {}

  /** Stamps and the advisory generation they were read at. */
  public record Stamps(long generation, List<AdvisoryStamp> stamps) {}

  /** The advisory generation now (V20): it counts every statement that changed advisories. */
  public long generation() {
    return jdbi.withHandle(h -> generation(h, false));
  }

  /**
   * The advisory generation in {@code h}'s transaction; when {@code locked}, read FOR SHARE, so
   * that advisory writers wait until that transaction ends.
   */
  static long generation(Handle h, boolean locked) {
    String sql = "SELECT n FROM advisory_generation" + (locked ? " FOR SHARE" : "");
    return h.createQuery(sql).mapTo(Long.class).one();
  }

  /**
   * The stamps of the stored, non-withdrawn advisories of each of {@code keys} (an empty list for a
   * key that none names): the advisories of {@link #forPackages} without their raw text, for a
   * matcher that keeps parsed records and fetches the text only of those it has not parsed. With
   * the generation they were read at, from one snapshot, for a cache that keeps them while the
   * generation stays ({@code StampCache}). The keys are joined as a set ({@code IN (SELECT
   * unnest(…))}) rather than compared with {@code = ANY}: for an upload's 9,300 keys the planner
   * spent ~40 ms estimating {@code = ANY} key by key (ADR 100); {@code advisory_stamp} (V18) holds
   * the ids and stamps.
   */
  public StampsByKey stampsByKey(Set<String> keys) {
    return jdbi.inTransaction(
        org.jdbi.v3.core.transaction.TransactionIsolationLevel.REPEATABLE_READ,
        h -> {
          long generation = generation(h, false);
          var out = new java.util.HashMap<String, List<AdvisoryStamp>>(keys.size() * 2);
          for (String k : keys) {
            out.put(k, new ArrayList<>(2));
          }
          if (!keys.isEmpty()) {
            h.createQuery(
                    """
                    SELECT p.package_key, a.id, a.modified
                    FROM advisory_package p JOIN advisory a ON a.id = p.advisory_id
                    WHERE a.withdrawn = ''
                      AND p.package_key IN (SELECT unnest(CAST(:keys AS text[])))
                    """)
                .bindArray("keys", String.class, List.copyOf(keys))
                .map(
                    (rs, ctx) ->
                        Map.entry(
                            rs.getString(1), new AdvisoryStamp(rs.getString(2), rs.getString(3))))
                .forEach(e -> out.get(e.getKey()).add(e.getValue()));
          }
          return new StampsByKey(generation, out);
        });
  }

  /** Stamps by package key and the advisory generation they were read at. */
  public record StampsByKey(long generation, Map<String, List<AdvisoryStamp>> byKey) {}

  /** The raw text and source of each stored id (ids that are not stored are absent). */
  public Map<String, StoredText> rawOf(java.util.Collection<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    var out = new java.util.HashMap<String, StoredText>(ids.size() * 2);
    jdbi.useHandle(
        h ->
            h.createQuery("SELECT id, source, raw FROM advisory WHERE id = ANY(:ids)")
                .bindArray("ids", String.class, List.copyOf(ids))
                .setFetchSize(1000)
                .map(
                    (rs, ctx) ->
                        Map.entry(
                            rs.getString(1), new StoredText(rs.getString(2), rs.getString(3))))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
    return out;
  }

  /**
   * Fills in {@code sbom_component.package_key} for rows stored before it existed; returns how many
   * rows it wrote.
   */
  public int backfillPackageKeys() {
    return jdbi.inTransaction(
        h -> {
          var rows =
              h.createQuery(
                      "SELECT sbom_id, ordinal, purl FROM sbom_component WHERE package_key IS NULL")
                  .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getInt(2), rs.getString(3)})
                  .list();
          if (rows.isEmpty()) {
            return 0;
          }
          PreparedBatch b =
              h.prepareBatch(
                  "UPDATE sbom_component SET package_key = :key, lookup_keys = :more"
                      + " WHERE sbom_id = :s AND ordinal = :o");
          for (Object[] r : rows) {
            var keys = ComponentCopy.keysOf((String) r[2], List.of());
            b.bind("key", keys.packageKey())
                .bindArray("more", String.class, keys.lookupKeys())
                .bind("s", (Long) r[0])
                .bind("o", (Integer) r[1])
                .add();
          }
          b.execute();
          return rows.size();
        });
  }

  /** The stored {@code modified} of each id that is stored. */
  public Map<String, String> modifiedOf(List<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    var out = new java.util.HashMap<String, String>();
    jdbi.useHandle(
        h ->
            h.createQuery("SELECT id, modified FROM advisory WHERE id = ANY(:ids)")
                .bindArray("ids", String.class, ids)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
    return out;
  }

  /** The watermark of an online feed, empty before its first successful run. */
  public String watermark(String url) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT watermark FROM feed_state WHERE url = :url")
                .bind("url", url)
                .mapTo(String.class)
                .findOne()
                .orElse(""));
  }

  public void setWatermark(String url, String watermark) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO feed_state (url, watermark) VALUES (:url, :w)
                    ON CONFLICT (url) DO UPDATE SET watermark = excluded.watermark, synced_at = now()
                    """)
                .bind("url", url)
                .bind("w", watermark)
                .execute());
  }
}
