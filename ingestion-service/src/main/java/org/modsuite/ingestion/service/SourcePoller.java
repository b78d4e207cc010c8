package org.modsuite.ingestion.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import org.modsuite.ingestion.config.IngestionConfig;
import org.modsuite.ingestion.connector.Connector;
import org.modsuite.ingestion.connector.FetchException;
import org.modsuite.ingestion.connector.FetchResult;
import org.modsuite.ingestion.connector.SourceContext;
import org.modsuite.ingestion.connector.SourceType;
import org.modsuite.ingestion.repository.SourceRecord;
import org.modsuite.ingestion.repository.SourceRepository;
import org.modsuite.ingestion.rest.PostRequest;

/**
 * Polls every active source on its own interval. A scheduler tick (every {@code modsuite.ingestion.polling.tick})
 * hands each source that is due to a small pool of worker threads, one run per source at a time, so a slow or failing
 * source never holds up the others; nothing here feeds readiness. One run reads up to {@code max-pages-per-run} pages;
 * after each page the posts are published and only when Kafka acknowledged all of them are the cursor and the
 * seen-set committed, in one transaction. A run that fails before that leaves the cursor where it was: the page is
 * read again (at-least-once; republished versions are dropped by postUid and version).
 */
@ApplicationScoped
public class SourcePoller {

  private final SourceRepository repository;
  private final Connectors connectors;
  private final PostIngestService ingest;
  private final SourceStats stats;
  private final SecretCipher cipher;
  private final Validator validator;
  private final IngestionConfig.Polling config;
  private final Clock clock = Clock.systemUTC();
  private final Map<String, SourceBreaker> breakers = new ConcurrentHashMap<>();
  private final Set<String> running = ConcurrentHashMap.newKeySet();
  private final ExecutorService workers;

  public SourcePoller(SourceRepository repository, Connectors connectors, PostIngestService ingest, SourceStats stats, IngestionConfig config,
      Validator validator) {
    this.repository = repository;
    this.connectors = connectors;
    this.ingest = ingest;
    this.stats = stats;
    this.cipher = new SecretCipher(config.secretKey());
    this.validator = validator;
    this.config = config.polling();
    AtomicInteger n = new AtomicInteger();
    this.workers = Executors.newFixedThreadPool(config.polling().threads(), r -> {
      Thread t = new Thread(r, "source-poller-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  @Scheduled(identity = "source-poller", every = "${modsuite.ingestion.polling.tick:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void tick() {
    if (!config.enabled()) {
      return;
    }
    Instant now = clock.instant();
    List<SourceRecord> sources;
    try {
      sources = repository.all();
    } catch (RuntimeException e) {
      Log.warnf("cannot read the sources: %s", e.getMessage());
      return;
    }
    for (SourceRecord source : sources) {
      if (source.paused() || connectors.of(source.type()).isEmpty()) {
        continue;
      }
      SourceBreaker breaker = breakers.computeIfAbsent(source.id(), id -> new SourceBreaker(config));
      if (breaker.due(now) && running.add(source.id())) {
        workers.execute(() -> {
          try {
            run(source.id());
          } finally {
            running.remove(source.id());
          }
        });
      }
    }
  }

  /** One run of one source: pages until caught up, the page limit, or a failure. */
  void run(String id) {
    Optional<SourceRecord> found = repository.find(id);
    SourceBreaker breaker = breakers.computeIfAbsent(id, x -> new SourceBreaker(config));
    if (found.isEmpty() || found.get().paused()) {
      return;
    }
    SourceRecord source = found.get();
    Connector connector = connectors.of(source.type()).orElseThrow();
    Duration interval = Duration.ofSeconds(source.intervalSeconds());
    breaker.attempting();
    String cursor = source.cursor();
    try {
      String secret = source.secretCipher() == null ? null : cipher.decrypt(id, source.secretCipher());
      for (int page = 0; page < config.maxPagesPerRun(); page++) {
        Map<String, String> seen = source.type() == SourceType.RSS || source.type() == SourceType.REDDIT ? repository.seen(id) : Map.of();
        FetchResult result = connector.fetch(new SourceContext(id, source.settings(), secret, cursor, seen));
        List<PostRequest> posts = valid(id, result.posts());
        int published = posts.isEmpty() ? 0 : ingest.ingest(posts).await().atMost(config.httpTimeout().multipliedBy(6)).accepted();
        // Kafka acknowledged every post of the page: now, and only now, the page is done.
        repository.commitPage(id, result.cursor(), result.newestPostAt(), result.seen(), clock.instant());
        cursor = result.cursor();
        stats.published(id, published);
        stats.skipped(id, result.skipped() + result.posts().size() - posts.size());
        stats.poll(id, "ok");
        if (result.gap()) {
          stats.gap(id);
        }
        if (!result.more() || result.pause() != null) {
          breaker.success(clock.instant(), interval, result.pause());
          return;
        }
      }
      breaker.more(clock.instant(), null);
    } catch (FetchException e) {
      failed(id, breaker, e.kind(), e.getMessage(), e.retryAfter());
    } catch (RuntimeException e) {
      // Kafka did not acknowledge, the database failed, or the connector broke: the cursor stays.
      failed(id, breaker, FetchException.Kind.TRANSIENT, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
    }
  }

  private void failed(String id, SourceBreaker breaker, FetchException.Kind kind, String message, Duration wait) {
    Instant now = clock.instant();
    switch (kind) {
      case RATE_LIMITED -> breaker.rateLimited(now, wait);
      case REFUSED -> {
        breaker.failure(now, wait);
        breaker.rateLimited(now, config.breakerOpen()); // a configuration error: retry rarely until it is fixed
      }
      default -> breaker.failure(now, wait);
    }
    stats.poll(id, kind.name().toLowerCase(java.util.Locale.ROOT));
    Log.warnf("source %s: %s (%s); next attempt at %s", id, message, kind, breaker.nextAttempt());
    try {
      repository.recordFailure(id, kind.name().toLowerCase(java.util.Locale.ROOT) + ": " + message, now);
    } catch (RuntimeException e) {
      Log.warnf("source %s: cannot record the failure: %s", id, e.getMessage());
    }
  }

  /** Posts that pass the push API's own checks; a platform's malformed item is skipped, not fatal to the page. */
  private List<PostRequest> valid(String id, List<PostRequest> posts) {
    List<PostRequest> valid = new ArrayList<>(posts.size());
    for (PostRequest post : posts) {
      var violations = validator.validate(post);
      if (violations.isEmpty()) {
        valid.add(post);
      } else {
        Log.debugf("source %s: skipped %s: %s", id, post.effectivePostUid(), violations.iterator().next().getPropertyPath());
      }
    }
    return valid;
  }

  public Optional<SourceBreaker> breaker(String id) {
    return Optional.ofNullable(breakers.get(id));
  }

  /** Forget the back-off of a changed, resumed or deleted source, so it is polled at the next tick. */
  public void reset(String id) {
    breakers.remove(id);
  }

  @PreDestroy
  void stop() {
    workers.shutdownNow();
  }
}
