-- Coordinated vulnerability disclosure: reports from outside researchers, their private tracking link (stored as a
-- digest only), the acknowledgement clock and the two-way conversation.

CREATE TABLE cvd_report (
    id               BIGSERIAL PRIMARY KEY,
    tracking_hash    TEXT        NOT NULL UNIQUE,
    product_name     TEXT        NOT NULL DEFAULT '',
    affected_version TEXT        NOT NULL DEFAULT '',
    title            TEXT        NOT NULL,
    description      TEXT        NOT NULL,
    reporter_name    TEXT        NOT NULL DEFAULT '',
    reporter_email   TEXT        NOT NULL DEFAULT '',
    credit_as        TEXT        NOT NULL DEFAULT '',
    status           TEXT        NOT NULL DEFAULT 'received'
        CHECK (status IN ('received', 'acknowledged', 'triaged', 'resolved', 'rejected')),
    client_ip        TEXT        NOT NULL,
    received_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    ack_due_at       TIMESTAMPTZ NOT NULL,
    acknowledged_at  TIMESTAMPTZ,
    acknowledged_by  TEXT,
    embargo_until    DATE
);
CREATE INDEX cvd_report_recent_ip ON cvd_report (client_ip, received_at);
CREATE INDEX cvd_report_open ON cvd_report (status, ack_due_at);

CREATE TABLE cvd_message (
    id         BIGSERIAL PRIMARY KEY,
    report_id  BIGINT      NOT NULL REFERENCES cvd_report (id),
    author     TEXT        NOT NULL CHECK (author IN ('reporter', 'vendor')),
    author_name TEXT       NOT NULL DEFAULT '',
    body       TEXT        NOT NULL,
    at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX cvd_message_report ON cvd_message (report_id, at);
