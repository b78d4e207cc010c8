package org.modsuite.report.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long report-service waits for PostgreSQL before it gives up on a request, under {@code modsuite.database}. */
@ConfigMapping(prefix = "modsuite.database")
public interface DatabaseTimeoutsConfig {

  /** Opening a TCP connection to PostgreSQL. */
  @WithDefault("PT2S")
  Duration connectTimeout();

  /** Waiting for a connection from the pool (including its opening): past it, a request answers 503. */
  @WithDefault("PT3S")
  Duration acquisitionTimeout();

  /** The readiness check's query; the health endpoints must answer within a second even when the database hangs. */
  @WithDefault("PT0.5S")
  Duration healthTimeout();
}
