package org.modsuite.ingestion.service;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import org.modsuite.ingestion.config.IngestionConfig;

/**
 * Back-off and circuit breaker of one source. Each consecutive failure doubles the wait (from {@code backoff-base} up to
 * {@code backoff-cap}) with full jitter; after {@code breaker-threshold} failures the circuit opens for
 * {@code breaker-open}, then one trial request decides (half-open). A rate limit waits exactly as long as the platform
 * asked and does not count as a failure. Not thread-safe: the poller runs one fetch per source at a time.
 */
public final class SourceBreaker {

  /** What the source is doing, as shown by the API and the metrics. */
  public enum State {
    OK, BACKING_OFF, RATE_LIMITED, CIRCUIT_OPEN, HALF_OPEN
  }

  private final IngestionConfig.Polling config;
  private int failures;
  private State state = State.OK;
  private Instant nextAttempt = Instant.EPOCH;

  public SourceBreaker(IngestionConfig.Polling config) {
    this.config = config;
  }

  public boolean due(Instant now) {
    return !now.isBefore(nextAttempt);
  }

  public void success(Instant now, Duration interval, Duration pause) {
    failures = 0;
    state = pause != null && pause.compareTo(interval) > 0 ? State.RATE_LIMITED : State.OK;
    nextAttempt = now.plus(pause != null && pause.compareTo(interval) > 0 ? pause : interval);
  }

  /** More pages are waiting: go again right away, unless the platform asked for a pause. */
  public void more(Instant now, Duration pause) {
    failures = 0;
    state = pause != null && !pause.isZero() ? State.RATE_LIMITED : State.OK;
    nextAttempt = pause != null ? now.plus(pause) : now;
  }

  public void rateLimited(Instant now, Duration wait) {
    state = State.RATE_LIMITED;
    nextAttempt = now.plus(wait != null ? wait : config.backoffCap());
  }

  public void failure(Instant now, Duration platformWait) {
    failures++;
    if (failures >= config.breakerThreshold()) {
      state = State.CIRCUIT_OPEN;
      nextAttempt = now.plus(config.breakerOpen());
      return;
    }
    state = State.BACKING_OFF;
    Duration wait = jitteredBackoff(failures);
    if (platformWait != null && platformWait.compareTo(wait) > 0) {
      wait = platformWait;
    }
    nextAttempt = now.plus(wait);
  }

  /** Called when the next attempt starts: an open circuit becomes half-open for one trial. */
  public void attempting() {
    if (state == State.CIRCUIT_OPEN) {
      state = State.HALF_OPEN;
      failures = config.breakerThreshold() - 1; // one more failure opens it again
    }
  }

  /** Full jitter: uniformly random between 0 and min(cap, base × 2^(n-1)). */
  Duration jitteredBackoff(int consecutiveFailures) {
    long base = config.backoffBase().toMillis();
    long cap = config.backoffCap().toMillis();
    long ceiling = Math.min(cap, base * (1L << Math.min(30, consecutiveFailures - 1)));
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 10, ceiling + 1));
  }

  public State state() {
    return state;
  }

  public int failures() {
    return failures;
  }

  public Instant nextAttempt() {
    return nextAttempt;
  }
}
