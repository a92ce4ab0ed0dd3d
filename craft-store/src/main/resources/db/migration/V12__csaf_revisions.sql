-- Revisions of CSAF advisories (the document's tracking/revision_history). Every published revision keeps
-- its exact bytes and signature; at most one unpublished revision per advisory is being edited. The advisory
-- row keeps serving the latest published revision under the path of its first publication.

CREATE TABLE csaf_revision (
    id           BIGSERIAL PRIMARY KEY,
    advisory_id  BIGINT      NOT NULL REFERENCES csaf_advisory (id),
    number       TEXT        NOT NULL,
    status       TEXT        NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
    summary      TEXT        NOT NULL,
    input        TEXT        NOT NULL,
    document     TEXT        NOT NULL,
    signature    TEXT        NOT NULL DEFAULT '',
    sha256       TEXT        NOT NULL DEFAULT '',
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ,
    UNIQUE (advisory_id, number)
);
CREATE UNIQUE INDEX csaf_revision_one_draft ON csaf_revision (advisory_id) WHERE status = 'draft';

-- When the latest revision was published (changes.csv, ROLIE "updated"); NULL until a first revision.
ALTER TABLE csaf_advisory ADD COLUMN revised_at TIMESTAMPTZ;

-- Advisories published before revisions existed: their single published version is revision 1.
INSERT INTO csaf_revision (advisory_id, number, status, summary, input, document, signature, sha256,
                           created_by, created_at, published_at)
SELECT id, coalesce((document::jsonb) #>> '{document,tracking,version}', '1'), 'final', 'Initial version.',
       input, document, signature, encode(sha256(convert_to(document, 'UTF8')), 'hex'), created_by,
       published_at, published_at
FROM csaf_advisory WHERE status = 'final';
