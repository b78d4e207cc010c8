package org.modsuite.report.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SubmissionBackoffTests {

  @Test
  void startsAtTenSecondsDoublesAndStopsAtAnHour() {
    assertThat(SubmissionBackoff.delay(1, 0)).isEqualTo(Duration.ofSeconds(10));
    assertThat(SubmissionBackoff.delay(2, 0)).isEqualTo(Duration.ofSeconds(20));
    assertThat(SubmissionBackoff.delay(3, 0)).isEqualTo(Duration.ofSeconds(40));
    assertThat(SubmissionBackoff.delay(9, 0)).isEqualTo(Duration.ofSeconds(2_560));
    assertThat(SubmissionBackoff.delay(10, 0)).isEqualTo(Duration.ofHours(1));
    assertThat(SubmissionBackoff.delay(1_000, 0.99)).isEqualTo(Duration.ofHours(1));
    assertThat(SubmissionBackoff.delay(0, 0)).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void addsUpToAQuarterAtRandom() {
    assertThat(SubmissionBackoff.delay(1, 0.999)).isBetween(Duration.ofMillis(12_490), Duration.ofMillis(12_500));
    assertThat(SubmissionBackoff.delay(4, 0.5)).isEqualTo(Duration.ofSeconds(90));
  }
}
