package org.modsuite.ingestion.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.modsuite.ingestion.config.IngestionConfig;

class SourceBreakerTests {

  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

  private static IngestionConfig.Polling polling() {
    return new IngestionConfig.Polling() {
      public boolean enabled() { return true; }
      public Duration tick() { return Duration.ofSeconds(1); }
      public Duration httpTimeout() { return Duration.ofSeconds(10); }
      public int maxPagesPerRun() { return 10; }
      public Duration backoffBase() { return Duration.ofSeconds(1); }
      public Duration backoffCap() { return Duration.ofSeconds(60); }
      public int breakerThreshold() { return 5; }
      public Duration breakerOpen() { return Duration.ofMinutes(5); }
      public int threads() { return 4; }
    };
  }

  @Test
  void backOffGrowsWithJitterUpToTheCapThenTheCircuitOpensAndAFailedTrialReopensIt() {
    SourceBreaker breaker = new SourceBreaker(polling());
    for (int n = 1; n <= 4; n++) {
      breaker.failure(NOW, null);
      assertThat(breaker.state()).isEqualTo(SourceBreaker.State.BACKING_OFF);
      assertThat(Duration.between(NOW, breaker.nextAttempt())).isLessThanOrEqualTo(Duration.ofSeconds(1L << (n - 1)));
    }
    for (int i = 0; i < 200; i++) {
      assertThat(breaker.jitteredBackoff(20)).isLessThanOrEqualTo(Duration.ofSeconds(60));
    }
    breaker.failure(NOW, null);
    assertThat(breaker.state()).isEqualTo(SourceBreaker.State.CIRCUIT_OPEN);
    assertThat(breaker.nextAttempt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    breaker.attempting();
    assertThat(breaker.state()).isEqualTo(SourceBreaker.State.HALF_OPEN);
    breaker.failure(NOW, null);
    assertThat(breaker.state()).isEqualTo(SourceBreaker.State.CIRCUIT_OPEN);
    breaker.attempting();
    breaker.success(NOW, Duration.ofSeconds(60), null);
    assertThat(breaker.state()).isEqualTo(SourceBreaker.State.OK);
    assertThat(breaker.nextAttempt()).isEqualTo(NOW.plusSeconds(60));
  }

  @Test
  void aRateLimitWaitsAsLongAsAskedAndIsNoFailure() {
    SourceBreaker breaker = new SourceBreaker(polling());
    breaker.rateLimited(NOW, Duration.ofSeconds(412));
    assertThat(breaker.state()).isEqualTo(SourceBreaker.State.RATE_LIMITED);
    assertThat(breaker.nextAttempt()).isEqualTo(NOW.plusSeconds(412));
    assertThat(breaker.failures()).isZero();
    breaker.failure(NOW, Duration.ofSeconds(30));
    assertThat(breaker.nextAttempt()).as("a 503's Retry-After beats a shorter back-off").isEqualTo(NOW.plusSeconds(30));
  }
}
