-- CVD part 2 (ADR 061): encrypted reports, findings recorded from a report, and upstream reports (Art. 13(6)).

-- An encrypted report keeps its ASCII-armored OpenPGP message in description, as received; it is decrypted
-- on view only when the server holds the secret key.
ALTER TABLE cvd_report ADD COLUMN encrypted BOOLEAN NOT NULL DEFAULT false;

-- Manual findings: recorded by the PSIRT (from a CVD report) rather than by the matcher. They belong to the
-- release, not to an SBOM, so that a new SBOM does not drop them; sbom_id stays NULL and package_key holds the
-- triage key the matcher would take from sbom_component ('product' when the product itself is affected).
ALTER TABLE finding ALTER COLUMN sbom_id DROP NOT NULL;
ALTER TABLE finding ADD COLUMN source TEXT NOT NULL DEFAULT 'match' CHECK (source IN ('match', 'cvd'));
ALTER TABLE finding ADD COLUMN package_key TEXT NOT NULL DEFAULT '';
ALTER TABLE finding ADD COLUMN cvd_report_id BIGINT REFERENCES cvd_report (id);
ALTER TABLE finding ADD CONSTRAINT finding_source_sbom CHECK ((source = 'match') = (sbom_id IS NOT NULL));
CREATE UNIQUE INDEX finding_manual_key ON finding (release_id, vulnerability_id, package_key)
    WHERE sbom_id IS NULL;
CREATE INDEX finding_cvd_report ON finding (cvd_report_id) WHERE cvd_report_id IS NOT NULL;

-- Reports to the maintainer of a third-party component (Art. 13(6)): draft → sent → acknowledged → fixed
-- upstream, with the fix as a URL or an uploaded patch (kept with its SHA-256).
CREATE TABLE upstream_report (
    id                BIGSERIAL PRIMARY KEY,
    product_id        BIGINT      NOT NULL REFERENCES product (id),
    finding_id        BIGINT      REFERENCES finding (id) ON DELETE SET NULL,
    vulnerability_id  TEXT        NOT NULL,
    component_purl    TEXT        NOT NULL,
    component_name    TEXT        NOT NULL,
    component_version TEXT        NOT NULL,
    contact           TEXT        NOT NULL DEFAULT '',
    contact_source    TEXT        NOT NULL DEFAULT '', -- where the contact came from ('' = entered by hand)
    subject           TEXT        NOT NULL,
    body              TEXT        NOT NULL,
    status            TEXT        NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'sent', 'acknowledged', 'fixed_upstream')),
    sent_on           DATE,
    channel           TEXT        NOT NULL DEFAULT '',
    acknowledged_on   DATE,
    fixed_on          DATE,
    fix_url           TEXT        NOT NULL DEFAULT '',
    patch_name        TEXT        NOT NULL DEFAULT '',
    patch_sha256      TEXT        NOT NULL DEFAULT '',
    patch             BYTEA,
    created_by        TEXT        NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX upstream_report_product ON upstream_report (product_id, created_at);
CREATE INDEX upstream_report_finding ON upstream_report (finding_id) WHERE finding_id IS NOT NULL;
