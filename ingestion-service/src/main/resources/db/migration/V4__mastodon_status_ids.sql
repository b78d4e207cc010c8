-- The instance-local ids of the statuses a streaming Mastodon source has read, with their global uri: the streaming
-- API's delete event names only the local id, and the post is keyed by the uri. Rows older than 30 days are purged.
CREATE TABLE mastodon_status (
  source_id   VARCHAR(64)   NOT NULL REFERENCES source (id) ON DELETE CASCADE,
  status_id   VARCHAR(64)   NOT NULL,
  uri         VARCHAR(400)  NOT NULL,
  seen_at     TIMESTAMPTZ   NOT NULL,
  PRIMARY KEY (source_id, status_id)
);
CREATE INDEX mastodon_status_seen_at ON mastodon_status (seen_at);
