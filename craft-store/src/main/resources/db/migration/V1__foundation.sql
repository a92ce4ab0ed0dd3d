-- Foundation: users, teams, sessions, tokens, products, releases, audit log.

CREATE TABLE app_user (
    id            BIGSERIAL PRIMARY KEY,
    username      TEXT        NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    display_name  TEXT        NOT NULL DEFAULT '',
    email         TEXT        NOT NULL DEFAULT '',
    password_hash TEXT        NOT NULL,
    role          TEXT        NOT NULL CHECK (role IN ('admin', 'psirt', 'compliance', 'developer', 'auditor')),
    disabled      BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE team (
    id         BIGSERIAL PRIMARY KEY,
    name       TEXT        NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE team_member (
    team_id BIGINT NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_member_user ON team_member (user_id);

-- Secrets are stored as SHA-256 digests: a database dump reveals no usable session or token.
CREATE TABLE web_session (
    token_hash  TEXT PRIMARY KEY,
    user_id     BIGINT      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    csrf_token  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX web_session_expiry ON web_session (expires_at);

CREATE TABLE api_token (
    id           BIGSERIAL PRIMARY KEY,
    user_id      BIGINT      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    name         TEXT        NOT NULL,
    token_hash   TEXT        NOT NULL UNIQUE,
    prefix       TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at   TIMESTAMPTZ,
    last_used_at TIMESTAMPTZ,
    revoked      BOOLEAN     NOT NULL DEFAULT FALSE
);

CREATE TABLE login_failure (
    id        BIGSERIAL PRIMARY KEY,
    username  TEXT        NOT NULL,
    client_ip TEXT        NOT NULL,
    at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX login_failure_recent ON login_failure (username, at);
CREATE INDEX login_failure_ip ON login_failure (client_ip, at);

CREATE TABLE product (
    id                BIGSERIAL PRIMARY KEY,
    name              TEXT        NOT NULL,
    description       TEXT        NOT NULL DEFAULT '',
    manufacturer_role TEXT        NOT NULL,
    type              TEXT        NOT NULL,
    intended_purpose  TEXT        NOT NULL DEFAULT '',
    website           TEXT        NOT NULL DEFAULT '',
    security_contact  TEXT        NOT NULL DEFAULT '',
    archived          BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX product_name_unique ON product (lower(name));

CREATE TABLE product_team (
    product_id BIGINT NOT NULL REFERENCES product (id) ON DELETE CASCADE,
    team_id    BIGINT NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    PRIMARY KEY (product_id, team_id)
);
CREATE INDEX product_team_team ON product_team (team_id);

CREATE TABLE release (
    id               BIGSERIAL PRIMARY KEY,
    product_id       BIGINT      NOT NULL REFERENCES product (id),
    version          TEXT        NOT NULL,
    release_date     DATE,
    placed_on_market DATE,
    status           TEXT        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (product_id, version)
);

-- Append-only, hash-chained. The application only ever INSERTs; the trigger refuses UPDATE and DELETE so that even a
-- bug cannot rewrite history (someone with superuser rights still can, which the signed checkpoints reveal).
CREATE TABLE audit_entry (
    seq         BIGINT PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL,
    actor       TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    entity_type TEXT        NOT NULL,
    entity_id   TEXT        NOT NULL,
    state       TEXT        NOT NULL,
    prev_hash   TEXT        NOT NULL,
    hash        TEXT        NOT NULL
);
CREATE INDEX audit_entry_entity ON audit_entry (entity_type, entity_id);

CREATE TABLE audit_checkpoint (
    seq       BIGINT PRIMARY KEY REFERENCES audit_entry (seq),
    hash      TEXT        NOT NULL,
    at        TIMESTAMPTZ NOT NULL,
    signature TEXT        NOT NULL
);

CREATE FUNCTION audit_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_is_append_only();
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_is_append_only();

-- Durable jobs, claimed by any server instance with FOR UPDATE SKIP LOCKED.
CREATE TABLE job (
    id          BIGSERIAL PRIMARY KEY,
    kind        TEXT        NOT NULL,
    payload     JSONB       NOT NULL DEFAULT '{}'::jsonb,
    state       TEXT        NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
    attempts    INT         NOT NULL DEFAULT 0,
    run_after   TIMESTAMPTZ NOT NULL DEFAULT now(),
    locked_by   TEXT,
    locked_at   TIMESTAMPTZ,
    last_error  TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at TIMESTAMPTZ
);
CREATE INDEX job_ready ON job (run_after) WHERE state = 'queued';
