-- Advisories, exploitation data and findings per release (ADR 080).
-- Records are kept verbatim (raw) so that they can be shown as published and re-parsed by the engine;
-- the package and alias tables are derived from them at import and are what SQL searches.

CREATE TABLE advisory (
    id          TEXT PRIMARY KEY,
    source      TEXT        NOT NULL,
    modified    TEXT        NOT NULL, -- the record's own RFC 3339 'modified', as written
    published   TEXT        NOT NULL,
    withdrawn   TEXT        NOT NULL, -- empty unless withdrawn
    raw         TEXT        NOT NULL,
    fetched_at  TIMESTAMPTZ NOT NULL, -- when CRAFT received the record (upload or feed)
    imported_at TIMESTAMPTZ NOT NULL DEFAULT now(), -- first import
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()  -- last import that changed it
);

-- One row per (advisory, package key) of its affected[] entries; the key is the engine's PackageKey as
-- 'purl-type/normalised-name' (dev.craft.engine.PackageNames), the same text as sbom_component.package_key.
CREATE TABLE advisory_package (
    advisory_id TEXT NOT NULL REFERENCES advisory (id) ON DELETE CASCADE,
    package_key TEXT NOT NULL,
    PRIMARY KEY (advisory_id, package_key)
);
CREATE INDEX advisory_package_key ON advisory_package (package_key);

-- Which record declared which alias (provenance: declared_by is the record id, source its file).
CREATE TABLE advisory_alias (
    advisory_id TEXT NOT NULL REFERENCES advisory (id) ON DELETE CASCADE,
    alias       TEXT NOT NULL,
    source      TEXT NOT NULL,
    PRIMARY KEY (advisory_id, alias)
);
CREATE INDEX advisory_alias_alias ON advisory_alias (alias);

-- Every import that added or changed a record.
CREATE TABLE advisory_change (
    id                BIGSERIAL PRIMARY KEY,
    advisory_id       TEXT        NOT NULL REFERENCES advisory (id) ON DELETE CASCADE,
    previous_modified TEXT        NOT NULL, -- empty for a new record
    modified          TEXT        NOT NULL,
    changed_by        TEXT        NOT NULL,
    changed_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX advisory_change_advisory ON advisory_change (advisory_id);

CREATE TABLE kev_entry (
    cve_id             TEXT PRIMARY KEY,
    vendor_project     TEXT        NOT NULL,
    product            TEXT        NOT NULL,
    vulnerability_name TEXT        NOT NULL,
    date_added         TEXT        NOT NULL,
    due_date           TEXT        NOT NULL,
    ransomware         TEXT        NOT NULL,
    imported_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE epss_score (
    cve_id        TEXT PRIMARY KEY,
    epss          DOUBLE PRECISION NOT NULL,
    percentile    DOUBLE PRECISION NOT NULL,
    model_version TEXT        NOT NULL,
    score_date    TEXT        NOT NULL,
    imported_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The matcher's package key of each component, so that a new advisory finds its components in one indexed
-- step. NULL means "not computed yet": rows stored before this migration are filled in by the server at
-- start (the key needs the engine's name rules, which SQL cannot reproduce); '' means "no usable purl".
ALTER TABLE sbom_component ADD COLUMN package_key TEXT;
CREATE INDEX sbom_component_package_key ON sbom_component (package_key) WHERE package_key <> '';
CREATE INDEX sbom_component_package_key_missing ON sbom_component (sbom_id) WHERE package_key IS NULL;

CREATE TABLE finding (
    id                BIGSERIAL PRIMARY KEY,
    release_id        BIGINT           NOT NULL REFERENCES release (id),
    sbom_id           BIGINT           NOT NULL REFERENCES sbom (id) ON DELETE CASCADE,
    component_ordinal INT              NOT NULL,
    purl              TEXT             NOT NULL,
    name              TEXT             NOT NULL,
    version           TEXT             NOT NULL,
    vulnerability_id  TEXT             NOT NULL,
    aliases           TEXT             NOT NULL, -- space-separated
    status            TEXT             NOT NULL CHECK (status IN ('affected', 'indeterminate')),
    reason            TEXT             NOT NULL, -- why indeterminate; empty when affected
    severity          TEXT             NOT NULL,
    cvss              DOUBLE PRECISION NOT NULL, -- 0 when the advisory has no CVSS vector
    cvss_vector       TEXT             NOT NULL,
    kev               BOOLEAN          NOT NULL,
    epss              DOUBLE PRECISION NOT NULL, -- -1 when no id has a score
    evidence          JSONB            NOT NULL,
    first_seen_at     TIMESTAMPTZ      NOT NULL DEFAULT now(),
    last_seen_at      TIMESTAMPTZ      NOT NULL DEFAULT now(),
    -- Ordinals are per SBOM, so the SBOM is part of the key; findings of a replaced SBOM stay as history.
    UNIQUE (release_id, sbom_id, component_ordinal, vulnerability_id)
);
CREATE INDEX finding_vulnerability ON finding (vulnerability_id);
CREATE INDEX finding_sbom ON finding (sbom_id);

-- Online feeds: for each OSV ecosystem URL, the newest 'modified' already synchronised, so that the next run
-- reads modified_id.csv only down to it.
CREATE TABLE feed_state (
    url        TEXT PRIMARY KEY,
    watermark  TEXT        NOT NULL,
    synced_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
