package org.modsuite.report.web;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

/** Cases and posts written straight into the database for the dashboard's tests (no Kafka round trip needed). */
final class CaseRows {

  private CaseRows() {
  }

  /** An analysed, severe case with its post text and one reason whose span covers {@code marked} in {@code text}. */
  static UUID severeCase(DataSource db, String postUid, String text, String marked, int priority) throws SQLException {
    UUID id = UUID.randomUUID();
    int start = text.indexOf(marked);
    String reasons = "[{\"kind\":\"rule\",\"id\":\"dehumanising-metaphor\",\"category\":\"dehumanisation\","
        + "\"description\":\"Compares a group of people to vermin\",\"spans\":[{\"start\":" + start + ",\"end\":" + (start + marked.length()) + "}]}]";
    Timestamp now = Timestamp.from(Instant.now());
    try (Connection c = db.getConnection()) {
      try (PreparedStatement s = c.prepareStatement("""
          INSERT INTO post (post_uid, platform, url, author_id, text, language, created_at, version, received_at)
          VALUES (?, 'test', ?, 'author-1', ?, 'en', ?, 1, ?)""")) {
        s.setString(1, postUid);
        s.setString(2, "https://social.example/" + postUid.replace(':', '/'));
        s.setString(3, text);
        s.setTimestamp(4, now);
        s.setTimestamp(5, now);
        s.executeUpdate();
      }
      try (PreparedStatement s = c.prepareStatement("""
          INSERT INTO moderation_case (id, post_uid, state, source, suggested_decision, language, top_category, top_score, scores, reasons,
            post_version, model_version, rules_version, policy_version, opened_at, updated_at, priority, severe, decision_due_at)
          VALUES (?, ?, 'open', 'analysis', 'review', 'en', 'dehumanisation', 0.93, '{"dehumanisation":0.93,"threat":0.12,"hate":0.88}', ?,
            1, 'model-test-1', 'rules-test-1', 'policy-test-1', ?, ?, ?, true, ?)""")) {
        s.setObject(1, id);
        s.setString(2, postUid);
        s.setString(3, reasons);
        s.setTimestamp(4, now);
        s.setTimestamp(5, now);
        s.setInt(6, priority);
        s.setTimestamp(7, Timestamp.from(Instant.now().plusSeconds(3600)));
        s.executeUpdate();
      }
    }
    return id;
  }

  /** {@code n} open analysis cases with post uids {@code <prefix><i>}, priority 0 to 59, in one statement. */
  static int manyCases(DataSource db, String prefix, int n) throws SQLException {
    try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
        INSERT INTO moderation_case (id, post_uid, state, source, suggested_decision, language, top_category, top_score, scores, reasons,
          post_version, model_version, rules_version, policy_version, opened_at, updated_at, priority, decision_due_at)
        SELECT gen_random_uuid(), ? || i, 'open', 'analysis', 'review', (ARRAY['de','en','fr'])[1 + i % 3],
          (ARRAY['dehumanisation','threat','insult','hate_symbol'])[1 + i % 4], 0.5 + (i % 50) / 100.0,
          '{"dehumanisation":0.7,"threat":0.2}', '[]', 1, 'model-bench', 'rules-bench', 'policy-bench',
          now() - make_interval(secs => i), now(), i % 60, now() + make_interval(mins => (i % 2000) - 100)
        FROM generate_series(1, ?) AS i""")) {
      s.setString(1, prefix);
      s.setInt(2, n);
      return s.executeUpdate();
    }
  }

  static int deleteCases(DataSource db, String prefix) throws SQLException {
    try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("DELETE FROM moderation_case WHERE post_uid LIKE ?")) {
      s.setString(1, prefix + "%");
      return s.executeUpdate();
    }
  }
}
