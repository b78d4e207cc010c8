-- Outcomes of moderation.actions carried out on platforms (or recorded as manual), one per decision.
CREATE TABLE enforcement (
  decision_id  VARCHAR(128)  PRIMARY KEY,
  post_uid     VARCHAR(512)  NOT NULL,
  action       VARCHAR(32)   NOT NULL,
  -- done: the platform carried it out; manual: the platform's API cannot (a moderator must); failed: it answered an error;
  -- not_applicable: nothing to do on the platform (no_action, label)
  outcome      VARCHAR(32)   NOT NULL,
  detail       VARCHAR(1000),
  source_id    VARCHAR(64),
  recorded_at  TIMESTAMPTZ   NOT NULL
);
CREATE INDEX enforcement_post_uid ON enforcement (post_uid);
