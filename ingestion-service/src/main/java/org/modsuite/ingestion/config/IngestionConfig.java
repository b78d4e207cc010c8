package org.modsuite.ingestion.config;

import java.time.Duration;
import java.util.Optional;

import jakarta.validation.constraints.Size;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of ingestion-service, under {@code modsuite.ingestion}. */
@ConfigMapping(prefix = "modsuite.ingestion")
public interface IngestionConfig {

  /**
   * Key of the HMAC that pseudonymises author ids (env {@code MODSUITE_INGESTION_PSEUDONYM_KEY}). Required; never logged.
   * Changing it gives every author a new pseudonym.
   */
  @Size(min = 16, message = "must have at least 16 characters")
  String pseudonymKey();

  /**
   * Key that encrypts source secrets (tokens, webhook signing secrets) at rest with AES-256-GCM (env
   * {@code MODSUITE_INGESTION_SECRET_KEY}). Required; never logged. Changing it makes the stored secrets unreadable.
   */
  @Size(min = 16, message = "must have at least 16 characters")
  String secretKey();

  /** {@code POST /api/v1/sources/test}. */
  SourceTest sourceTest();

  /** Settings of the admin's source test. */
  interface SourceTest {

    /**
     * Whether a tested configuration may name a loopback, link-local or private address (env
     * {@code MODSUITE_INGESTION_SOURCE_TEST_ALLOW_PRIVATE_ADDRESSES}). Off: the test would otherwise let an admin
     * token probe the ports of the service's own network. Tests against a local stub turn it on.
     */
    @WithDefault("false")
    boolean allowPrivateAddresses();
  }

  /** Most posts accepted in one request to {@code POST /api/v1/posts}. */
  @WithDefault("500")
  int maxBatchSize();

  /** How many recently published post versions are remembered to drop duplicate pushes. */
  @WithDefault("200000")
  long recentPostsCapacity();

  /** Largest body, in bytes, of every endpoint except {@code POST /api/v1/imports} (which streams its body). */
  @WithDefault("16777216")
  long maxBodySize();

  /** A JSON file of source definitions (the body of {@code POST /api/v1/sources}, as an array) created or updated at start. */
  Optional<String> sourcesFile();

  /** Polling of the configured sources. */
  Polling polling();

  /** Signed webhook pushes. */
  Webhooks webhooks();

  /** Bluesky Jetstream streams. */
  Jetstream jetstream();

  /** Timeouts, back-off and circuit breaker of the polling connectors. */
  interface Polling {

    /** Whether sources are polled at all (the management API works either way). */
    @WithDefault("true")
    boolean enabled();

    /** How often the scheduler looks for sources that are due (each source has its own interval). */
    @WithDefault("1s")
    Duration tick();

    /** Connect and whole-request timeout of one platform request. */
    @WithDefault("10s")
    Duration httpTimeout();

    /** Pages fetched in one run of a source before it waits for its next turn (catch-up stays bounded). */
    @WithDefault("10")
    int maxPagesPerRun();

    /** First back-off after a failure; doubled per consecutive failure, with full jitter. */
    @WithDefault("1s")
    Duration backoffBase();

    /** Longest back-off. */
    @WithDefault("60s")
    Duration backoffCap();

    /** Consecutive failures that open a source's circuit. */
    @WithDefault("5")
    int breakerThreshold();

    /** How long an open circuit stays open before one trial request. */
    @WithDefault("5m")
    Duration breakerOpen();

    /** Sources polled at the same time. */
    @WithDefault("4")
    int threads();
  }

  /** Standard Webhooks receiver. */
  interface Webhooks {

    /** Largest accepted difference between {@code webhook-timestamp} and our clock. */
    @WithDefault("5m")
    Duration tolerance();
  }

  /** The long-lived Jetstream WebSocket of each Bluesky source. */
  interface Jetstream {

    /** How far before the committed cursor a reconnect resumes; the replayed events are dropped by their commit key. */
    @WithDefault("5s")
    Duration overlap();

    /** How often the acknowledged cursor is written to the database while events flow. */
    @WithDefault("1s")
    Duration commitInterval();

    /** Most events published as one batch (the cursor advances after each batch is acknowledged). */
    @WithDefault("500")
    int batchSize();
  }
}
