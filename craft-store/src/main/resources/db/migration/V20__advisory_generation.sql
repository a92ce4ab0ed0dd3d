-- Every statement that changes stored advisories counts one generation up, in its own transaction (ADR 101). An SBOM
-- upload reads the generation with its candidate advisories and checks it again, locked, before its findings commit:
-- if an import committed in between, it matches again; an import still writing is waited for. Advisory writers
-- take this row's lock before any other, so they never wait for an upload while holding it.
CREATE TABLE advisory_generation (
    only_row BOOLEAN PRIMARY KEY DEFAULT true CHECK (only_row),
    n        BIGINT  NOT NULL
);
INSERT INTO advisory_generation (n) VALUES (0);

CREATE FUNCTION advisory_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE advisory_generation SET n = n + 1;
  RETURN NULL;
END $$;
CREATE TRIGGER advisory_generation_on_change BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON advisory
  FOR EACH STATEMENT EXECUTE FUNCTION advisory_generation_bump();
