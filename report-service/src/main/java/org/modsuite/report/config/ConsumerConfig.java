package org.modsuite.report.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the Kafka consumers retry a failed store, under {@code modsuite.consumers}. */
@ConfigMapping(prefix = "modsuite.consumers")
public interface ConsumerConfig {

  /** First wait after a transient failure (database away); it doubles, with jitter, up to {@link #maxBackOff()}. */
  @WithDefault("PT1S")
  Duration initialBackOff();

  /** Longest wait between two attempts: also the longest a consumer lags behind a database that came back. */
  @WithDefault("PT10S")
  Duration maxBackOff();

  /** Attempts for a failure that is neither transient nor the record's fault (a bug, say) before it is dead-lettered. */
  @WithDefault("5")
  int unknownFailureAttempts();
}
