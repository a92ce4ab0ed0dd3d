-- An SBOM's components are written by one COPY in the transaction that stores the SBOM (10,000 rows for the upload
-- benchmark). Their foreign key to sbom looked the SBOM up once per row: 50-60 ms of a 150-240 ms COPY on the
-- development cluster. As V15 did for findings, one statement-level check of the inserted rows replaces it, a
-- trigger on sbom deletes the components of deleted SBOMs (was ON DELETE CASCADE), and a component keeps its SBOM.
ALTER TABLE sbom_component DROP CONSTRAINT sbom_component_sbom_id_fkey;

CREATE FUNCTION sbom_component_check_sbom() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM sbom_component_new n WHERE NOT EXISTS (SELECT 1 FROM sbom s WHERE s.id = n.sbom_id)) THEN
    RAISE foreign_key_violation USING MESSAGE = 'component names an SBOM that is not stored';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER sbom_component_sbom_on_insert AFTER INSERT ON sbom_component
  REFERENCING NEW TABLE AS sbom_component_new FOR EACH STATEMENT EXECUTE FUNCTION sbom_component_check_sbom();

CREATE FUNCTION sbom_component_keep_sbom() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.sbom_id <> OLD.sbom_id THEN
    RAISE integrity_constraint_violation USING MESSAGE = 'a component keeps its SBOM';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER sbom_component_sbom_on_update BEFORE UPDATE OF sbom_id ON sbom_component
  FOR EACH ROW EXECUTE FUNCTION sbom_component_keep_sbom();

CREATE FUNCTION sbom_delete_components() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM sbom_component c USING sbom_old o WHERE c.sbom_id = o.id;
  RETURN NULL;
END $$;
CREATE TRIGGER sbom_components_on_delete AFTER DELETE ON sbom
  REFERENCING OLD TABLE AS sbom_old FOR EACH STATEMENT EXECUTE FUNCTION sbom_delete_components();
