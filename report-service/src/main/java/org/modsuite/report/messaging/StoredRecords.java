package org.modsuite.report.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.modsuite.events.EventJson;
import org.modsuite.events.InvalidEventException;
import org.modsuite.events.NulCharacters;
import org.modsuite.report.config.ConsumerConfig;
import org.modsuite.support.failure.Failures;
import org.modsuite.support.failure.Failures.Kind;

/**
 * The consumers' shared path from a Kafka record to the database: parse, store, acknowledge. A record that can never
 * be stored (not a valid event, U+0000 in a field, a data or constraint error: {@link Failures}) is nacked at once,
 * which the dead-letter-queue failure strategy turns into a copy on the channel's DLQ topic with the reason and an
 * acknowledgement of the original, so its offset is committed. A store that fails because the database is away is
 * retried with back-off for as long as that lasts, while {@link DatabaseWaits} makes readiness DOWN; the partition
 * waits, so order and at-least-once hold (the stores are idempotent). The commit strategy must allow that wait:
 * {@code throttled.unprocessed-record-max-age.ms=0}.
 */
@ApplicationScoped
public class StoredRecords {

  /** Names the consumer group that dead-lettered a record: two services dead-letter posts.ingested into one topic. */
  public static final String CONSUMER_GROUP_HEADER = "dead-letter-consumer-group";
  /** Names the service that dead-lettered a record. */
  public static final String SERVICE_HEADER = "dead-letter-service";

  private final DatabaseWaits waits;
  private final ConsumerConfig config;
  private final String service;

  public StoredRecords(DatabaseWaits waits, ConsumerConfig config, @ConfigProperty(name = "quarkus.application.name") String service) {
    this.waits = waits;
    this.config = config;
    this.service = service;
  }

  /**
   * Stores the record's event with {@code store} (a new transaction on each call) and acknowledges it.
   *
   * @param consumer the consumer group, named in the dead letter and the readiness check
   */
  public <T> Uni<Void> store(Message<String> message, String consumer, Class<T> type, Function<T, Uni<Void>> store) {
    T event;
    try {
      NulCharacters.refuse(message.getPayload(), type);
      event = EventJson.read(message.getPayload(), type);
    } catch (InvalidEventException e) {
      return deadLetter(message, consumer, e);
    }
    return Uni.createFrom().deferred(() -> store.apply(event))
        // Back-off resubscribes on a timer thread; Hibernate Reactive must run on the record's Vert.x context.
        .runSubscriptionOn(onContext(Vertx.currentContext()))
        .onFailure().invoke(e -> failed(message, consumer, e))
        .onFailure(Failures::isTransient).retry().withBackOff(config.initialBackOff(), config.maxBackOff()).indefinitely()
        .onFailure(e -> Failures.classify(e) == Kind.UNKNOWN).retry().withBackOff(config.initialBackOff(), config.maxBackOff())
        .atMost(Math.max(0, config.unknownFailureAttempts() - 1))
        .onItemOrFailure().transformToUni((ok, e) -> {
          waits.recovered(consumer);
          return e == null ? Uni.createFrom().completionStage(message.ack()) : deadLetter(message, consumer, e);
        });
  }

  private void failed(Message<String> message, String consumer, Throwable e) {
    Kind kind = Failures.classify(e);
    if (kind == Kind.TRANSIENT) {
      waits.failed(consumer, e);
    }
    // The class and SQLSTATE only: a database message can quote the record's values.
    Log.warnf("%s: storing the record at %s failed (%s, %s, SQLSTATE %s)", consumer, where(message), kind, e.getClass().getName(),
        Failures.sqlState(e).orElse("none"));
    Log.debugf(e, "%s: failure at %s", consumer, where(message));
  }

  private Uni<Void> deadLetter(Message<String> message, String consumer, Throwable reason) {
    Log.warnf("%s: the record at %s goes to the dead-letter topic: %s", consumer, where(message),
        reason instanceof InvalidEventException ? reason.getMessage() : reason.getClass().getName());
    Metadata headers = Metadata.of(OutgoingKafkaRecordMetadata.builder()
        .withHeaders(List.of(header(CONSUMER_GROUP_HEADER, consumer), header(SERVICE_HEADER, service))).build());
    return Uni.createFrom().completionStage(message.nack(reason, headers));
  }

  private static RecordHeader header(String name, String value) {
    return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private static String where(Message<String> message) {
    return message.getMetadata(IncomingKafkaRecordMetadata.class)
        .map(m -> m.getTopic() + "-" + m.getPartition() + " offset " + m.getOffset()).orElse("(no Kafka metadata)");
  }

  private static Executor onContext(Context context) {
    return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
  }
}
