package org.modsuite.report.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimiterTests {

  private final AtomicLong now = new AtomicLong(1_800_000_000_000L);

  @Test
  void aClientOverItsLimitWaitsUntilTheNextWindowAndOthersDoNot() {
    RateLimiter limiter = new RateLimiter(3, 100, Duration.ofMinutes(1), now::get);
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.retryAfterSeconds("10.0.0.1")).isZero();
    }
    now.addAndGet(15_000);
    assertThat(limiter.retryAfterSeconds("10.0.0.1")).isEqualTo(45L);
    assertThat(limiter.retryAfterSeconds("10.0.0.2")).isZero();
    now.addAndGet(45_000);
    assertThat(limiter.retryAfterSeconds("10.0.0.1")).isZero();
  }

  @Test
  void theGlobalLimitStopsEveryone() {
    RateLimiter limiter = new RateLimiter(100, 2, Duration.ofMinutes(1), now::get);
    assertThat(limiter.retryAfterSeconds("a")).isZero();
    assertThat(limiter.retryAfterSeconds("b")).isZero();
    assertThat(limiter.retryAfterSeconds("c")).isPositive();
  }
}
