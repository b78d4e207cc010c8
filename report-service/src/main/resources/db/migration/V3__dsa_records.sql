-- The DSA record chain: posts as evidence, notices (Art. 16) and trusted flaggers (Art. 22), the review queue, decisions,
-- statements of reasons (Art. 17, 24(5)), complaints (Art. 20), legal clocks, the outbox of moderation.actions, and the
-- hash-chained audit log. Personal data of notifiers and complainants lives in tables of its own (*_contact).

-- The latest version of every ingested post: what a moderator reads, and the evidence snapshot of removed content.
CREATE TABLE post (
    post_uid        text        PRIMARY KEY,
    platform        text        NOT NULL,
    url             text,
    author_id       text,
    text            text        NOT NULL,
    language        text,
    created_at      timestamptz NOT NULL,
    edited_at       timestamptz,
    deleted         boolean     NOT NULL DEFAULT false,
    version         bigint      NOT NULL,
    source_name     text,
    received_at     timestamptz NOT NULL,
    -- Set when the post was restricted: the text is kept until then even after the retention of ordinary posts.
    evidence_until  timestamptz
);
CREATE INDEX post_author ON post (author_id);

-- Organisations designated by a Digital Services Coordinator (Art. 22). Their users carry the organisation as the
-- token's org claim; notices from them in their area of expertise get priority.
CREATE TABLE trusted_flagger (
    id              uuid        PRIMARY KEY,
    organisation    text        NOT NULL UNIQUE,
    name            text        NOT NULL,
    coordinator     text        NOT NULL,
    expertise       text        NOT NULL,  -- JSON array of STATEMENT_CATEGORY_* keys
    contact_email   text,
    designated_at   date        NOT NULL,
    active          boolean     NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL
);

-- Cases gain the queue: priority, exclusive claims, the decision clock, and the DSA category of the notices merged in.
ALTER TABLE moderation_case
    ADD COLUMN priority          integer     NOT NULL DEFAULT 0,
    ADD COLUMN claimed_by        text,
    ADD COLUMN claim_expires_at  timestamptz,
    ADD COLUMN decision_due_at   timestamptz,
    ADD COLUMN notice_count      integer     NOT NULL DEFAULT 0,
    ADD COLUMN trusted_flagger   boolean     NOT NULL DEFAULT false,
    ADD COLUMN dsa_category      text,
    ADD COLUMN decided_at        timestamptz,
    ADD COLUMN severe            boolean     NOT NULL DEFAULT false;
-- A case opened by a notice has no analysis yet.
ALTER TABLE moderation_case
    ALTER COLUMN suggested_decision DROP NOT NULL,
    ALTER COLUMN top_category DROP NOT NULL,
    ALTER COLUMN top_score DROP NOT NULL,
    ALTER COLUMN scores DROP NOT NULL,
    ALTER COLUMN reasons DROP NOT NULL,
    ALTER COLUMN post_version DROP NOT NULL,
    ALTER COLUMN model_version DROP NOT NULL,
    ALTER COLUMN rules_version DROP NOT NULL,
    ALTER COLUMN policy_version DROP NOT NULL;
CREATE INDEX moderation_case_queue ON moderation_case (state, priority DESC, decision_due_at, opened_at);

-- Art. 16 notices. One notice may name several items; each item is linked to the case of its post.
CREATE TABLE notice (
    id                   uuid        PRIMARY KEY,
    received_at          timestamptz NOT NULL,
    state                text        NOT NULL CHECK (state IN ('received', 'decided', 'suspended_notifier')),
    category             text        NOT NULL,
    keywords             text        NOT NULL,  -- JSON array of KEYWORD_* keys
    explanation          text        NOT NULL,
    good_faith           boolean     NOT NULL CHECK (good_faith),
    source_type          text        NOT NULL,  -- SOURCE_ARTICLE_16 | SOURCE_TRUSTED_FLAGGER
    trusted_flagger_id   uuid        REFERENCES trusted_flagger (id),
    submitted_by         text,                  -- the account of an authenticated submitter; null for the public form
    status_token_hash    text        NOT NULL,
    language             text,
    decided_at           timestamptz,
    outcome              text,                  -- restricted | no_action
    automated_processing boolean     NOT NULL DEFAULT false,
    notifier_informed_at timestamptz,
    unfounded            boolean     NOT NULL DEFAULT false
);
CREATE INDEX notice_received_at ON notice (received_at);
CREATE INDEX notice_trusted_flagger ON notice (trusted_flagger_id, received_at);

CREATE TABLE notice_item (
    id             uuid    PRIMARY KEY,
    notice_id      uuid    NOT NULL REFERENCES notice (id),
    position       integer NOT NULL,
    post_uid       text    NOT NULL,
    url            text,
    case_id        uuid    NOT NULL REFERENCES moderation_case (id),
    duplicate      boolean NOT NULL DEFAULT false,  -- an earlier notice on the same item was still undecided
    UNIQUE (notice_id, position)
);
CREATE INDEX notice_item_case ON notice_item (case_id);

-- Personal data of notifiers, kept apart from the case data and pseudonymised after the retention period.
CREATE TABLE notice_contact (
    notice_id        uuid        PRIMARY KEY REFERENCES notice (id),
    name             text,
    email            text,
    pseudonymised_at timestamptz
);

-- Decisions on cases, by moderators or by the policy (automated). A reversal after a complaint is a new decision.
CREATE TABLE decision (
    id                    uuid        PRIMARY KEY,
    case_id               uuid        NOT NULL REFERENCES moderation_case (id),
    post_uid              text        NOT NULL,
    decided_by            text        NOT NULL,
    decided_at            timestamptz NOT NULL,
    action                text        NOT NULL CHECK (action IN ('remove', 'restrict', 'restore', 'label', 'no_action')),
    automated_decision    text        NOT NULL,  -- AUTOMATED_DECISION_*
    automated_detection   boolean     NOT NULL,
    decision_ground       text,                  -- DECISION_GROUND_*; null for no_action
    legal_ground          text,
    contractual_ground    text,
    explanation           text        NOT NULL,
    incompatible_illegal  boolean,
    category              text,
    keywords              text        NOT NULL DEFAULT '[]',
    visibility            text        NOT NULL DEFAULT '[]',
    monetary              text,
    provision             text,
    account               text,
    territorial_scope     text        NOT NULL DEFAULT '[]',
    end_date              date,
    source_type           text        NOT NULL,
    supersedes            uuid        REFERENCES decision (id),
    complaint_id          uuid,
    human_review_of       uuid        REFERENCES decision (id),  -- a moderator confirming or overturning an automated decision
    recipient_token_hash  text        NOT NULL,  -- lets the affected recipient complain (the platform forwards the token)
    recipient_informed_at timestamptz
);
CREATE INDEX decision_case ON decision (case_id, decided_at);
CREATE INDEX decision_decided_at ON decision (decided_at);

-- Statements of reasons exactly as the Transparency Database batch endpoint takes them. The PUID is unique for ever.
CREATE TABLE statement_of_reasons (
    id             uuid        PRIMARY KEY,
    decision_id    uuid        NOT NULL UNIQUE REFERENCES decision (id),
    puid           text        NOT NULL UNIQUE,
    body           text        NOT NULL,
    created_at     timestamptz NOT NULL,
    state          text        NOT NULL CHECK (state IN ('pending', 'submitted', 'rejected')),
    attempts       integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    submitted_at   timestamptz,
    tdb_uuid       text,
    last_error     text
);
CREATE INDEX statement_pending ON statement_of_reasons (state, next_attempt_at) WHERE state = 'pending';
CREATE INDEX statement_created ON statement_of_reasons (created_at, id);

-- Art. 20 complaints against a decision, by the affected recipient or the notifier.
CREATE TABLE complaint (
    id                uuid        PRIMARY KEY,
    decision_id       uuid        NOT NULL REFERENCES decision (id),
    case_id           uuid        NOT NULL REFERENCES moderation_case (id),
    complainant_type  text        NOT NULL CHECK (complainant_type IN ('affected_recipient', 'notifier')),
    notice_id         uuid        REFERENCES notice (id),
    text              text        NOT NULL,
    received_at       timestamptz NOT NULL,
    state             text        NOT NULL CHECK (state IN ('open', 'decided')),
    assigned_to       text,
    outcome           text        CHECK (outcome IN ('upheld', 'partially_reversed', 'reversed', 'omitted')),
    outcome_reason    text,
    decided_by        text,
    decided_at        timestamptz,
    status_token_hash text        NOT NULL,
    unfounded         boolean     NOT NULL DEFAULT false
);
CREATE INDEX complaint_state ON complaint (state, received_at);

CREATE TABLE complaint_contact (
    complaint_id     uuid        PRIMARY KEY REFERENCES complaint (id),
    name             text,
    email            text,
    pseudonymised_at timestamptz
);

-- Legal clocks: one row per duty with its due time; met_at when done.
CREATE TABLE deadline (
    id           bigserial   PRIMARY KEY,
    subject_type text        NOT NULL CHECK (subject_type IN ('notice', 'complaint', 'decision', 'statement')),
    subject_id   uuid        NOT NULL,
    kind         text        NOT NULL,
    due_at       timestamptz NOT NULL,
    met_at       timestamptz,
    UNIQUE (subject_type, subject_id, kind)
);
CREATE INDEX deadline_open ON deadline (due_at) WHERE met_at IS NULL;

-- Art. 23 measures against misuse: warnings and time-limited suspensions, each a decision with reasons.
CREATE TABLE misuse_measure (
    id           uuid        PRIMARY KEY,
    subject_kind text        NOT NULL CHECK (subject_kind IN ('uploader', 'notifier', 'complainant')),
    subject      text        NOT NULL,  -- pseudonymised author id, organisation, or hashed e-mail
    reason       text        NOT NULL CHECK (reason IN ('manifestly_illegal_content', 'manifestly_unfounded_notices', 'manifestly_unfounded_complaints')),
    measure      text        NOT NULL CHECK (measure IN ('warning', 'suspension')),
    explanation  text        NOT NULL,
    decided_by   text        NOT NULL,
    decided_at   timestamptz NOT NULL,
    until        timestamptz
);
CREATE INDEX misuse_subject ON misuse_measure (subject_kind, subject, decided_at);

-- Transactional outbox: events written with the state change, published by the relay after the commit.
CREATE TABLE outbox_event (
    id           bigserial   PRIMARY KEY,
    event_id     uuid        NOT NULL UNIQUE,
    topic        text        NOT NULL,
    event_key    text        NOT NULL,
    payload      text        NOT NULL,
    created_at   timestamptz NOT NULL,
    published_at timestamptz
);
CREATE INDEX outbox_unpublished ON outbox_event (id) WHERE published_at IS NULL;

-- Mail to notifiers and complainants (receipts, decisions, outcomes), sent by the mail relay.
CREATE TABLE mail_outbox (
    id         bigserial   PRIMARY KEY,
    recipient  text        NOT NULL,
    subject    text        NOT NULL,
    body       text        NOT NULL,
    created_at timestamptz NOT NULL,
    sent_at    timestamptz
);
CREATE INDEX mail_unsent ON mail_outbox (id) WHERE sent_at IS NULL;

-- The audit log becomes a hash chain: each row's hash covers its content and the previous row's hash, in the order
-- of seq. Writers only insert (no lock on the hot path); audit_event_chain_pending() links new rows into the chain in one
-- place, under a lock, in commit-safe order (a row that commits late simply gets a later seq). Rows are append-only:
-- the only update allowed is that linking of an unlinked row, and deletes are refused.
ALTER TABLE audit_event
    ADD COLUMN role      text,
    ADD COLUMN reason    text,
    ADD COLUMN before    text,
    ADD COLUMN after     text,
    ADD COLUMN seq       bigint UNIQUE,
    ADD COLUMN prev_hash text,
    ADD COLUMN hash      text;
CREATE INDEX audit_event_unchained ON audit_event (id) WHERE seq IS NULL;
CREATE INDEX audit_event_target ON audit_event (target, id);

CREATE FUNCTION audit_event_digest(e audit_event, previous text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(concat_ws(chr(31),
        e.id::text, e.seq::text, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), e.actor, coalesce(e.role, ''),
        e.action, coalesce(e.target, ''), e.outcome, coalesce(e.client, ''), coalesce(e.reason, ''),
        coalesce(e.before, ''), coalesce(e.after, ''), coalesce(previous, '')), 'UTF8')), 'hex')
$$;

-- Links every committed, unlinked row into the chain; returns how many. Safe to call from any number of replicas.
CREATE FUNCTION audit_event_chain_pending() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    r audit_event;
    last_seq bigint;
    last_hash text;
    n integer := 0;
BEGIN
    PERFORM pg_advisory_xact_lock(7301);
    SELECT seq, hash INTO last_seq, last_hash FROM audit_event WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1;
    FOR r IN SELECT * FROM audit_event WHERE seq IS NULL ORDER BY id LOOP
        last_seq := coalesce(last_seq, 0) + 1;
        r.seq := last_seq;
        r.at := date_trunc('microseconds', r.at);
        UPDATE audit_event SET seq = r.seq, at = r.at, prev_hash = last_hash, hash = audit_event_digest(r, last_hash) WHERE id = r.id
            RETURNING hash INTO last_hash;
        n := n + 1;
    END LOOP;
    RETURN n;
END
$$;

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND NEW.seq IS NOT NULL
       AND (NEW.id, NEW.actor, NEW.role, NEW.action, NEW.target, NEW.outcome, NEW.client, NEW.reason, NEW.before, NEW.after)
           IS NOT DISTINCT FROM (OLD.id, OLD.actor, OLD.role, OLD.action, OLD.target, OLD.outcome, OLD.client, OLD.reason, OLD.before, OLD.after)
       AND NEW.at = date_trunc('microseconds', OLD.at) THEN
        RETURN NEW;  -- linking the row into the chain
    END IF;
    RAISE EXCEPTION 'audit_event is append-only';
END
$$;

CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();

-- Rows written before the chain existed are linked now.
SELECT audit_event_chain_pending();
