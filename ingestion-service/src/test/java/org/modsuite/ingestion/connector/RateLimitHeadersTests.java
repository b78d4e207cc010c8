package org.modsuite.ingestion.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The three reset formats of INGESTION-SOURCES.md §12 and Retry-After, measured against the server's Date. */
class RateLimitHeadersTests {

  private static final Instant NOW = Instant.parse("2025-03-14T09:25:00Z");

  private static HttpHeaders headers(Map<String, String> values) {
    return HttpHeaders.of(values.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))),
        (a, b) -> true);
  }

  @Test
  void mastodonResetIsAnIsoInstant() {
    HttpHeaders h = headers(Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "2025-03-14T09:30:00.000000Z"));
    assertThat(RateLimitHeaders.pauseWhenSpent(h, NOW)).contains(Duration.ofMinutes(5));
  }

  @Test
  void blueskyResetIsEpochSeconds() {
    HttpHeaders h = headers(Map.of("RateLimit-Remaining", "0", "RateLimit-Reset", String.valueOf(NOW.plusSeconds(120).getEpochSecond())));
    assertThat(RateLimitHeaders.pauseWhenSpent(h, NOW)).contains(Duration.ofSeconds(120));
  }

  @Test
  void redditResetIsSecondsLeftAndRemainingAFloat() {
    HttpHeaders h = headers(Map.of("X-Ratelimit-Remaining", "0.0", "X-Ratelimit-Reset", "412"));
    assertThat(RateLimitHeaders.pauseWhenSpent(h, NOW)).contains(Duration.ofSeconds(412));
    assertThat(RateLimitHeaders.pauseWhenSpent(headers(Map.of("X-Ratelimit-Remaining", "88.0", "X-Ratelimit-Reset", "412")), NOW)).isEmpty();
  }

  @Test
  void retryAfterInSecondsOrAsAnHttpDateComesFirst() {
    assertThat(RateLimitHeaders.retryAfter(headers(Map.of("Retry-After", "7", "X-RateLimit-Reset", "412")), NOW)).contains(Duration.ofSeconds(7));
    HttpHeaders date = headers(Map.of("Retry-After", "Fri, 14 Mar 2025 09:26:00 GMT", "Date", "Fri, 14 Mar 2025 09:25:30 GMT"));
    assertThat(RateLimitHeaders.retryAfter(date, NOW)).as("measured from the server's Date, not our clock").contains(Duration.ofSeconds(30));
  }

  @Test
  void absoluteResetsUseTheServersDateAndNeverGoNegative() {
    HttpHeaders skewed = headers(Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "2025-03-14T09:30:00Z",
        "Date", "Fri, 14 Mar 2025 09:29:00 GMT"));
    assertThat(RateLimitHeaders.pauseWhenSpent(skewed, NOW)).contains(Duration.ofMinutes(1));
    assertThat(RateLimitHeaders.reset(headers(Map.of("X-RateLimit-Reset", "2025-03-14T09:00:00Z")), NOW)).contains(Duration.ZERO);
    assertThat(RateLimitHeaders.reset(headers(Map.of("X-RateLimit-Reset", "soon")), NOW)).isEmpty();
  }
}
