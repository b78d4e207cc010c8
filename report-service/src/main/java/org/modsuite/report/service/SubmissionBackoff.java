package org.modsuite.report.service;

import java.time.Duration;

/**
 * When to try a statement again after a failed submission: 10 s, doubling with each failed attempt, up to 1 h, plus up
 * to a quarter more at random so that statements that failed together do not all come back at the same moment.
 */
final class SubmissionBackoff {

  static final Duration FIRST = Duration.ofSeconds(10);
  static final Duration LAST = Duration.ofHours(1);

  private SubmissionBackoff() {
  }

  /**
   * @param attempts failed attempts so far, including this one (1 for the first failure)
   * @param random   a number in [0, 1)
   */
  static Duration delay(int attempts, double random) {
    int doublings = Math.min(Math.max(attempts, 1) - 1, 20);
    long millis = Math.min(FIRST.toMillis() << doublings, LAST.toMillis());
    return Duration.ofMillis(Math.min((long) (millis * (1 + random / 4)), LAST.toMillis()));
  }
}
