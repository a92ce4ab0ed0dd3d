-- ADR 104: a new SBOM's matched findings are stored one row per component (a "pack" of arrays, one element per
-- vulnerability) instead of one row per finding: 4,425 rows instead of 170,282 for the benchmark's SBOM, so that
-- PostgreSQL's per-row and per-index-entry work (most of an upload's cost) is paid per component. Rows in
-- `finding` stay for everything else (manual findings, a new or changed advisory's findings, elements moved out of
-- a pack before they change). `finding_all` reads both as rows.

-- A pack element's finding id is base + its place (0-based); bases start at 2^50 and step by 4,096, so that pack
-- ids never meet `finding`'s sequence and stay exact in JavaScript numbers (below 2^53).
CREATE SEQUENCE finding_pack_base_seq START WITH 1125899906842624 INCREMENT BY 4096;

CREATE TABLE finding_pack (
    base              BIGINT      PRIMARY KEY DEFAULT nextval('finding_pack_base_seq'),
    release_id        BIGINT      NOT NULL,
    sbom_id           BIGINT      NOT NULL,
    component_ordinal INT         NOT NULL,
    purl              TEXT        NOT NULL,
    name              TEXT        NOT NULL,
    version           TEXT        NOT NULL,
    -- One element per finding; an element moved to `finding` leaves NULL here (its place keeps its id).
    vulnerability_ids TEXT[]      NOT NULL,
    aliases           TEXT[]      NOT NULL, -- each space-separated
    status            TEXT[]      NOT NULL,
    reason            TEXT[]      NOT NULL,
    severity          TEXT[]      NOT NULL,
    cvss              FLOAT8[]    NOT NULL,
    cvss_vector       TEXT[]      NOT NULL,
    kev               BOOLEAN[]   NOT NULL,
    epss              FLOAT8[]    NOT NULL,
    evidence          TEXT[]      NOT NULL,
    first_seen_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_seen_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (cardinality(vulnerability_ids) BETWEEN 1 AND 4096),
    CHECK (cardinality(aliases) = cardinality(vulnerability_ids)
       AND cardinality(status) = cardinality(vulnerability_ids)
       AND cardinality(reason) = cardinality(vulnerability_ids)
       AND cardinality(severity) = cardinality(vulnerability_ids)
       AND cardinality(cvss) = cardinality(vulnerability_ids)
       AND cardinality(cvss_vector) = cardinality(vulnerability_ids)
       AND cardinality(kev) = cardinality(vulnerability_ids)
       AND cardinality(epss) = cardinality(vulnerability_ids)
       AND cardinality(evidence) = cardinality(vulnerability_ids)),
    CHECK (status <@ ARRAY['affected', 'indeterminate']),
    CHECK (array_ndims(vulnerability_ids) = 1 AND array_lower(vulnerability_ids, 1) = 1)
);
CREATE INDEX finding_pack_component ON finding_pack (sbom_id, component_ordinal);
CREATE INDEX finding_pack_release ON finding_pack (release_id, sbom_id);
-- GIN ignores the NULL of a moved element.
CREATE INDEX finding_pack_vulnerability ON finding_pack USING gin (vulnerability_ids);

-- LZ4 where the server has it (Debian's and most distributions' builds): a pack's arrays are compressed when its
-- row is stored, and LZ4 costs a third of pglz's time for them. The embedded server's build has only pglz.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression'
             AND 'lz4' = ANY(enumvals)) THEN
    ALTER TABLE finding_pack
      ALTER COLUMN vulnerability_ids SET COMPRESSION lz4, ALTER COLUMN aliases SET COMPRESSION lz4,
      ALTER COLUMN status SET COMPRESSION lz4, ALTER COLUMN reason SET COMPRESSION lz4,
      ALTER COLUMN severity SET COMPRESSION lz4, ALTER COLUMN cvss SET COMPRESSION lz4,
      ALTER COLUMN cvss_vector SET COMPRESSION lz4, ALTER COLUMN kev SET COMPRESSION lz4,
      ALTER COLUMN epss SET COMPRESSION lz4, ALTER COLUMN evidence SET COMPRESSION lz4;
  END IF;
END $$;

-- The pack base of a finding id (the id itself below 2^50), for look-ups by id through finding_all.
CREATE FUNCTION finding_pack_base(id BIGINT) RETURNS BIGINT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN id >= 1125899906842624
              THEN 1125899906842624 + (id - 1125899906842624) / 4096 * 4096 ELSE id END
$$;

-- Every finding as a row. pack_base: the pack the finding is in (finding_pack_base(id) for a row, so that a
-- query by id can name it and reach the pack by its key); pack_ids: the pack's ids (ARRAY[vulnerability_id] for a
-- row), so that a query by vulnerability can add `pack_ids && :ids` and reach packs through their GIN index.
CREATE VIEW finding_all AS
  SELECT f.id, f.release_id, f.sbom_id, f.component_ordinal, f.purl, f.name, f.version, f.vulnerability_id,
         f.aliases, f.status, f.reason, f.severity, f.cvss, f.cvss_vector, f.kev, f.epss, f.evidence,
         f.first_seen_at, f.last_seen_at, f.source, f.package_key, f.cvd_report_id,
         finding_pack_base(f.id) AS pack_base, ARRAY[f.vulnerability_id] AS pack_ids
  FROM finding f
  UNION ALL
  SELECT p.base + e.place - 1, p.release_id, p.sbom_id, p.component_ordinal, p.purl, p.name, p.version, e.vid,
         e.aliases, e.status, e.reason, e.severity, e.cvss, e.cvss_vector, e.kev, e.epss, e.evidence,
         p.first_seen_at, p.last_seen_at, 'match', '', NULL::BIGINT,
         p.base, p.vulnerability_ids
  FROM finding_pack p
    CROSS JOIN LATERAL unnest(p.vulnerability_ids, p.aliases, p.status, p.reason, p.severity, p.cvss,
                              p.cvss_vector, p.kev, p.epss, p.evidence)
      WITH ORDINALITY AS e(vid, aliases, status, reason, severity, cvss, cvss_vector, kev, epss, evidence, place)
  WHERE e.vid IS NOT NULL;

-- A pack names its SBOM and that SBOM's release (as finding_check_parents does for rows).
CREATE FUNCTION finding_pack_check_parents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM finding_pack_new n
             WHERE NOT EXISTS (SELECT 1 FROM sbom s WHERE s.id = n.sbom_id AND s.release_id = n.release_id)) THEN
    RAISE foreign_key_violation USING MESSAGE = 'finding pack names an SBOM of a release that is not stored';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER finding_pack_parents_on_insert AFTER INSERT ON finding_pack
  REFERENCING NEW TABLE AS finding_pack_new FOR EACH STATEMENT EXECUTE FUNCTION finding_pack_check_parents();

CREATE FUNCTION finding_pack_keep_parents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.release_id <> OLD.release_id OR NEW.sbom_id <> OLD.sbom_id
     OR NEW.component_ordinal <> OLD.component_ordinal OR NEW.base <> OLD.base
     OR cardinality(NEW.vulnerability_ids) <> cardinality(OLD.vulnerability_ids) THEN
    RAISE integrity_constraint_violation
      USING MESSAGE = 'a finding pack keeps its release, SBOM, component, base and places';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER finding_pack_parents_on_update BEFORE UPDATE ON finding_pack
  FOR EACH ROW EXECUTE FUNCTION finding_pack_keep_parents();

-- A finding row of an SBOM must not repeat a pack's finding (finding's unique key cannot see packs). Writers of
-- packs hold their SBOM's row FOR NO KEY UPDATE until they commit; a row writer waits here (FOR SHARE) and then
-- sees their packs. The error is a unique violation, which writers of new findings answer with the upsert way.
CREATE OR REPLACE FUNCTION finding_check_parents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM finding_new n
             WHERE CASE WHEN n.sbom_id IS NULL
                        THEN NOT EXISTS (SELECT 1 FROM release r WHERE r.id = n.release_id)
                        ELSE NOT EXISTS (SELECT 1 FROM sbom s WHERE s.id = n.sbom_id
                                           AND s.release_id = n.release_id) END
                OR (n.cvd_report_id IS NOT NULL
                    AND NOT EXISTS (SELECT 1 FROM cvd_report c WHERE c.id = n.cvd_report_id))) THEN
    RAISE foreign_key_violation
      USING MESSAGE = 'finding names a release, an SBOM of a release or a CVD report that is not stored';
  END IF;
  PERFORM 1 FROM sbom s WHERE s.id IN (SELECT DISTINCT n.sbom_id FROM finding_new n WHERE n.sbom_id IS NOT NULL)
    ORDER BY s.id FOR SHARE OF s;
  -- Packs holding any of the rows' vulnerabilities first (GIN): for a new advisory none, whatever the number of
  -- rows (looking up each row's component instead cost 18 ms for 4,425 rows on packed components).
  IF EXISTS (SELECT 1 FROM finding_pack p JOIN finding_new n
               ON p.sbom_id = n.sbom_id AND p.component_ordinal = n.component_ordinal
                 AND n.vulnerability_id = ANY(p.vulnerability_ids)
             WHERE p.vulnerability_ids && (SELECT array_agg(DISTINCT n2.vulnerability_id) FROM finding_new n2
                                           WHERE n2.sbom_id IS NOT NULL)) THEN
    RAISE unique_violation USING MESSAGE = 'finding repeats a finding stored in a pack';
  END IF;
  RETURN NULL;
END $$;

-- Deleting an SBOM deletes its packs; a release with packs is not deleted (as with rows).
CREATE FUNCTION sbom_delete_finding_packs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM finding_pack p USING sbom_old o WHERE p.release_id = o.release_id AND p.sbom_id = o.id;
  RETURN NULL;
END $$;
CREATE TRIGGER sbom_finding_packs_on_delete AFTER DELETE ON sbom
  REFERENCING OLD TABLE AS sbom_old FOR EACH STATEMENT EXECUTE FUNCTION sbom_delete_finding_packs();

CREATE OR REPLACE FUNCTION release_keep_if_findings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM finding f WHERE f.release_id = OLD.id)
     OR EXISTS (SELECT 1 FROM finding_pack p WHERE p.release_id = OLD.id) THEN
    RAISE foreign_key_violation USING MESSAGE = 'release ' || OLD.id || ' still has findings';
  END IF;
  RETURN OLD;
END $$;
