-- EPSS scores and NVD CVEs looked up for an SBOM's findings are kept in memory by id between uploads while their
-- feed's generation stays the one they were read at, and KEV's alias closure while neither KEV's generation nor the
-- advisories' (V20) moves (ADR 103). A transaction that changes a feed's table counts
-- that feed's generation up once, at its first statement: an import writes its rows in batches of single-row
-- statements, and one update of the counter per row would leave 300,000 row versions of it behind.
CREATE TABLE enrichment_generation (
    feed TEXT   PRIMARY KEY CHECK (feed IN ('epss', 'nvd', 'kev')),
    n    BIGINT NOT NULL
);
INSERT INTO enrichment_generation (feed, n) VALUES ('epss', 0), ('nvd', 0), ('kev', 0);

CREATE FUNCTION enrichment_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  marker TEXT := 'craft.generation_bumped_' || TG_ARGV[0];
BEGIN
  IF current_setting(marker, true) IS DISTINCT FROM txid_current()::text THEN
    UPDATE enrichment_generation SET n = n + 1 WHERE feed = TG_ARGV[0];
    PERFORM set_config(marker, txid_current()::text, true);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER epss_generation_on_change BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON epss_score
  FOR EACH STATEMENT EXECUTE FUNCTION enrichment_generation_bump('epss');
CREATE TRIGGER nvd_generation_on_change BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON nvd_cve
  FOR EACH STATEMENT EXECUTE FUNCTION enrichment_generation_bump('nvd');
CREATE TRIGGER kev_generation_on_change BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON kev_entry
  FOR EACH STATEMENT EXECUTE FUNCTION enrichment_generation_bump('kev');
