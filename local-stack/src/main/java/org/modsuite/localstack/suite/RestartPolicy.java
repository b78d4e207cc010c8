package org.modsuite.localstack.suite;

import java.time.Duration;

/**
 * Back-off between restarts of a supervised service: the first restart waits {@code initial}, each further one twice
 * as long up to {@code max}; a process that stayed up for {@code stableAfter} counts as healthy again, so its next
 * crash waits {@code initial} once more. Not thread-safe: one policy per supervised service, used by its watcher.
 */
public final class RestartPolicy {

  /** ./run's policy: 1 s, 2 s, 4 s … 30 s; reset after a minute up. */
  public static RestartPolicy standard() {
    return new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60));
  }

  private final Duration initial;
  private final Duration max;
  private final Duration stableAfter;
  private Duration next;

  public RestartPolicy(Duration initial, Duration max, Duration stableAfter) {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || stableAfter.isNegative()) {
      throw new IllegalArgumentException("need 0 < initial <= max and stableAfter >= 0");
    }
    this.initial = initial;
    this.max = max;
    this.stableAfter = stableAfter;
    this.next = initial;
  }

  /** The wait before restarting a process that ran for {@code uptime} before it exited. */
  public Duration delayAfter(Duration uptime) {
    if (uptime.compareTo(stableAfter) >= 0) {
      next = initial;
    }
    Duration delay = next;
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(max) > 0 ? max : doubled;
    return delay;
  }
}
