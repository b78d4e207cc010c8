package org.modsuite.report.messaging;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
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

  @Scheduled(every = "${modsuite.outbox.interval:1s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> relay() {
    return publishPending().replaceWithVoid()
        .onFailure().recoverWithItem(e -> {
          Log.warnf("outbox relay failed, will retry: %s", e.getMessage());
          return null;
        });
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
