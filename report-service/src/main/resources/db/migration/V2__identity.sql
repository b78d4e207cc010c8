-- Users of the dashboard and the API. Roles: admin, moderator, trusted_flagger, compliance, service.
CREATE TABLE app_user (
    id              uuid        PRIMARY KEY,
    username        text        NOT NULL UNIQUE,
    password_hash   text        NOT NULL,
    roles           text        NOT NULL,
    organisation    text,
    disabled        boolean     NOT NULL DEFAULT false,
    failed_logins   integer     NOT NULL DEFAULT 0,
    locked_until    timestamptz,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    CHECK (roles <> '')
);

-- Refresh tokens: only their SHA-256 is stored; each is used once and replaced.
CREATE TABLE refresh_token (
    token_hash  text        PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES app_user (id),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    created_at  timestamptz NOT NULL
);

-- Long-lived API keys of machine clients: shown once, stored as SHA-256, scoped to roles, revocable.
CREATE TABLE api_key (
    id            uuid        PRIMARY KEY,
    name          text        NOT NULL,
    key_prefix    text        NOT NULL,
    key_hash      text        NOT NULL UNIQUE,
    roles         text        NOT NULL,
    organisation  text,
    created_by    text        NOT NULL,
    created_at    timestamptz NOT NULL,
    last_used_at  timestamptz,
    revoked_at    timestamptz
);

-- Token signing keys (RS256). The newest is used to sign; every key not yet retired is published in the JWKS.
CREATE TABLE signing_key (
    kid          text        PRIMARY KEY,
    private_key  text        NOT NULL,
    public_key   text        NOT NULL,
    created_at   timestamptz NOT NULL,
    retire_at    timestamptz NOT NULL
);

-- Who did what: logins, failed logins, token issuance and every privileged action.
CREATE TABLE audit_event (
    id       bigserial   PRIMARY KEY,
    at       timestamptz NOT NULL DEFAULT now(),
    actor    text        NOT NULL,
    action   text        NOT NULL,
    target   text,
    outcome  text        NOT NULL,
    client   text
);
CREATE INDEX audit_event_at ON audit_event (at DESC);
