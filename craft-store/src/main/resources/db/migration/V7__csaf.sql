-- CSAF 2.0 security advisories written in CRAFT: the author's input (kept so drafts can be edited), the generated
-- document, and, once published, its detached OpenPGP signature. Published documents are never changed again.

CREATE TABLE csaf_advisory (
    id           BIGSERIAL PRIMARY KEY,
    tracking_id  TEXT        NOT NULL UNIQUE,
    year         INT         NOT NULL,
    seq          INT         NOT NULL,
    title        TEXT        NOT NULL,
    tlp          TEXT        NOT NULL CHECK (tlp IN ('CLEAR', 'GREEN', 'AMBER', 'RED')),
    status       TEXT        NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
    product_id   BIGINT      NOT NULL REFERENCES product (id),
    input        TEXT        NOT NULL,
    document     TEXT        NOT NULL,
    signature    TEXT        NOT NULL DEFAULT '',
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ,
    UNIQUE (year, seq)
);
CREATE INDEX csaf_advisory_published ON csaf_advisory (tlp, status, published_at);
