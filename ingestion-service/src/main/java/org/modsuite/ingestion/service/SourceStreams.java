package org.modsuite.ingestion.service;

import java.time.Instant;
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
import org.modsuite.ingestion.repository.MastodonStatusIds;
import org.modsuite.ingestion.repository.SourceRecord;
import org.modsuite.ingestion.repository.SourceRepository;

/**
 * Keeps one stream session running for every active streaming source: a {@link JetstreamSession} per Bluesky source, a
 * {@link MastodonStreamSession} per Mastodon source with {@code stream=true} (beside its polling). On each scheduler
 * tick it starts the sessions of new or resumed sources, and stops (then restarts) those whose source was paused,
 * deleted or changed. Like polling, nothing here feeds readiness; a broken stream shows in the source's state.
 */
@ApplicationScoped
public class SourceStreams {

  private final SourceRepository repository;
  private final PostIngestService ingest;
  private final SourceStats stats;
  private final Validator validator;
  private final IngestionConfig config;
  private final MastodonStatusIds statusIds;
  private final Map<String, Running> sessions = new ConcurrentHashMap<>();

  public SourceStreams(SourceRepository repository, PostIngestService ingest, SourceStats stats, Validator validator, IngestionConfig config,
      MastodonStatusIds statusIds) {
    this.repository = repository;
    this.ingest = ingest;
    this.stats = stats;
    this.validator = validator;
    this.config = config;
    this.statusIds = statusIds;
  }

  /** A session and the source version it was started for. */
  private record Running(StreamSession session, Instant updatedAt) {
  }

  /** Whether a source is read from a stream: every Bluesky source, a Mastodon source with {@code stream=true}. */
  public static boolean streamed(SourceRecord s) {
    return s.type() == SourceType.BLUESKY || (s.type() == SourceType.MASTODON && "true".equals(s.settings().get("stream")));
  }

  @Scheduled(identity = "source-streams", every = "${modsuite.ingestion.polling.tick:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void reconcile() {
    List<SourceRecord> wanted;
    try {
      wanted = config.polling().enabled()
          ? repository.all().stream().filter(s -> streamed(s) && !s.paused()).toList()
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
        StreamSession session = source.type() == SourceType.BLUESKY ? new JetstreamSession(source, repository, ingest, stats, validator, config)
            : new MastodonStreamSession(source, repository, statusIds, ingest, stats, validator, config);
        sessions.put(source.id(), new Running(session, source.updatedAt()));
        session.start();
      }
    }
  }

  /** Forgets the Mastodon status ids past their retention, hourly. */
  @Scheduled(identity = "mastodon-status-ids-purge", every = "1h", delayed = "1m")
  void purge() {
    try {
      statusIds.purge(Instant.now());
    } catch (RuntimeException e) {
      Log.warnf("cannot purge the Mastodon status ids: %s", e.getMessage());
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
