package org.modsuite.ingestion.repository;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/** Daily quota units spent per source (table {@code source_quota}), spent atomically so that two runs never overrun it. */
@ApplicationScoped
public class QuotaRepository {

  private final AgroalDataSource db;

  public QuotaRepository(@io.quarkus.agroal.DataSource("ingestion") AgroalDataSource db) {
    this.db = db;
  }

  /**
   * Spends {@code units} of the day's {@code limit} for a source, if they fit.
   *
   * @return false when the source has spent too much of that day to afford them; true when spent, or when the source
   *     is not stored (a configuration under test: its requests are not accounted)
   */
  public boolean spend(String sourceId, LocalDate day, int units, int limit) {
    String sql = "INSERT INTO source_quota (source_id, day, units_used) SELECT ?, ?, ? WHERE ? <= ? AND EXISTS (SELECT 1 FROM source WHERE id = ?) "
        + "ON CONFLICT (source_id, day) DO UPDATE SET units_used = source_quota.units_used + EXCLUDED.units_used "
        + "WHERE source_quota.units_used + EXCLUDED.units_used <= ?";
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, sourceId);
      ps.setDate(2, Date.valueOf(day));
      ps.setInt(3, units);
      ps.setInt(4, units);
      ps.setInt(5, limit);
      ps.setString(6, sourceId);
      ps.setInt(7, limit);
      if (ps.executeUpdate() == 1) {
        return true;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot account the quota of source " + sourceId, e);
    }
    return !sourceExists(sourceId);
  }

  /** Marks the day's quota as spent (the platform said so, whatever our count). */
  public void exhaust(String sourceId, LocalDate day, int limit) {
    String sql = "INSERT INTO source_quota (source_id, day, units_used) SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM source WHERE id = ?) "
        + "ON CONFLICT (source_id, day) DO UPDATE SET units_used = GREATEST(source_quota.units_used, EXCLUDED.units_used)";
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, sourceId);
      ps.setDate(2, Date.valueOf(day));
      ps.setInt(3, limit);
      ps.setString(4, sourceId);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot account the quota of source " + sourceId, e);
    }
  }

  /** Units spent by a source on a day; 0 when none. */
  public int used(String sourceId, LocalDate day) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT units_used FROM source_quota WHERE source_id = ? AND day = ?")) {
      ps.setString(1, sourceId);
      ps.setDate(2, Date.valueOf(day));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the quota of source " + sourceId, e);
    }
  }

  private boolean sourceExists(String sourceId) {
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT 1 FROM source WHERE id = ?")) {
      ps.setString(1, sourceId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read source " + sourceId, e);
    }
  }
}
