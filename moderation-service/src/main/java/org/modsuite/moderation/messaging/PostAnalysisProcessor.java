package org.modsuite.moderation.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.modsuite.events.AnalysisEvent;
import org.modsuite.events.EventJson;
import org.modsuite.events.NulCharacters;
import org.modsuite.events.PostEvent;
import org.modsuite.events.PostOp;
import org.modsuite.moderation.config.ModerationConfig;
import org.modsuite.moderation.repository.FingerprintRepository;
import org.modsuite.moderation.service.Analysis;
import org.modsuite.moderation.service.AnalysisService;

/**
 * posts.ingested → posts.analysed, a polled batch at a time: the per-record cost of the reactive pipeline (a hop to
 * a worker and back, an acknowledgement) was as large as the analysis. The posts of a batch are analysed side by side
 * on {@code analysis-threads} threads; report-service keeps the newest version of a post whatever order analyses
 * arrive in. A batch is acknowledged (its offsets committed) only after Kafka has acknowledged every analysis and
 * dead letter written for it, and the next batch starts then, so at most one batch is in flight. If one of those
 * writes fails, the batch is not acknowledged and the channel fails (failure-strategy=fail), so that its records are
 * consumed again. A record that is not a valid PostEvent, or whose analysis fails, goes to posts.ingested.dlq with
 * the reason; the rest of its batch flows.
 */
@ApplicationScoped
public class PostAnalysisProcessor {

  static final String DEAD_LETTER_REASON = "dead-letter-reason";
  /** report-service dead-letters posts.ingested into the same topic: these name who did. */
  static final String CONSUMER_GROUP_HEADER = "dead-letter-consumer-group";
  static final String SERVICE_HEADER = "dead-letter-service";

  private final AnalysisService analysis;
  private final FingerprintRepository fingerprints;
  private final MutinyEmitter<String> analyses;
  private final MutinyEmitter<String> deadLetters;
  private final ExecutorService analysers;
  private final String group;
  private final String service;

  public PostAnalysisProcessor(AnalysisService analysis, FingerprintRepository fingerprints, ModerationConfig config,
      @Channel("analyses-out") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 8192) MutinyEmitter<String> analyses,
      @Channel("posts-dead-out") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024) MutinyEmitter<String> deadLetters,
      @ConfigProperty(name = "mp.messaging.incoming.posts-in.group.id") String group,
      @ConfigProperty(name = "quarkus.application.name") String service) {
    this.group = group;
    this.service = service;
    this.analysis = analysis;
    this.fingerprints = fingerprints;
    this.analyses = analyses;
    this.deadLetters = deadLetters;
    int threads = config.analysisThreads().orElse(Runtime.getRuntime().availableProcessors());
    AtomicInteger number = new AtomicInteger();
    this.analysers = Executors.newFixedThreadPool(threads, task -> {
      Thread thread = new Thread(task, "post-analysis-" + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  @PreDestroy
  void close() {
    analysers.shutdownNow();
  }

  @Incoming("posts-in")
  @Blocking
  public Uni<Void> analyse(KafkaRecordBatch<String, String> batch) throws InterruptedException {
    List<Callable<Uni<Void>>> analyses = batch.getRecords().stream().<Callable<Uni<Void>>>map(record -> () -> analyse(record)).toList();
    List<Uni<Void>> written = new ArrayList<>(analyses.size());
    for (Future<Uni<Void>> analysed : analysers.invokeAll(analyses)) {
      Uni<Void> write = done(analysed);
      if (write != null) {
        written.add(write);
      }
    }
    Uni<Void> all = written.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(written).andFailFast().replaceWithVoid();
    return all.onItem().transformToUni(v -> Uni.createFrom().completionStage(batch.ack()))
        .onFailure().recoverWithUni(e -> Uni.createFrom().completionStage(batch.nack(e)));
  }

  private static Uni<Void> done(Future<Uni<Void>> analysed) throws InterruptedException {
    try {
      return analysed.get();
    } catch (ExecutionException e) { // analyse() turns every failure into a dead letter: this is a bug
      throw new IllegalStateException(e.getCause());
    }
  }

  /** The write of the record's analysis or dead letter; null for a delete, which has nothing to analyse. */
  private Uni<Void> analyse(KafkaRecord<String, String> record) {
    PostEvent post;
    try {
      // report-service cannot store a post with U+0000: analysing it would give a case without its post
      NulCharacters.refuse(record.getPayload(), PostEvent.class);
      post = EventJson.read(record.getPayload(), PostEvent.class);
    } catch (RuntimeException e) {
      return deadLetter(record, e);
    }
    if (post.op() == PostOp.DELETE) {
      Log.debugf("skipped delete of %s", post.postUid());
      return null;
    }
    try {
      Analysis result = analysis.analyse(post.text(), post.language());
      fingerprints.remember(post.postUid(), result.fingerprint()); // so that a later removal action can bank it
      Instant now = Instant.now();
      AnalysisEvent event = new AnalysisEvent(eventId(post, result), AnalysisEvent.TYPE, AnalysisEvent.SCHEMA_VERSION, now, post.postUid(),
          post.postVersion(), result.language(), result.scores(), result.decision(), result.reasons(), result.equivalentTo(),
          result.modelVersion(), result.rulesVersion(), result.policyVersion(), now, result.latencyMs());
      Log.debugf("analysed %s: %s", post.postUid(), result.decision().wireName());
      return analyses.sendMessage(Message.of(EventJson.write(event))
          .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(post.postUid()).build()));
    } catch (RuntimeException e) {
      // the post's uid can name its author (a Mastodon URL): the record's place identifies it in the log
      Log.errorf(e, "analysis of the record at %s-%d offset %d failed", record.getTopic(), record.getPartition(), offset(record));
      return deadLetter(record, e);
    }
  }

  /** The record unchanged, under its key, with the reason and where it came from in headers. */
  private Uni<Void> deadLetter(KafkaRecord<String, String> record, RuntimeException reason) {
    Log.warnf("record at %s-%d offset %d goes to the dead-letter topic: %s", record.getTopic(), record.getPartition(), offset(record),
        reason.getMessage());
    return deadLetters.sendMessage(Message.of(record.getPayload()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
        .withKey(record.getKey())
        .addHeaders(header(DEAD_LETTER_REASON, String.valueOf(reason.getMessage())),
            header("dead-letter-exception-class-name", reason.getClass().getName()),
            header("dead-letter-topic", record.getTopic()),
            header("dead-letter-partition", Integer.toString(record.getPartition())),
            header("dead-letter-offset", Long.toString(offset(record))),
            header(CONSUMER_GROUP_HEADER, group),
            header(SERVICE_HEADER, service))
        .build()));
  }

  private static long offset(KafkaRecord<String, String> record) {
    return record.getMetadata(IncomingKafkaRecordMetadata.class).map(m -> m.getOffset()).orElse(-1L);
  }

  private static RecordHeader header(String name, String value) {
    return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
  }

  /** The same post event analysed by the same versions gives the same event id, so redeliveries are recognisable downstream. */
  static UUID eventId(PostEvent post, Analysis result) {
    String identity = post.eventId() + "|" + result.modelVersion() + "|" + result.rulesVersion() + "|" + result.policyVersion();
    return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8));
  }
}
