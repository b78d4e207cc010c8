package org.modsuite.report.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import org.modsuite.report.config.DsaConfig;
import org.modsuite.report.export.TransparencyReport;
import org.modsuite.report.export.TransparencyReport.AutomatedMeans;
import org.modsuite.report.export.TransparencyReport.ComplaintRow;
import org.modsuite.report.export.TransparencyReport.ComplaintType;
import org.modsuite.report.export.TransparencyReport.Complaints;
import org.modsuite.report.export.TransparencyReport.NoticeRow;
import org.modsuite.report.export.TransparencyReport.OwnInitiativeRow;
import org.modsuite.report.export.TransparencyReport.QualitativeAnswer;
import org.modsuite.report.export.TransparencyReport.RestrictionCounts;
import org.modsuite.report.export.TransparencyReport.Suspensions;

/**
 * The figures of the transparency report (Art. 15, 24; Implementing Regulation 2024/2835) for a period, computed from
 * the records. Accuracy, precision and recall of the automated means come from human review: an automated removal a
 * moderator confirmed is a true positive, one reversed a false positive; a human restriction of an analysed item the
 * policy left up is a false negative, a human "no action" on one a true negative. Blocking (JDBC).
 */
@ApplicationScoped
public class TransparencyReportService {

  private static final String RESTRICTS = "d.action NOT IN ('no_action', 'restore')";

  private final AgroalDataSource dataSource;
  private final DsaConfig config;

  public TransparencyReportService(AgroalDataSource dataSource, DsaConfig config) {
    this.dataSource = dataSource;
    this.config = config;
  }

  public TransparencyReport report(LocalDate from, LocalDate to) {
    Timestamp start = Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant());
    Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    try (Connection c = dataSource.getConnection()) {
      c.setReadOnly(true);
      return new TransparencyReport(config.platformName(), from, to, LocalDate.now(ZoneOffset.UTC), null, notices(c, start, end),
          ownInitiative(c, start, end, "DECISION_GROUND_ILLEGAL_CONTENT"), ownInitiative(c, start, end, "DECISION_GROUND_INCOMPATIBLE_CONTENT"),
          complaints(c, start, end), suspensions(c, start, end), automatedMeans(c, start, end), qualitative());
    } catch (SQLException e) {
      throw new IllegalStateException("transparency report failed: " + e.getMessage(), e);
    }
  }

  private static List<NoticeRow> notices(Connection c, Timestamp start, Timestamp end) throws SQLException {
    String sql = """
        WITH n AS (
            SELECT n.id, n.category, n.source_type = 'SOURCE_TRUSTED_FLAGGER' AS tf, n.received_at, n.decided_at,
                   (SELECT count(*) FROM notice_item i WHERE i.notice_id = n.id) AS items,
                   (SELECT max(d.decision_ground) FROM notice_item i JOIN decision d ON d.case_id = i.case_id
                    WHERE i.notice_id = n.id AND d.decided_at >= n.received_at AND %s) AS ground
            FROM notice n WHERE n.received_at >= ? AND n.received_at < ?)
        SELECT coalesce(category, 'TOTAL'), count(*), count(*) FILTER (WHERE tf), sum(items), coalesce(sum(items) FILTER (WHERE tf), 0),
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM decided_at - received_at) / 3600),
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM decided_at - received_at) / 3600) FILTER (WHERE tf),
               count(*) FILTER (WHERE ground = 'DECISION_GROUND_ILLEGAL_CONTENT'),
               count(*) FILTER (WHERE ground = 'DECISION_GROUND_ILLEGAL_CONTENT' AND tf),
               count(*) FILTER (WHERE ground = 'DECISION_GROUND_INCOMPATIBLE_CONTENT'),
               count(*) FILTER (WHERE ground = 'DECISION_GROUND_INCOMPATIBLE_CONTENT' AND tf)
        FROM n GROUP BY ROLLUP (category) ORDER BY category NULLS LAST""".formatted(RESTRICTS);
    List<NoticeRow> rows = new ArrayList<>();
    try (PreparedStatement q = period(c, sql, start, end); ResultSet r = q.executeQuery()) {
      while (r.next()) {
        rows.add(new NoticeRow(r.getString(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5), number(r, 6), number(r, 7), r.getLong(8),
            r.getLong(9), r.getLong(10), r.getLong(11)));
      }
    }
    if (rows.isEmpty()) {
      rows.add(new NoticeRow(TransparencyReport.TOTAL, 0, 0, 0, 0, null, null, 0, 0, 0, 0));
    }
    return rows;
  }

  private static List<OwnInitiativeRow> ownInitiative(Connection c, Timestamp start, Timestamp end, String ground) throws SQLException {
    String sql = """
        SELECT coalesce(category, 'TOTAL'), count(*), count(*) FILTER (WHERE automated_decision = 'AUTOMATED_DECISION_FULLY'),
               %s
        FROM decision d WHERE d.source_type = 'SOURCE_VOLUNTARY' AND %s AND d.decision_ground = ? AND d.decided_at >= ? AND d.decided_at < ?
          AND d.human_review_of IS NULL
        GROUP BY ROLLUP (category) ORDER BY category NULLS LAST""".formatted(restrictionCounts(), RESTRICTS);
    List<OwnInitiativeRow> rows = new ArrayList<>();
    try (PreparedStatement q = c.prepareStatement(sql)) {
      q.setString(1, ground);
      q.setTimestamp(2, start);
      q.setTimestamp(3, end);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          long[] v = new long[14];
          for (int i = 0; i < 14; i++) {
            v[i] = r.getLong(4 + i);
          }
          rows.add(new OwnInitiativeRow(r.getString(1), r.getLong(2), r.getLong(3), new RestrictionCounts(v[0], v[1], v[2], v[3], v[4], v[5], v[6],
              v[7], v[8], v[9], v[10], v[11], v[12], v[13])));
        }
      }
    }
    if (rows.isEmpty()) {
      rows.add(new OwnInitiativeRow(TransparencyReport.TOTAL, 0, 0, RestrictionCounts.NONE));
    }
    return rows;
  }

  /** The 14 restriction-type counts in template order; provision and account merge partial and total. */
  private static String restrictionCounts() {
    List<String> cells = new ArrayList<>();
    for (String v : List.of("REMOVED", "DISABLED", "DEMOTED", "AGE_RESTRICTED", "INTERACTION_RESTRICTED", "LABELLED")) {
      cells.add("count(*) FILTER (WHERE d.visibility LIKE '%DECISION_VISIBILITY_CONTENT_" + v + "\"%')");
    }
    cells.add("count(*) FILTER (WHERE d.visibility LIKE '%DECISION_VISIBILITY_OTHER%')");
    cells.add("count(*) FILTER (WHERE d.monetary = 'DECISION_MONETARY_SUSPENSION')");
    cells.add("count(*) FILTER (WHERE d.monetary = 'DECISION_MONETARY_TERMINATION')");
    cells.add("count(*) FILTER (WHERE d.monetary = 'DECISION_MONETARY_OTHER')");
    cells.add("count(*) FILTER (WHERE d.provision LIKE '%SUSPENSION')");
    cells.add("count(*) FILTER (WHERE d.provision LIKE '%TERMINATION')");
    cells.add("count(*) FILTER (WHERE d.account = 'DECISION_ACCOUNT_SUSPENDED')");
    cells.add("count(*) FILTER (WHERE d.account = 'DECISION_ACCOUNT_TERMINATED')");
    return String.join(", ", cells);
  }

  private static Complaints complaints(Connection c, Timestamp start, Timestamp end) throws SQLException {
    String sql = """
        WITH k AS (
            SELECT c.outcome, c.received_at, c.decided_at,
                   CASE WHEN d.action IN ('no_action', 'restore') THEN
                            CASE WHEN d.source_type = 'SOURCE_TRUSTED_FLAGGER' THEN 'TRUSTED_FLAGGER_NOTICE_NOT_ACTED' ELSE 'NOTICE_NOT_ACTED' END
                        WHEN d.account IS NOT NULL THEN 'ACCOUNT' WHEN d.provision IS NOT NULL THEN 'PROVISION'
                        WHEN d.monetary IS NOT NULL AND d.visibility = '[]' THEN 'MONETARY' ELSE 'VISIBILITY' END AS type
            FROM complaint c JOIN decision d ON d.id = c.decision_id WHERE c.received_at >= ? AND c.received_at < ?)
        SELECT type, count(*), count(*) FILTER (WHERE outcome = 'upheld'), count(*) FILTER (WHERE outcome = 'partially_reversed'),
               count(*) FILTER (WHERE outcome = 'reversed'), count(*) FILTER (WHERE outcome = 'omitted'),
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM decided_at - received_at) / 3600)
        FROM k GROUP BY type""";
    Map<ComplaintType, ComplaintRow> byType = new EnumMap<>(ComplaintType.class);
    long submitted = 0;
    try (PreparedStatement q = period(c, sql, start, end); ResultSet r = q.executeQuery()) {
      while (r.next()) {
        ComplaintType type = ComplaintType.valueOf(r.getString(1));
        byType.put(type, new ComplaintRow(type, r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6), number(r, 7)));
        submitted += r.getLong(2);
      }
    }
    List<ComplaintRow> rows = new ArrayList<>();
    for (ComplaintType type : ComplaintType.values()) {
      rows.add(byType.getOrDefault(type, new ComplaintRow(type, 0, 0, 0, 0, 0, null)));
    }
    long newlyImposed = count(c, "SELECT count(*) FROM decision d WHERE d.complaint_id IS NOT NULL AND " + RESTRICTS
        + " AND d.decided_at >= ? AND d.decided_at < ?", start, end);
    return new Complaints(submitted, newlyImposed, rows);
  }

  private static Suspensions suspensions(Connection c, Timestamp start, Timestamp end) throws SQLException {
    String sql = "SELECT count(*) FROM misuse_measure WHERE measure = 'suspension' AND reason = '%s' AND decided_at >= ? AND decided_at < ?";
    return new Suspensions(count(c, sql.formatted("manifestly_illegal_content"), start, end),
        count(c, sql.formatted("manifestly_unfounded_notices"), start, end), count(c, sql.formatted("manifestly_unfounded_complaints"), start, end));
  }

  private static AutomatedMeans automatedMeans(Connection c, Timestamp start, Timestamp end) throws SQLException {
    long solely = count(c, "SELECT count(*) FROM decision d WHERE automated_decision = 'AUTOMATED_DECISION_FULLY' AND " + RESTRICTS
        + " AND decided_at >= ? AND decided_at < ?", start, end);
    long notSolely = count(c, "SELECT count(*) FROM decision d WHERE automated_decision <> 'AUTOMATED_DECISION_FULLY' AND " + RESTRICTS
        + " AND human_review_of IS NULL AND decided_at >= ? AND decided_at < ?", start, end);
    // Human reviews of automated removals, and human first decisions on analysed items the policy did not remove: each is a
    // person's judgement of one automated decision (remove, or leave up).
    String reviews = """
        SELECT count(*) FILTER (WHERE d.human_review_of IS NOT NULL AND d.action NOT IN ('no_action', 'restore')),
               count(*) FILTER (WHERE d.human_review_of IS NOT NULL AND d.action IN ('no_action', 'restore')),
               count(*) FILTER (WHERE d.human_review_of IS NULL AND d.action NOT IN ('no_action', 'restore')),
               count(*) FILTER (WHERE d.human_review_of IS NULL AND d.action = 'no_action')
        FROM decision d JOIN moderation_case m ON m.id = d.case_id
        WHERE d.automated_decision = 'AUTOMATED_DECISION_NOT_AUTOMATED' AND d.complaint_id IS NULL AND m.source = 'analysis'
          AND d.decided_at >= ? AND d.decided_at < ?""";
    try (PreparedStatement q = period(c, reviews, start, end); ResultSet r = q.executeQuery()) {
      r.next();
      long tp = r.getLong(1);
      long fp = r.getLong(2);
      long fn = r.getLong(3);
      long tn = r.getLong(4);
      long all = tp + fp + fn + tn;
      return new AutomatedMeans(solely, notSolely, all == 0 ? null : (double) (tp + tn) / all, tp + fp == 0 ? null : (double) tp / (tp + fp),
          tp + fn == 0 ? null : (double) tp / (tp + fn), all);
    }
  }

  private static List<QualitativeAnswer> qualitative() {
    return List.of(
        new QualitativeAnswer("Automated means: purpose",
            "Posts are analysed for hate speech and incitement against protected groups by lexicon and rules plus a trained classifier;"
                + " the policy removes only at high confidence with rule evidence and sends the rest to human review."),
        new QualitativeAnswer("Automated means: safeguards",
            "Every automated removal stays in the review queue until a moderator confirms or reverses it; affected recipients can complain;"
                + " complaints are decided by a different moderator; every analysis carries its model, rules and policy versions."),
        new QualitativeAnswer("Indicators of accuracy",
            "Accuracy, precision and recall are estimated from the human review of automated decisions in the period (sheet 8)."));
  }

  private static PreparedStatement period(Connection c, String sql, Timestamp start, Timestamp end) throws SQLException {
    PreparedStatement q = c.prepareStatement(sql);
    q.setTimestamp(1, start);
    q.setTimestamp(2, end);
    return q;
  }

  private static long count(Connection c, String sql, Timestamp start, Timestamp end) throws SQLException {
    try (PreparedStatement q = period(c, sql, start, end); ResultSet r = q.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }

  private static Double number(ResultSet r, int column) throws SQLException {
    double v = r.getDouble(column);
    return r.wasNull() ? null : v;
  }
}
