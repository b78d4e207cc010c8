package org.modsuite.report.messaging;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.modsuite.report.repository.OutboxRepository;

/**
 * Publishes the outbox to Kafka: events are marked published only after Kafka acknowledged them, so a crash in between
 * publishes them again (consumers are idempotent on eventId). Rows are locked while being sent, so replicas share the work.
 */
@ApplicationScoped
public class OutboxRelay {

  static final int BATCH = 500;

  private final OutboxRepository outbox;
  private final MutinyEmitter<String> actions;
  private final Counter published;

  public OutboxRelay(OutboxRepository outbox, @Channel("actions-out") MutinyEmitter<String> actions, MeterRegistry registry) {
    this.outbox = outbox;
    this.actions = actions;
    this.published = registry.counter("modsuite.outbox.published");
  }

  @Scheduled(every = "${modsuite.outbox.interval:1s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = UntilStarted.class)
  Uni<Void> relay() {
    return publishPending().replaceWithVoid()
        .onFailure().recoverWithItem(e -> {
          Log.warnf("outbox relay failed, will retry: %s", e.getMessage());
          return null;
        });
  }

  /**
   * The scheduler starts before reactive messaging has wired its channels, and on a slow first start (migrations, a
   * new signing key, the bootstrap admin's bcrypt) that takes longer than the relay's delay: creating this bean then
   * failed with {@code SRMSG00019 Unable to connect an emitter with the channel 'actions-out'}, once a second. The relay
   * waits for the application's own start instead, whose observers run after the libraries' (messaging's included).
   */
  @Singleton
  public static class UntilStarted implements Scheduled.SkipPredicate {

    private volatile boolean started;

    void onStart(@Observes StartupEvent event) {
      started = true;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
      return !started;
    }
  }

  /** Publishes one batch; returns how many events were published. */
  public Uni<Integer> publishPending() {
    return Panache.withTransaction(() -> outbox.unpublishedEvents(BATCH).chain(rows -> {
      if (rows.isEmpty()) {
        return Uni.createFrom().item(0);
      }
      List<Uni<Void>> sends = rows.stream().map(r -> actions.sendMessage(Message.of((String) r[3])
          .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withTopic((String) r[1]).withKey((String) r[2]).build()))).toList();
      List<Long> ids = rows.stream().map(r -> ((Number) r[0]).longValue()).toList();
      return Uni.join().all(sends).andFailFast()
          .chain(() -> outbox.markPublished(ids, Instant.now()))
          .invoke(() -> published.increment(ids.size()))
          .replaceWith(ids.size());
    }));
  }
}
