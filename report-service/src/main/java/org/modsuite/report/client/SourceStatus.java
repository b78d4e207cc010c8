package org.modsuite.report.client;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One source as ingestion-service's {@code GET /api/v1/sources} describes it (the fields the dashboard shows). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SourceStatus(
    String id,
    String type,
    String state,
    boolean paused,
    Instant lastSuccessAt,
    Instant lastErrorAt,
    String lastError,
    Long lagSeconds,
    long postsLastHour,
    Instant newestPostAt) {
}
