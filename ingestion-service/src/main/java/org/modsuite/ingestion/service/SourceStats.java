package org.modsuite.ingestion.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Per-source metrics: Micrometer counters {@code modsuite.source.posts{source}}, {@code modsuite.source.polls{source,
 * outcome}}, {@code modsuite.source.skipped{source}}, {@code modsuite.source.gaps{source}}, and the posts of the last
 * hour for {@code GET /api/v1/sources/{id}} (a ring of 60 one-minute buckets, in memory: it restarts at zero).
 */
@ApplicationScoped
public class SourceStats {

  private final MeterRegistry registry;
  private final Clock clock = Clock.systemUTC();
  private final Map<String, MinuteRing> lastHour = new ConcurrentHashMap<>();

  public SourceStats(MeterRegistry registry) {
    this.registry = registry;
  }

  public void published(String source, int posts) {
    if (posts > 0) {
      registry.counter("modsuite.source.posts", "source", source).increment(posts);
      lastHour.computeIfAbsent(source, s -> new MinuteRing()).add(clock.instant(), posts);
    }
  }

  public void poll(String source, String outcome) {
    registry.counter("modsuite.source.polls", "source", source, "outcome", outcome).increment();
  }

  public void skipped(String source, int items) {
    if (items > 0) {
      registry.counter("modsuite.source.skipped", "source", source).increment(items);
    }
  }

  public void gap(String source) {
    registry.counter("modsuite.source.gaps", "source", source).increment();
  }

  public long postsLastHour(String source) {
    MinuteRing ring = lastHour.get(source);
    return ring == null ? 0 : ring.sum(clock.instant());
  }

  public void forget(String source) {
    lastHour.remove(source);
  }

  /** 60 buckets of one minute, each tagged with its minute so stale buckets are ignored. */
  static final class MinuteRing {
    private final AtomicLongArray counts = new AtomicLongArray(60);
    private final AtomicLongArray minutes = new AtomicLongArray(60);

    synchronized void add(Instant now, long n) {
      long minute = now.getEpochSecond() / 60;
      int slot = (int) (minute % 60);
      if (minutes.get(slot) != minute) {
        minutes.set(slot, minute);
        counts.set(slot, 0);
      }
      counts.addAndGet(slot, n);
    }

    synchronized long sum(Instant now) {
      long minute = now.getEpochSecond() / 60;
      long total = 0;
      for (int i = 0; i < 60; i++) {
        if (minute - minutes.get(i) < 60) {
          total += counts.get(i);
        }
      }
      return total;
    }
  }
}
