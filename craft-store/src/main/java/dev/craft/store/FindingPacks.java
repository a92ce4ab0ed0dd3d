package dev.craft.store;

import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * A new SBOM's matched findings stored one row per component (ADR 104, V23): {@code finding_pack}
 * holds a component's findings as arrays, one element per vulnerability, and {@code finding_all}
 * reads them as rows. An element whose finding is about to change is moved to {@code finding} first
 * ({@link #unpack}), keeping its id and times, so that every change is made to rows.
 */
final class FindingPacks {
  /** Most elements in one pack; a component with more findings takes several packs. */
  static final int MAX_ELEMENTS = 4096;

  private FindingPacks() {}

  /**
   * Moves the pack elements of {@code vulnerabilities} in the packs of {@code sboms} to {@code
   * finding} (same ids and times): the elements become NULL in their packs, and packs left without
   * any element are deleted.
   */
  static void unpack(Handle h, Collection<String> vulnerabilities, Collection<Long> sboms) {
    if (vulnerabilities.isEmpty() || sboms.isEmpty()) {
      return;
    }
    move(
        h,
        "p.vulnerability_ids && CAST(:ids AS TEXT[]) AND p.sbom_id = ANY(:sboms)",
        "e.vulnerability_id = ANY(CAST(:ids AS TEXT[]))",
        q ->
            q.bindArray("ids", String.class, List.copyOf(vulnerabilities))
                .bindArray("sboms", Long.class, List.copyOf(sboms)));
  }

  /** Moves the pack element of finding {@code id}, if it is one, to {@code finding}. */
  static void unpackId(Handle h, long id) {
    move(h, "p.base = finding_pack_base(:id)", "p.base + e.place - 1 = :id", q -> q.bind("id", id));
  }

  /**
   * Sets KEV on the pack elements whose vulnerability or one of whose aliases is among the ids of
   * {@code ids} (a query of one column over the common table expressions of {@code with}, which
   * begins with {@code WITH}); returns the number of elements flagged that were not flagged.
   */
  static int flagKev(
      Handle h,
      String with,
      String ids,
      java.util.function.Consumer<org.jdbi.v3.core.statement.SqlStatement<?>> bind) {
    var q =
        h.createQuery(
            with
                + """
                , named AS (
                  SELECT p.base, e.place, e.kev, e.vid IS NOT NULL AND (
                      e.vid IN (%1$s)
                      OR string_to_array(e.aliases, ' ') && ARRAY(SELECT DISTINCT i.* FROM (%1$s) i))
                    AS hit
                  FROM finding_pack p CROSS JOIN LATERAL unnest(p.vulnerability_ids, p.aliases,
                    p.kev) WITH ORDINALITY AS e(vid, aliases, kev, place)
                  WHERE NOT (true = ALL(p.kev))),
                flagged AS (
                  SELECT base, array_agg(kev OR hit ORDER BY place) AS kev,
                    count(*) FILTER (WHERE hit AND NOT kev) AS newly
                  FROM named GROUP BY base),
                changed AS (
                  UPDATE finding_pack p SET kev = flagged.kev FROM flagged
                  WHERE p.base = flagged.base AND flagged.newly > 0
                  RETURNING flagged.newly)
                SELECT coalesce(sum(newly), 0) FROM changed
                """
                    .formatted(ids));
    bind.accept(q);
    return q.mapTo(Long.class).one().intValue();
  }

  private static void move(
      Handle h,
      String packs,
      String elements,
      java.util.function.Consumer<org.jdbi.v3.core.statement.SqlStatement<?>> bind) {
    h.execute(
        """
        CREATE TEMP TABLE IF NOT EXISTS finding_moved (base BIGINT, place INT, id BIGINT,
          release_id BIGINT, sbom_id BIGINT, component_ordinal INT, purl TEXT, name TEXT,
          version TEXT, vulnerability_id TEXT, aliases TEXT, status TEXT, reason TEXT,
          severity TEXT, cvss DOUBLE PRECISION, cvss_vector TEXT, kev BOOLEAN,
          epss DOUBLE PRECISION, evidence TEXT, first_seen_at TIMESTAMPTZ,
          last_seen_at TIMESTAMPTZ) ON COMMIT DELETE ROWS
        """);
    h.execute("DELETE FROM finding_moved");
    var note =
        h.createUpdate(
            """
            INSERT INTO finding_moved
            SELECT p.base, e.place, p.base + e.place - 1, p.release_id, p.sbom_id,
              p.component_ordinal, p.purl, p.name, p.version, e.vulnerability_id,
              p.aliases[e.place], p.status[e.place], p.reason[e.place], p.severity[e.place],
              p.cvss[e.place], p.cvss_vector[e.place], p.kev[e.place], p.epss[e.place],
              p.evidence[e.place], p.first_seen_at, p.last_seen_at
            FROM finding_pack p CROSS JOIN LATERAL unnest(p.vulnerability_ids)
              WITH ORDINALITY AS e(vulnerability_id, place)
            WHERE %s AND %s
            """
                .formatted(packs, elements));
    bind.accept(note);
    if (note.execute() == 0) {
      return;
    }
    // The elements are made NULL in their packs before they are inserted as rows: finding's
    // insert check refuses a row that a pack still holds.
    h.execute(
        """
        UPDATE finding_pack p SET vulnerability_ids = (
            SELECT array_agg(CASE WHEN e.place = ANY(m.places) THEN NULL ELSE e.v END
                             ORDER BY e.place)
            FROM unnest(p.vulnerability_ids) WITH ORDINALITY AS e(v, place))
        FROM (SELECT base, array_agg(place) AS places FROM finding_moved GROUP BY base) m
        WHERE p.base = m.base
        """);
    h.execute(
        """
        DELETE FROM finding_pack p USING (SELECT DISTINCT base FROM finding_moved) m
        WHERE p.base = m.base AND array_remove(p.vulnerability_ids, NULL) = '{}'
        """);
    h.execute(
        """
        INSERT INTO finding (id, release_id, sbom_id, component_ordinal, purl, name, version,
          vulnerability_id, aliases, status, reason, severity, cvss, cvss_vector, kev, epss,
          evidence, first_seen_at, last_seen_at)
        SELECT id, release_id, sbom_id, component_ordinal, purl, name, version, vulnerability_id,
          aliases, status, reason, severity, cvss, cvss_vector, kev, epss, evidence,
          first_seen_at, last_seen_at
        FROM finding_moved ORDER BY vulnerability_id, release_id, sbom_id, component_ordinal
        """);
  }
}
