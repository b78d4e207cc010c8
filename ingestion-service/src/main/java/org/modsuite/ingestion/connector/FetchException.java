package org.modsuite.ingestion.connector;

import java.time.Duration;

/** A fetch that did not yield a page. The cursor is kept; {@link #kind()} decides how long the source waits. */
public class FetchException extends Exception {

  /** Why the fetch failed. */
  public enum Kind {
    /** 429 or a spent rate limit: wait {@link #retryAfter()}, not counted against the circuit breaker. */
    RATE_LIMITED,
    /** 5xx, timeout, connection failure: back off exponentially with jitter. */
    TRANSIENT,
    /** Invalid JSON or XML, an HTML error page, a truncated body, a cursor going backwards: logged, counted, back off. */
    GARBAGE,
    /** 401, 403, 404: the configuration is wrong; back off to the longest wait until someone fixes it. */
    REFUSED
  }

  private final Kind kind;
  private final Duration retryAfter;

  public FetchException(Kind kind, String message, Duration retryAfter) {
    super(message);
    this.kind = kind;
    this.retryAfter = retryAfter;
  }

  public FetchException(Kind kind, String message) {
    this(kind, message, null);
  }

  public Kind kind() {
    return kind;
  }

  /** The wait the platform asked for (Retry-After or a rate-limit reset), or null. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
