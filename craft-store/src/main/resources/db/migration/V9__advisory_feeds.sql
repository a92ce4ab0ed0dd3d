-- More advisory sources (ADR 081): NVD CVE records, ENISA EUVD records with their aliases and EU
-- exploitation flag, and a status per online feed. GitHub advisories need no table: they are
-- converted to OSV records and stored in 'advisory'.

-- One row per CVE from the NVD CVE API 2.0, kept verbatim (raw = the 'cve' object) with the fields
-- that findings and pages use pulled out. A row is replaced only by a later last_modified.
CREATE TABLE nvd_cve (
    cve_id        TEXT PRIMARY KEY,
    published     TEXT             NOT NULL,
    last_modified TEXT             NOT NULL, -- as NVD writes it (UTC, no offset)
    vuln_status   TEXT             NOT NULL,
    -- The CVSS used when an advisory has none: NVD's Primary of the newest version, else the
    -- newest Secondary; empty vector when the CVE has no metric.
    cvss_vector   TEXT             NOT NULL,
    cvss_version  TEXT             NOT NULL,
    cvss_score    DOUBLE PRECISION NOT NULL,
    cvss_source   TEXT             NOT NULL,
    cvss_type     TEXT             NOT NULL,
    metrics       JSONB            NOT NULL, -- every metric: [{version, vector, baseScore, source, type}]
    cwes          TEXT[]           NOT NULL,
    cpe_matches   JSONB            NOT NULL, -- [{criteria, vulnerable, versionStartIncluding, ...}]
    raw           TEXT             NOT NULL,
    fetched_at    TIMESTAMPTZ      NOT NULL,
    imported_at   TIMESTAMPTZ      NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ      NOT NULL DEFAULT now()
);

-- ENISA EUVD records. exploited is ENISA's "EU exploited" flag (exploitedSince set, or listed by
-- the exploited-vulnerabilities endpoint); it never goes back to false on a later import, because
-- the search endpoints do not always repeat it.
CREATE TABLE euvd_record (
    id                TEXT PRIMARY KEY,
    date_updated      TEXT             NOT NULL, -- as ENISA writes it
    exploited         BOOLEAN          NOT NULL,
    exploited_since   TEXT             NOT NULL,
    base_score        DOUBLE PRECISION NOT NULL, -- -1 when absent
    base_score_vector TEXT             NOT NULL,
    raw               TEXT             NOT NULL,
    imported_at       TIMESTAMPTZ      NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ      NOT NULL DEFAULT now()
);

-- EUVD id <-> CVE/GHSA id, from the record's 'aliases' text.
CREATE TABLE euvd_alias (
    euvd_id TEXT NOT NULL REFERENCES euvd_record (id) ON DELETE CASCADE,
    alias   TEXT NOT NULL,
    PRIMARY KEY (euvd_id, alias)
);
CREATE INDEX euvd_alias_alias ON euvd_alias (alias);

-- Status of each configured online feed for the "Advisory feeds" page and API. The OSV rows keep
-- their url key and watermark; other feeds use their own url as key.
ALTER TABLE feed_state
    ADD COLUMN kind            TEXT        NOT NULL DEFAULT 'osv',
    ADD COLUMN state           TEXT        NOT NULL DEFAULT 'idle', -- idle, queued, running
    ADD COLUMN last_started_at TIMESTAMPTZ,
    ADD COLUMN last_success_at TIMESTAMPTZ,
    ADD COLUMN last_counts     JSONB       NOT NULL DEFAULT '{}',
    ADD COLUMN last_error      TEXT        NOT NULL DEFAULT '',
    ADD COLUMN last_error_at   TIMESTAMPTZ;
