-- Consumer-side idempotency: an event id is recorded in the same transaction as its effect.
CREATE TABLE processed_event (
    event_id     uuid        PRIMARY KEY,
    consumer     text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now()
);

-- Every analysis received, one row per post version and model/rules/policy versions.
CREATE TABLE post_analysis (
    post_uid       text        NOT NULL,
    post_version   bigint      NOT NULL,
    model_version  text        NOT NULL,
    rules_version  text        NOT NULL,
    policy_version text        NOT NULL,
    event_id       uuid        NOT NULL,
    language       text,
    decision       text        NOT NULL CHECK (decision IN ('allow', 'review', 'remove')),
    scores         jsonb       NOT NULL,
    reasons        jsonb       NOT NULL,
    analysed_at    timestamptz NOT NULL,
    received_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (post_uid, post_version, model_version, rules_version, policy_version)
);

-- One case per item: opened by an analysis that asks for review or removal; later sources (notices, complaints) merge into it.
CREATE TABLE moderation_case (
    id                 uuid             PRIMARY KEY,
    post_uid           text             NOT NULL UNIQUE,
    state              text             NOT NULL,
    source             text             NOT NULL,
    suggested_decision text             NOT NULL,
    language           text,
    top_category       text             NOT NULL,
    top_score          double precision NOT NULL,
    scores             text             NOT NULL,
    reasons            text             NOT NULL,
    post_version       bigint           NOT NULL,
    model_version      text             NOT NULL,
    rules_version      text             NOT NULL,
    policy_version     text             NOT NULL,
    opened_at          timestamptz      NOT NULL,
    updated_at         timestamptz      NOT NULL
);

CREATE INDEX moderation_case_opened_at ON moderation_case (opened_at DESC, id DESC);
