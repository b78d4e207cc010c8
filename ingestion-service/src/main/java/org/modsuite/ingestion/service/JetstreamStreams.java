package org.modsuite.ingestion.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import org.modsuite.ingestion.config.IngestionConfig;
import org.modsuite.ingestion.connector.SourceType;
import org.modsuite.ingestion.repository.SourceRecord;
import org.modsuite.ingestion.repository.SourceRepository;

/**
 * Keeps one {@link JetstreamSession} running for every active Bluesky source: on each scheduler tick it starts the
 * sessions of new or resumed sources, and stops (then restarts) those whose source was paused, deleted or changed.
 * Like polling, nothing here feeds readiness; a broken stream shows in the source's state.
 */
@ApplicationScoped
public class JetstreamStreams {

  private final SourceRepository repository;
  private final PostIngestService ingest;
  private final SourceStats stats;
  private final Validator validator;
  private final IngestionConfig config;
  private final Map<String, Running> sessions = new ConcurrentHashMap<>();

  public JetstreamStreams(SourceRepository repository, PostIngestService ingest, SourceStats stats, Validator validator, IngestionConfig config) {
    this.repository = repository;
    this.ingest = ingest;
    this.stats = stats;
    this.validator = validator;
    this.config = config;
  }

  /** A session and the source version it was started for. */
  private record Running(JetstreamSession session, java.time.Instant updatedAt) {
  }

  @Scheduled(identity = "jetstream-streams", every = "${modsuite.ingestion.polling.tick:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void reconcile() {
    List<SourceRecord> wanted;
    try {
      wanted = config.polling().enabled()
          ? repository.all().stream().filter(s -> s.type() == SourceType.BLUESKY && !s.paused()).toList()
          : List.of();
    } catch (RuntimeException e) {
      Log.warnf("cannot read the sources: %s", e.getMessage());
      return;
    }
    Set<String> ids = wanted.stream().map(SourceRecord::id).collect(Collectors.toSet());
    sessions.keySet().stream().filter(id -> !ids.contains(id)).toList().forEach(this::stop);
    for (SourceRecord source : wanted) {
      Running running = sessions.get(source.id());
      if (running != null && !running.updatedAt().equals(source.updatedAt())) {
        stop(source.id()); // changed settings: the stored cursor was reset with them
        running = null;
      }
      if (running == null) {
        JetstreamSession session = new JetstreamSession(source, repository, ingest, stats, validator, config);
        sessions.put(source.id(), new Running(session, source.updatedAt()));
        session.start();
      }
    }
  }

  /** The stream's state ({@code streaming}, {@code backing_off}, ...) and breaker, when a session runs for the source. */
  public Optional<String> state(String id) {
    return Optional.ofNullable(sessions.get(id)).map(r -> r.session().state());
  }

  public Optional<SourceBreaker> breaker(String id) {
    return Optional.ofNullable(sessions.get(id)).map(r -> r.session().breaker());
  }

  private void stop(String id) {
    Running running = sessions.remove(id);
    if (running != null) {
      running.session().stop();
    }
  }

  @PreDestroy
  void stopAll() {
    List.copyOf(sessions.keySet()).forEach(this::stop);
  }
}
