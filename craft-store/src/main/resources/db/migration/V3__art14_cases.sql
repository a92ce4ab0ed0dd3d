-- Art. 14 reporting: cases, their affected products, submissions to the SRP, coordinator requests for
-- intermediate reports, and the escalations already sent. See docs/art14.md and ADR 040.

CREATE TABLE art14_case (
    id                   BIGSERIAL PRIMARY KEY,
    kind                 TEXT        NOT NULL CHECK (kind IN ('vulnerability', 'incident')),
    status               TEXT        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    title                TEXT        NOT NULL,
    summary              TEXT        NOT NULL DEFAULT '',
    aware_at             TIMESTAMPTZ NOT NULL,
    zone                 TEXT        NOT NULL DEFAULT 'UTC',
    determination        TEXT        NOT NULL,
    decided_by           TEXT        NOT NULL,
    evidence             JSONB       NOT NULL DEFAULT '[]'::jsonb,
    signals              JSONB       NOT NULL DEFAULT '[]'::jsonb,
    severity_criteria    TEXT[]      NOT NULL DEFAULT '{}',
    member_states        TEXT[]      NOT NULL DEFAULT '{}',
    manufacturer         TEXT        NOT NULL DEFAULT '',
    enterprise_size      TEXT        NOT NULL DEFAULT 'unknown',
    routing              JSONB       NOT NULL DEFAULT '{}'::jsonb,
    measure_available_at TIMESTAMPTZ,
    occurred_at          TIMESTAMPTZ,
    content              JSONB       NOT NULL DEFAULT '{}'::jsonb,
    pec_grounds          TEXT[]      NOT NULL DEFAULT '{}',
    delay_requested      BOOLEAN     NOT NULL DEFAULT FALSE,
    -- Where the case came from. Findings and CVD reports do not exist yet: the reference is kept as text so that a
    -- later migration can turn it into a foreign key without losing manual cases.
    source_type          TEXT        NOT NULL DEFAULT 'manual' CHECK (source_type IN ('manual', 'finding', 'cvd_report')),
    source_ref           TEXT        NOT NULL DEFAULT '',
    created_by           BIGINT      NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX art14_case_open ON art14_case (aware_at) WHERE status = 'open';

CREATE TABLE art14_case_product (
    case_id     BIGINT   NOT NULL REFERENCES art14_case (id) ON DELETE CASCADE,
    product_id  BIGINT   NOT NULL REFERENCES product (id),
    release_ids BIGINT[] NOT NULL DEFAULT '{}',
    position    INT      NOT NULL,
    PRIMARY KEY (case_id, product_id)
);
CREATE INDEX art14_case_product_product ON art14_case_product (product_id);

CREATE TABLE art14_intermediate_request (
    id           BIGSERIAL PRIMARY KEY,
    case_id      BIGINT      NOT NULL REFERENCES art14_case (id) ON DELETE CASCADE,
    requested_at TIMESTAMPTZ NOT NULL,
    due_at       TIMESTAMPTZ NOT NULL CHECK (due_at > requested_at),
    requested_by TEXT        NOT NULL DEFAULT '',
    note         TEXT        NOT NULL DEFAULT '',
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX art14_intermediate_request_case ON art14_intermediate_request (case_id);

-- Submissions are facts about the past: recorded once, never changed (corrections are new submissions).
CREATE TABLE art14_submission (
    id           BIGSERIAL PRIMARY KEY,
    case_id      BIGINT      NOT NULL REFERENCES art14_case (id) ON DELETE CASCADE,
    stage        TEXT        NOT NULL CHECK (stage IN ('early_warning', 'notification', 'intermediate', 'final_report')),
    submitted_at TIMESTAMPTZ NOT NULL,
    submitted_by TEXT        NOT NULL,
    reference    TEXT        NOT NULL DEFAULT '',
    note         TEXT        NOT NULL DEFAULT '',
    request_id   BIGINT REFERENCES art14_intermediate_request (id),
    sent         JSONB       NOT NULL DEFAULT '{}'::jsonb,
    recorded_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX art14_submission_case ON art14_submission (case_id, submitted_at);

-- One row per escalation sent. The primary key makes "send once per (case, deadline, offset, channel)" hold across
-- several server instances: the instance whose INSERT wins sends; the others see the conflict and skip.
CREATE TABLE art14_escalation (
    case_id        BIGINT      NOT NULL REFERENCES art14_case (id) ON DELETE CASCADE,
    deadline_key   TEXT        NOT NULL,
    offset_seconds BIGINT      NOT NULL,
    channel        TEXT        NOT NULL CHECK (channel IN ('email', 'webhook')),
    due_at         TIMESTAMPTZ NOT NULL,
    sent_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (case_id, deadline_key, offset_seconds, channel)
);
