package org.modsuite.ingestion.rest;

import java.time.Instant;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A source instance with its state. Never contains the secret, only whether one is stored. */
@Schema(description = "A source instance and how its polling goes")
public record SourceView(
    String id,
    String type,
    Map<String, String> settings,
    boolean hasSecret,
    int intervalSeconds,
    boolean paused,
    @Schema(description = "paused, push (webhook), ok, backing_off, rate_limited, circuit_open, half_open; Bluesky: streaming, connecting") String state,
    @Schema(description = "The committed position (Mastodon: highest status id acknowledged by Kafka; Bluesky: time_us in microseconds)") String cursor,
    Instant lastSuccessAt,
    Instant lastErrorAt,
    String lastError,
    @Schema(description = "Seconds since the last successful poll; null before the first") Long lagSeconds,
    @Schema(description = "Posts published from this source in the last hour (since the service started, at most)") long postsLastHour,
    Instant newestPostAt,
    Instant nextAttemptAt,
    Instant createdAt,
    Instant updatedAt,
    @Schema(description = "YouTube: quota units spent today; polling stops before it would exceed dailyQuota") QuotaView quota) {
}
