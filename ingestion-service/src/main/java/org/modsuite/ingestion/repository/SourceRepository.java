package org.modsuite.ingestion.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import org.modsuite.ingestion.connector.SourceType;

/**
 * Source instances and their cursors in ingestion's own database (datasource {@code ingestion}), over JDBC: connectors
 * run on worker threads, and a page's cursor and seen-set are committed in one transaction.
 */
@ApplicationScoped
public class SourceRepository {

  private static final String COLUMNS = "id, type, settings::text, secret_cipher, interval_seconds, paused, cursor, last_success_at, "
      + "last_error_at, last_error, newest_post_at, created_at, updated_at";

  private final ObjectMapper mapper;
  private final AgroalDataSource dataSource;

  public SourceRepository(ObjectMapper mapper, @io.quarkus.agroal.DataSource("ingestion") AgroalDataSource dataSource) {
    this.mapper = mapper;
    this.dataSource = dataSource;
  }

  private DataSource db() {
    return dataSource;
  }

  public Optional<SourceRecord> find(String id) {
    return query("SELECT " + COLUMNS + " FROM source WHERE id = ?", id).stream().findFirst();
  }

  public List<SourceRecord> all() {
    return query("SELECT " + COLUMNS + " FROM source ORDER BY id");
  }

  /** False when a source with this id exists already. */
  public boolean insert(SourceRecord s) {
    String sql = "INSERT INTO source (id, type, settings, secret_cipher, interval_seconds, paused, created_at, updated_at) "
        + "VALUES (?, ?, ?::jsonb, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING";
    try (Connection c = db().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, s.id());
      ps.setString(2, s.type().wireName());
      ps.setString(3, json(s.settings()));
      ps.setBytes(4, s.secretCipher());
      ps.setInt(5, s.intervalSeconds());
      ps.setBoolean(6, s.paused());
      ps.setTimestamp(7, Timestamp.from(s.createdAt()));
      ps.setTimestamp(8, Timestamp.from(s.updatedAt()));
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store source " + s.id(), e);
    }
  }

  /** Replaces type, settings and interval; the secret only when {@code secretCipher} is not null. A new type restarts the cursor. */
  public boolean update(String id, SourceType type, Map<String, String> settings, byte[] secretCipher, int intervalSeconds, Instant now) {
    String sql = "UPDATE source SET cursor = CASE WHEN type = ? AND settings = ?::jsonb THEN cursor END, type = ?, settings = ?::jsonb, "
        + "secret_cipher = COALESCE(?, secret_cipher), interval_seconds = ?, updated_at = ? WHERE id = ?";
    return execute(sql, type.wireName(), json(settings), type.wireName(), json(settings), secretCipher, intervalSeconds, Timestamp.from(now), id) == 1;
  }

  public boolean setPaused(String id, boolean paused, Instant now) {
    return execute("UPDATE source SET paused = ?, updated_at = ? WHERE id = ?", paused, Timestamp.from(now), id) == 1;
  }

  public boolean delete(String id) {
    return execute("DELETE FROM source WHERE id = ?", id) == 1;
  }

  /**
   * Marks a fetched page done, after Kafka acknowledged every post of it: the new cursor, the time of success and, for
   * feeds, the new seen-set, in one transaction. Unchanged when the source was deleted meanwhile.
   */
  public void commitPage(String id, String cursor, Instant newestPostAt, Map<String, String> seen, Instant now) {
    commitPage(id, cursor, newestPostAt, seen, now, null);
  }

  /**
   * As {@link #commitPage(String, String, Instant, Map, Instant)}, but only while the source is still the version
   * {@code updatedAt} (a stream started before the source was changed must not write its old cursor back).
   *
   * @return whether the source was there (in that version) and the cursor written
   */
  public boolean commitPage(String id, String cursor, Instant newestPostAt, Map<String, String> seen, Instant now, Instant updatedAt) {
    try (Connection c = db().getConnection()) {
      c.setAutoCommit(false);
      try {
        int updated;
        try (PreparedStatement ps = c.prepareStatement("UPDATE source SET cursor = ?, last_success_at = ?, "
            + "newest_post_at = GREATEST(newest_post_at, ?) WHERE id = ?" + (updatedAt == null ? "" : " AND updated_at = ?"))) {
          ps.setString(1, cursor);
          ps.setTimestamp(2, Timestamp.from(now));
          ps.setTimestamp(3, newestPostAt == null ? null : Timestamp.from(newestPostAt));
          ps.setString(4, id);
          if (updatedAt != null) {
            ps.setTimestamp(5, Timestamp.from(updatedAt));
          }
          updated = ps.executeUpdate();
        }
        if (seen != null && updated == 1) {
          try (PreparedStatement ps = c.prepareStatement("DELETE FROM source_seen WHERE source_id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
          }
          try (PreparedStatement ps = c.prepareStatement("INSERT INTO source_seen (source_id, item_key, content_hash) "
              + "SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM source WHERE id = ?)")) {
            for (Map.Entry<String, String> e : seen.entrySet()) {
              ps.setString(1, id);
              ps.setString(2, e.getKey());
              ps.setString(3, e.getValue());
              ps.setString(4, id);
              ps.addBatch();
            }
            ps.executeBatch();
          }
        }
        c.commit();
        return updated == 1;
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot commit the cursor of source " + id, e);
    }
  }

  public void recordFailure(String id, String error, Instant now) {
    String message = error == null ? "unknown error" : error.length() > 1000 ? error.substring(0, 1000) : error;
    execute("UPDATE source SET last_error = ?, last_error_at = ? WHERE id = ?", message, Timestamp.from(now), id);
  }

  /** A feed's seen-set: item key to content hash. */
  public Map<String, String> seen(String id) {
    Map<String, String> seen = new HashMap<>();
    try (Connection c = db().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT item_key, content_hash FROM source_seen WHERE source_id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          seen.put(rs.getString(1), rs.getString(2));
        }
      }
      return seen;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the seen-set of source " + id, e);
    }
  }

  private int execute(String sql, Object... params) {
    try (Connection c = db().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("database statement failed: " + e.getMessage(), e);
    }
  }

  private List<SourceRecord> query(String sql, Object... params) {
    try (Connection c = db().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      List<SourceRecord> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(new SourceRecord(rs.getString(1), SourceType.of(rs.getString(2)).orElseThrow(), settings(rs.getString(3)), rs.getBytes(4),
              rs.getInt(5), rs.getBoolean(6), rs.getString(7), instant(rs, 8), instant(rs, 9), rs.getString(10), instant(rs, 11),
              instant(rs, 12), instant(rs, 13)));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("database query failed: " + e.getMessage(), e);
    }
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private String json(Map<String, String> settings) {
    try {
      return mapper.writeValueAsString(settings == null ? Map.of() : settings);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private Map<String, String> settings(String json) {
    try {
      return mapper.readValue(json, new TypeReference<Map<String, String>>() { });
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("settings are not a JSON object of strings", e);
    }
  }
}
