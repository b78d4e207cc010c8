package org.modsuite.report.service;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Fixed-window request counter per client and in total, for the anonymous endpoints that guess passwords or take
 * reports (token, public notice form). In memory, per replica: a limit of N per replica, stated as such in the docs.
 */
public final class RateLimiter {

  private final int perClient;
  private final int total;
  private final Duration window;
  private final Cache<String, AtomicInteger> counts;
  private final LongSupplier clockMillis;

  public RateLimiter(int perClient, int total, Duration window) {
    this(perClient, total, window, System::currentTimeMillis);
  }

  RateLimiter(int perClient, int total, Duration window, LongSupplier clockMillis) {
    this.perClient = perClient;
    this.total = total;
    this.window = window;
    this.clockMillis = clockMillis;
    this.counts = Caffeine.newBuilder().expireAfterWrite(window.toMillis() * 2, TimeUnit.MILLISECONDS).maximumSize(100_000).build();
  }

  /** Seconds to wait before the next request is allowed, or 0 when this one may go ahead (and is counted). */
  public long retryAfterSeconds(String client) {
    long now = clockMillis.getAsLong();
    long windowId = now / window.toMillis();
    int all = counts.get("*:" + windowId, k -> new AtomicInteger()).incrementAndGet();
    int mine = counts.get(client + ":" + windowId, k -> new AtomicInteger()).incrementAndGet();
    if (all <= total && mine <= perClient) {
      return 0;
    }
    long windowEnd = (windowId + 1) * window.toMillis();
    return Math.max(1, (windowEnd - now + 999) / 1000);
  }
}
