-- Triage decisions on findings (ADR 095): a CycloneDX analysis keyed by (product, vulnerability, component
-- package key) and scoped to one release, a range or list of the product's releases, or the whole product.
-- The row holds the current decision; triage_history keeps every change.

CREATE TABLE triage_decision (
    id                BIGSERIAL PRIMARY KEY,
    product_id        BIGINT      NOT NULL REFERENCES product (id),
    vulnerability_id  TEXT        NOT NULL,
    package_key       TEXT        NOT NULL,
    scope             TEXT        NOT NULL CHECK (scope IN ('release', 'range', 'product')),
    scope_key         TEXT        NOT NULL, -- 'release:<id>', 'range:<from>..<to>', 'versions:<v> <v>', 'product'
    release_id        BIGINT REFERENCES release (id), -- scope 'release' only
    range_from        TEXT        NOT NULL DEFAULT '', -- inclusive; '' = open
    range_to          TEXT        NOT NULL DEFAULT '', -- inclusive; '' = open
    versions          TEXT        NOT NULL DEFAULT '', -- explicit list, space-separated; '' = use the range
    state             TEXT        NOT NULL CHECK (state IN ('in_triage', 'exploitable', 'resolved',
                          'resolved_with_pedigree', 'false_positive', 'not_affected')),
    justification     TEXT        NOT NULL DEFAULT '',
    response          TEXT        NOT NULL DEFAULT '', -- space-separated CycloneDX responses
    detail            TEXT        NOT NULL DEFAULT '',
    assignee          TEXT        NOT NULL DEFAULT '',
    component_version TEXT        NOT NULL, -- the component version the decision was made for
    advisory_modified TEXT        NOT NULL, -- the advisory's 'modified' when decided ('' if not stored)
    updated_by        TEXT        NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (product_id, vulnerability_id, package_key, scope_key)
);
CREATE INDEX triage_decision_key ON triage_decision (vulnerability_id, package_key);

-- Which releases a 'range' decision covers: computed with the version rules when the decision is written and
-- again whenever a release of the product is created or renamed, so that SQL can resolve scopes.
CREATE TABLE triage_decision_release (
    decision_id BIGINT NOT NULL REFERENCES triage_decision (id) ON DELETE CASCADE,
    release_id  BIGINT NOT NULL REFERENCES release (id),
    PRIMARY KEY (decision_id, release_id)
);
CREATE INDEX triage_decision_release_release ON triage_decision_release (release_id);

CREATE TABLE triage_history (
    id            BIGSERIAL PRIMARY KEY,
    decision_id   BIGINT      NOT NULL REFERENCES triage_decision (id) ON DELETE CASCADE,
    event         TEXT        NOT NULL CHECK (event IN ('decided', 'reopened')),
    state         TEXT        NOT NULL,
    justification TEXT        NOT NULL,
    response      TEXT        NOT NULL,
    detail        TEXT        NOT NULL,
    assignee      TEXT        NOT NULL,
    comment       TEXT        NOT NULL,
    actor         TEXT        NOT NULL,
    at            TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX triage_history_decision ON triage_history (decision_id, at);

-- The inbox order: KEV first, then CVSS, then EPSS.
CREATE INDEX finding_priority ON finding (kev DESC, cvss DESC, epss DESC, id);
