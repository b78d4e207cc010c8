-- Units of a platform's daily quota spent per source and day (YouTube: every request costs, invalid ones too; the day
-- is Pacific Time, when Google resets it). Checked before each request, so a source stops before it would exceed it.
CREATE TABLE source_quota (
  source_id   VARCHAR(64)  NOT NULL REFERENCES source (id) ON DELETE CASCADE,
  day         DATE         NOT NULL,
  units_used  INTEGER      NOT NULL,
  PRIMARY KEY (source_id, day)
);
