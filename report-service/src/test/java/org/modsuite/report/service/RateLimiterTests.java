package org.modsuite.report.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RateLimiterTests {

  @Test
  void aClientOverItsLimitWaitsAndOthersDoNot() {
    RateLimiter limiter = new RateLimiter(3, 100, Duration.ofMinutes(1));
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.retryAfterSeconds("10.0.0.1")).isZero();
    }
    assertThat(limiter.retryAfterSeconds("10.0.0.1")).isBetween(1L, 60L);
    assertThat(limiter.retryAfterSeconds("10.0.0.2")).isZero();
  }

  @Test
  void theGlobalLimitStopsEveryone() {
    RateLimiter limiter = new RateLimiter(100, 2, Duration.ofMinutes(1));
    assertThat(limiter.retryAfterSeconds("a")).isZero();
    assertThat(limiter.retryAfterSeconds("b")).isZero();
    assertThat(limiter.retryAfterSeconds("c")).isPositive();
  }
}
