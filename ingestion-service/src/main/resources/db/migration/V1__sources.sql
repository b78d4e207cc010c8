-- Source instances (many per connector type), their cursors and the state shown by GET /api/v1/sources/{id}.
CREATE TABLE source (
  id               VARCHAR(64)  PRIMARY KEY,
  type             VARCHAR(32)  NOT NULL,
  settings         JSONB        NOT NULL DEFAULT '{}'::jsonb,
  -- AES-GCM (12-byte IV followed by ciphertext and tag) of the token or signing secret; never returned by the API.
  secret_cipher    BYTEA,
  interval_seconds INTEGER      NOT NULL,
  paused           BOOLEAN      NOT NULL DEFAULT FALSE,
  -- The connector's position, advanced only after Kafka acknowledged every record it covers.
  cursor           TEXT,
  last_success_at  TIMESTAMPTZ,
  last_error_at    TIMESTAMPTZ,
  last_error       VARCHAR(1000),
  newest_post_at   TIMESTAMPTZ,
  created_at       TIMESTAMPTZ  NOT NULL,
  updated_at       TIMESTAMPTZ  NOT NULL
);

-- Feeds have no cursor: the items still in the window, with a hash of their content, so an unchanged item is not
-- published again and a changed one is published as an update. Replaced with each committed fetch.
CREATE TABLE source_seen (
  source_id    VARCHAR(64)  NOT NULL REFERENCES source (id) ON DELETE CASCADE,
  item_key     VARCHAR(1000) NOT NULL,
  content_hash VARCHAR(64)  NOT NULL,
  PRIMARY KEY (source_id, item_key)
);
