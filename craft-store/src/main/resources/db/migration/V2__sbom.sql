-- One SBOM per release (replacing is explicit and keeps the old one), the original bytes kept byte for byte,
-- the normalised inventory as JSON, and one row per component for filtering and matching.

CREATE TABLE sbom (
    id              BIGSERIAL PRIMARY KEY,
    release_id      BIGINT      NOT NULL REFERENCES release (id),
    format          TEXT        NOT NULL,
    spec_version    TEXT        NOT NULL,
    encoding        TEXT        NOT NULL,
    sha256          TEXT        NOT NULL,
    size_bytes      BIGINT      NOT NULL,
    original        BYTEA       NOT NULL,
    inventory       BYTEA       NOT NULL, -- the normalised inventory as gzip-compressed JSON
    component_count INT         NOT NULL,
    uploaded_by     TEXT        NOT NULL,
    uploaded_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    replaced_at     TIMESTAMPTZ
);
-- Both columns are compressed (the inventory) or kept verbatim (the original): skip PostgreSQL's own compression.
ALTER TABLE sbom ALTER COLUMN original SET STORAGE EXTERNAL;
ALTER TABLE sbom ALTER COLUMN inventory SET STORAGE EXTERNAL;
CREATE UNIQUE INDEX sbom_current_per_release ON sbom (release_id) WHERE replaced_at IS NULL;

CREATE TABLE sbom_component (
    sbom_id  BIGINT  NOT NULL REFERENCES sbom (id) ON DELETE CASCADE,
    ordinal  INT     NOT NULL,
    ref      TEXT    NOT NULL,
    type     TEXT    NOT NULL,
    grp      TEXT    NOT NULL,
    name     TEXT    NOT NULL,
    version  TEXT    NOT NULL,
    purl     TEXT    NOT NULL,
    direct   BOOLEAN NOT NULL,
    PRIMARY KEY (sbom_id, ordinal)
);
CREATE INDEX sbom_component_purl ON sbom_component (purl) WHERE purl <> '';
CREATE INDEX sbom_component_name ON sbom_component (sbom_id, lower(name));
