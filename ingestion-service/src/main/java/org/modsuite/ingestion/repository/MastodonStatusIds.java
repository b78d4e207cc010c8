package org.modsuite.ingestion.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/** Local status id → global uri per Mastodon source (table {@code mastodon_status}), to key the stream's deletes. */
@ApplicationScoped
public class MastodonStatusIds {

  /** How long an id is remembered: a delete after that is not published. */
  public static final Duration RETENTION = Duration.ofDays(30);

  private final AgroalDataSource db;

  public MastodonStatusIds(@io.quarkus.agroal.DataSource("ingestion") AgroalDataSource db) {
    this.db = db;
  }

  /** Remembers the ids of a page (a source that is not stored, such as a configuration under test, remembers nothing). */
  public void remember(String sourceId, Map<String, String> uriByStatusId, Instant now) {
    if (uriByStatusId.isEmpty()) {
      return;
    }
    String sql = "INSERT INTO mastodon_status (source_id, status_id, uri, seen_at) SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM source WHERE id = ?) "
        + "ON CONFLICT (source_id, status_id) DO UPDATE SET uri = EXCLUDED.uri, seen_at = EXCLUDED.seen_at";
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (Map.Entry<String, String> e : uriByStatusId.entrySet()) {
        if (e.getKey().length() > 64 || e.getValue().length() > 400) {
          continue;
        }
        ps.setString(1, sourceId);
        ps.setString(2, e.getKey());
        ps.setString(3, e.getValue());
        ps.setTimestamp(4, Timestamp.from(now));
        ps.setString(5, sourceId);
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot remember the status ids of source " + sourceId, e);
    }
  }

  public Optional<String> uri(String sourceId, String statusId) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT uri FROM mastodon_status WHERE source_id = ? AND status_id = ?")) {
      ps.setString(1, sourceId);
      ps.setString(2, statusId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the status ids of source " + sourceId, e);
    }
  }

  /** Forgets ids older than {@link #RETENTION}. */
  public int purge(Instant now) {
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("DELETE FROM mastodon_status WHERE seen_at < ?")) {
      ps.setTimestamp(1, Timestamp.from(now.minus(RETENTION)));
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot purge the status ids", e);
    }
  }
}
