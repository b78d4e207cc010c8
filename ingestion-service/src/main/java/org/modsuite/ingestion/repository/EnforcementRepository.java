package org.modsuite.ingestion.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/** Outcomes of enforcement, keyed by decision id so that a redelivered action is carried out once. */
@ApplicationScoped
public class EnforcementRepository {

  private final AgroalDataSource db;

  public EnforcementRepository(@io.quarkus.agroal.DataSource("ingestion") AgroalDataSource db) {
    this.db = db;
  }

  public Optional<EnforcementRecord> find(String decisionId) {
    return query("SELECT decision_id, post_uid, action, outcome, detail, source_id, recorded_at FROM enforcement WHERE decision_id = ?", decisionId)
        .stream().findFirst();
  }

  public List<EnforcementRecord> recent(String postUid) {
    return postUid == null
        ? query("SELECT decision_id, post_uid, action, outcome, detail, source_id, recorded_at FROM enforcement ORDER BY recorded_at DESC LIMIT 100")
        : query("SELECT decision_id, post_uid, action, outcome, detail, source_id, recorded_at FROM enforcement WHERE post_uid = ? "
            + "ORDER BY recorded_at DESC LIMIT 100", postUid);
  }

  public void save(EnforcementRecord r) {
    String sql = "INSERT INTO enforcement (decision_id, post_uid, action, outcome, detail, source_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
        + "ON CONFLICT (decision_id) DO NOTHING";
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, r.decisionId());
      ps.setString(2, r.postUid());
      ps.setString(3, r.action());
      ps.setString(4, r.outcome());
      ps.setString(5, r.detail() == null || r.detail().length() <= 1000 ? r.detail() : r.detail().substring(0, 1000));
      ps.setString(6, r.sourceId());
      ps.setTimestamp(7, Timestamp.from(r.recordedAt()));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record the enforcement of " + r.decisionId(), e);
    }
  }

  private List<EnforcementRecord> query(String sql, Object... params) {
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      List<EnforcementRecord> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(new EnforcementRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
              rs.getTimestamp(7).toInstant()));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("database query failed: " + e.getMessage(), e);
    }
  }
}
