package org.modsuite.report.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import io.agroal.api.AgroalDataSource;
import org.modsuite.report.config.DsaConfig;
import org.modsuite.report.dsa.SorJson;
import org.modsuite.report.export.ExportFormat;
import org.modsuite.report.export.StatementCsvColumns;
import org.modsuite.report.export.TableOptions;
import org.modsuite.report.export.TableWriter;
import org.modsuite.report.export.TableWriters;

/**
 * Compliance exports, streamed from a server-side cursor (JDBC, fetch size 1,000) straight into the response, so that a
 * million rows need constant memory. Blocking: callers run it on a worker thread. Exports meant for publication carry
 * no personal data: contact details of notifiers and complainants are in tables no export reads.
 */
@ApplicationScoped
public class ExportService {

  /** What can be exported, with the query of each (period bounds on the column that dates the row). */
  public enum Kind {
    STATEMENTS("""
        SELECT s.body, s.puid, s.tdb_uuid, s.created_at, s.state FROM statement_of_reasons s
        WHERE s.created_at >= ? AND s.created_at < ? ORDER BY s.created_at, s.id"""),
    CASES("""
        SELECT id, post_uid, state, source, priority, dsa_category, top_category, top_score, suggested_decision, language, notice_count,
               trusted_flagger, model_version, rules_version, policy_version, opened_at, decision_due_at, decided_at
        FROM moderation_case WHERE opened_at >= ? AND opened_at < ? ORDER BY opened_at, id"""),
    NOTICES("""
        SELECT n.id, n.received_at, n.state, n.source_type, n.category, n.keywords, n.language, n.decided_at, n.outcome, n.automated_processing,
               n.notifier_informed_at, (SELECT count(*) FROM notice_item i WHERE i.notice_id = n.id) AS items, n.unfounded
        FROM notice n WHERE n.received_at >= ? AND n.received_at < ? ORDER BY n.received_at, n.id"""),
    DECISIONS("""
        SELECT id, case_id, post_uid, decided_by, decided_at, action, automated_decision, automated_detection, decision_ground, legal_ground,
               contractual_ground, category, keywords, visibility, monetary, provision, account, territorial_scope, end_date, source_type,
               supersedes, complaint_id, human_review_of
        FROM decision WHERE decided_at >= ? AND decided_at < ? ORDER BY decided_at, id"""),
    COMPLAINTS("""
        SELECT id, decision_id, case_id, complainant_type, received_at, state, assigned_to, outcome, outcome_reason, decided_by, decided_at, unfounded
        FROM complaint WHERE received_at >= ? AND received_at < ? ORDER BY received_at, id"""),
    AUDIT("""
        SELECT id, at, actor, role, action, target, outcome, client, reason, before, after, prev_hash, hash
        FROM audit_event WHERE at >= ? AND at < ? ORDER BY id""");

    final String sql;

    Kind(String sql) {
      this.sql = sql;
    }
  }

  private static final int PROGRESS_STEP = 1000;

  private final AgroalDataSource dataSource;
  private final StatementService statementService;
  private final DsaConfig config;

  public ExportService(AgroalDataSource dataSource, StatementService statementService, DsaConfig config) {
    this.dataSource = dataSource;
    this.statementService = statementService;
    this.config = config;
  }

  /** Writes the rows of the period [from, to) in the format. */
  public void export(Kind kind, ExportFormat format, Instant from, Instant to, OutputStream out) {
    export(kind, format, from, to, out, rows -> { });
  }

  /**
   * As {@link #export(Kind, ExportFormat, Instant, Instant, OutputStream)}, telling {@code progress} the rows written
   * so far every 1,000 rows and at the end (statements as JSON: only at the end, they are copied page by page).
   */
  public void export(Kind kind, ExportFormat format, Instant from, Instant to, OutputStream out, LongConsumer progress) {
    if (kind == Kind.STATEMENTS && format == ExportFormat.JSON) {
      statementService.writeBatchBody(from, to, out);
      progress.accept(count(kind, from, to));
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
      connection.setReadOnly(true);
      try (PreparedStatement query = connection.prepareStatement(kind.sql)) {
        query.setFetchSize(1000);
        query.setTimestamp(1, Timestamp.from(from));
        query.setTimestamp(2, Timestamp.from(to));
        try (ResultSet rows = query.executeQuery()) {
          if (kind == Kind.STATEMENTS) {
            statements(rows, format, out, progress);
          } else {
            table(kind, rows, format, out, progress);
          }
        }
      } finally {
        connection.rollback();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("export of " + kind + " failed: " + e.getMessage(), e);
    }
  }

  /** How many rows an export of the period [from, to) writes: the export's own query, counted. */
  public long count(Kind kind, Instant from, Instant to) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM (" + kind.sql + ") counted")) {
      connection.setReadOnly(true);
      query.setTimestamp(1, Timestamp.from(from));
      query.setTimestamp(2, Timestamp.from(to));
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("count of " + kind + " failed: " + e.getMessage(), e);
    }
  }

  private static void table(Kind kind, ResultSet rows, ExportFormat format, OutputStream out, LongConsumer progress) throws SQLException {
    ResultSetMetaData meta = rows.getMetaData();
    List<String> columns = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      columns.add(meta.getColumnLabel(i));
    }
    String name = kind.name().toLowerCase(Locale.ROOT);
    try (TableWriter writer = TableWriters.open(format, out, TableOptions.named(name).withJsonRoot(name))) {
      writer.header(columns);
      List<Object> values = new ArrayList<>(columns.size());
      long written = 0;
      while (rows.next()) {
        values.clear();
        for (int i = 1; i <= columns.size(); i++) {
          Object v = rows.getObject(i);
          values.add(v instanceof Timestamp t ? t.toInstant() : v instanceof UUID u ? u.toString() : v);
        }
        writer.row(values);
        if (++written % PROGRESS_STEP == 0) {
          progress.accept(written);
        }
      }
      progress.accept(written);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Statements as CSV or XLSX in the Transparency Database's data-dump column order. */
  private void statements(ResultSet rows, ExportFormat format, OutputStream out, LongConsumer progress) throws SQLException {
    try {
      try (TableWriter writer = TableWriters.open(format, out, TableOptions.named("statements"))) {
        writer.header(StatementCsvColumns.FULL);
        long written = 0;
        while (rows.next()) {
          Map<String, Object> statement = SorJson.mapper().readValue(rows.getString(1), new TypeReference<LinkedHashMap<String, Object>>() { });
          statement.put("uuid", rows.getString(3));
          statement.put("platform_name", config.platformName());
          statement.put("created_at", rows.getTimestamp(4).toInstant());
          writer.row(StatementCsvColumns.fullRow(statement));
          if (++written % PROGRESS_STEP == 0) {
            progress.accept(written);
          }
        }
        progress.accept(written);
        }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
