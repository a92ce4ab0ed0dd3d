-- Findings are written in bulk: one SBOM of 10,000 components can bring 170,000 findings, and one new advisory
-- thousands across a portfolio (ADR 097, docs/benchmarks.md). Per-row costs that bought nothing are removed:

-- The evidence is written and read as text by CRAFT only; jsonb parsed each row on the way in.
ALTER TABLE finding ALTER COLUMN evidence TYPE TEXT;

-- The foreign keys to release and sbom ran one look-up per inserted row (0.75 s of a 170,000-row insert). A
-- statement-level check over the inserted rows replaces them (one anti-join per statement), and the two
-- deletions they guarded keep their meaning: deleting an SBOM deletes its findings (was ON DELETE CASCADE), and a
-- release that findings name cannot be deleted (foreign_key_violation, as before). A finding's release and SBOM cannot be changed.
ALTER TABLE finding DROP CONSTRAINT finding_release_id_fkey;
ALTER TABLE finding DROP CONSTRAINT finding_sbom_id_fkey;

CREATE FUNCTION finding_check_parents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM finding_new n
             WHERE CASE WHEN n.sbom_id IS NULL
                        THEN NOT EXISTS (SELECT 1 FROM release r WHERE r.id = n.release_id)
                        ELSE NOT EXISTS (SELECT 1 FROM sbom s WHERE s.id = n.sbom_id
                                           AND s.release_id = n.release_id) END) THEN
    RAISE foreign_key_violation
      USING MESSAGE = 'finding names a release, or an SBOM of a release, that is not stored';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER finding_parents_on_insert AFTER INSERT ON finding
  REFERENCING NEW TABLE AS finding_new FOR EACH STATEMENT EXECUTE FUNCTION finding_check_parents();

-- A finding never moves to another release or SBOM (CRAFT updates only its verdict and enrichment).
CREATE FUNCTION finding_keep_parents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.release_id IS DISTINCT FROM OLD.release_id OR NEW.sbom_id IS DISTINCT FROM OLD.sbom_id THEN
    RAISE integrity_constraint_violation USING MESSAGE = 'a finding keeps its release and SBOM';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER finding_parents_on_update BEFORE UPDATE OF release_id, sbom_id ON finding
  FOR EACH ROW EXECUTE FUNCTION finding_keep_parents();

CREATE FUNCTION sbom_delete_findings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM finding f USING sbom_old o WHERE f.release_id = o.release_id AND f.sbom_id = o.id;
  RETURN NULL;
END $$;
CREATE TRIGGER sbom_findings_on_delete AFTER DELETE ON sbom
  REFERENCING OLD TABLE AS sbom_old FOR EACH STATEMENT EXECUTE FUNCTION sbom_delete_findings();

CREATE FUNCTION release_keep_if_findings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM finding f WHERE f.release_id = OLD.id) THEN
    RAISE foreign_key_violation USING MESSAGE = 'release ' || OLD.id || ' still has findings';
  END IF;
  RETURN OLD;
END $$;
CREATE TRIGGER release_findings_on_delete BEFORE DELETE ON release
  FOR EACH ROW EXECUTE FUNCTION release_keep_if_findings();

-- Indexes no query needed: finding_sbom served only the cascade (the unique key, which starts with
-- (release_id, sbom_id), serves the trigger above), and finding_priority only an ORDER BY that every query
-- applies after joins and filters.
DROP INDEX finding_sbom;
DROP INDEX finding_priority;
