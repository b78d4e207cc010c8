package org.modsuite.ingestion.connector;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the waits platforms ask for (INGESTION-SOURCES.md §12): {@code Retry-After} in seconds or as an HTTP date, and
 * the rate-limit reset in its three forms: an ISO-8601 instant (Mastodon {@code X-RateLimit-Reset}), epoch seconds
 * (Bluesky {@code RateLimit-Reset}) and seconds left (Reddit {@code X-Ratelimit-Reset}). Absolute times are measured
 * against the response's {@code Date} header, so a skewed local clock does not stretch or cut the wait.
 */
public final class RateLimitHeaders {

  /** Epoch seconds below this are taken as "seconds left" (Reddit); no reset is 30 years away. */
  private static final long EPOCH_THRESHOLD = 1_000_000_000L;

  private RateLimitHeaders() {
  }

  /** The wait a 429 or 503 asks for: Retry-After first, else the rate-limit reset. */
  public static Optional<Duration> retryAfter(HttpHeaders headers, Instant localNow) {
    Instant serverNow = serverNow(headers, localNow);
    Optional<Duration> retry = headers.firstValue("Retry-After").flatMap(v -> parseRetryAfter(v, serverNow));
    return retry.isPresent() ? retry : reset(headers, localNow);
  }

  /** The wait until the limit resets, when the remaining budget is spent (≤ 0); empty otherwise. */
  public static Optional<Duration> pauseWhenSpent(HttpHeaders headers, Instant localNow) {
    Optional<Double> remaining = first(headers, "X-RateLimit-Remaining", "RateLimit-Remaining").flatMap(RateLimitHeaders::number);
    if (remaining.isEmpty() || remaining.get() > 0) {
      return Optional.empty();
    }
    return reset(headers, localNow);
  }

  /** Time until the rate-limit reset, from whichever of the three header forms is present. */
  public static Optional<Duration> reset(HttpHeaders headers, Instant localNow) {
    Instant serverNow = serverNow(headers, localNow);
    return first(headers, "X-RateLimit-Reset", "RateLimit-Reset").flatMap(v -> parseReset(v, serverNow));
  }

  static Optional<Duration> parseReset(String value, Instant serverNow) {
    String v = value.trim();
    Optional<Double> n = number(v);
    if (n.isPresent()) {
      double seconds = n.get();
      Duration wait = seconds >= EPOCH_THRESHOLD ? Duration.between(serverNow, Instant.ofEpochMilli((long) (seconds * 1000)))
          : Duration.ofMillis((long) (seconds * 1000));
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    }
    try {
      Duration wait = Duration.between(serverNow, Instant.parse(v));
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  static Optional<Duration> parseRetryAfter(String value, Instant serverNow) {
    String v = value.trim();
    Optional<Double> seconds = number(v);
    if (seconds.isPresent()) {
      return Optional.of(Duration.ofMillis((long) (Math.max(0, seconds.get()) * 1000)));
    }
    try {
      Duration wait = Duration.between(serverNow, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Instant serverNow(HttpHeaders headers, Instant localNow) {
    return headers.firstValue("Date").flatMap(d -> {
      try {
        return Optional.of(ZonedDateTime.parse(d, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }).orElse(localNow);
  }

  private static Optional<String> first(HttpHeaders headers, String... names) {
    for (String name : names) {
      Optional<String> v = headers.firstValue(name);
      if (v.isPresent()) {
        return v;
      }
    }
    return Optional.empty();
  }

  private static Optional<Double> number(String v) {
    try {
      return Optional.of(Double.parseDouble(v.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
