-- Product compliance lifecycle (ADR 060): scope, classification, support period, documentation facts, and
-- immutable risk-assessment revisions per release. One row per product for the first four; every change is
-- audited in the same transaction by the stores.

CREATE TABLE product_scope (
    product_id             BIGINT PRIMARY KEY REFERENCES product (id),
    data_connection        BOOLEAN     NOT NULL,
    exemption              TEXT        NOT NULL,
    free_open_source       BOOLEAN     NOT NULL,
    commercial_activity    BOOLEAN     NOT NULL,
    placed_on_market       DATE,
    substantially_modified BOOLEAN     NOT NULL,
    rationale              TEXT        NOT NULL,
    in_scope               BOOLEAN     NOT NULL,
    decided_by             TEXT        NOT NULL,
    decided_at             TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE product_classification (
    product_id           BIGINT PRIMARY KEY REFERENCES product (id),
    product_class        TEXT        NOT NULL CHECK (product_class IN ('default', 'important-1', 'important-2', 'critical')),
    annex_category       TEXT,
    core_functionality   TEXT        NOT NULL,
    standards            TEXT        NOT NULL CHECK (standards IN ('full', 'partial', 'none')),
    standards_references TEXT        NOT NULL,
    eucc_required        BOOLEAN     NOT NULL,
    foss_public_docs     BOOLEAN     NOT NULL,
    chosen_module        TEXT,
    notified_body        TEXT        NOT NULL,
    decided_by           TEXT        NOT NULL,
    decided_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE product_support_period (
    product_id                 BIGINT PRIMARY KEY REFERENCES product (id),
    start_date                 DATE        NOT NULL,
    end_date                   DATE        NOT NULL CHECK (end_date >= start_date),
    expected_use_months        INT         NOT NULL,
    factors                    TEXT        NOT NULL,
    short_period_justification TEXT        NOT NULL,
    decided_by                 TEXT        NOT NULL,
    decided_at                 TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The free-text facts of Annexes II, V and VII, kept as one JSON object whose keys are the fields of
-- dev.craft.core.DocumentationFacts: they are only ever read and written whole.
CREATE TABLE product_documentation (
    product_id BIGINT PRIMARY KEY REFERENCES product (id),
    facts      JSONB       NOT NULL,
    updated_by TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE risk_assessment (
    id                                 BIGSERIAL PRIMARY KEY,
    release_id                         BIGINT      NOT NULL REFERENCES release (id),
    revision                           INT         NOT NULL CHECK (revision >= 1),
    intended_purpose                   TEXT        NOT NULL,
    foreseeable_use                    TEXT        NOT NULL,
    foreseeable_misuse                 TEXT        NOT NULL,
    operational_environment            TEXT        NOT NULL,
    assets                             TEXT        NOT NULL,
    threats                            TEXT        NOT NULL,
    requirements                       JSONB       NOT NULL,
    substantial_modification           TEXT        NOT NULL,
    substantial_modification_rationale TEXT        NOT NULL,
    author                             TEXT        NOT NULL,
    created_at                         TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (release_id, revision)
);

-- Revisions are evidence for the technical documentation (Art. 13(3), 13(4)): a new revision is a new row, and
-- no revision is ever rewritten. Deleting one is left to the release's retention check (ON DELETE of a release
-- is not cascaded: the release must go first through RetentionGuard, then its revisions with it).
CREATE FUNCTION risk_assessment_is_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'risk assessment revisions are immutable (UPDATE refused)';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER risk_assessment_immutable BEFORE UPDATE ON risk_assessment
    FOR EACH ROW EXECUTE FUNCTION risk_assessment_is_immutable();
