package org.modsuite.ingestion.repository;

import java.time.Instant;
import java.util.Map;

import org.modsuite.ingestion.connector.SourceType;

/** One row of {@code source}: a source instance, its cursor and the outcome of its last runs. */
public record SourceRecord(
    String id,
    SourceType type,
    Map<String, String> settings,
    byte[] secretCipher,
    int intervalSeconds,
    boolean paused,
    String cursor,
    Instant lastSuccessAt,
    Instant lastErrorAt,
    String lastError,
    Instant newestPostAt,
    Instant createdAt,
    Instant updatedAt) {
}
