package org.modsuite.moderation.repository;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import io.quarkus.logging.Log;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A compacted Kafka topic used as replicated state: every replica reads all its partitions (no consumer group), from
 * the beginning or from a point in time, and keeps following it on a thread of its own, handing each record to
 * {@code apply} (a null value is a tombstone: the key was deleted). {@link #awaitLoaded} tells when the records that
 * existed at start have all been applied. Writes go through the topic, so every replica applies them the same way.
 */
public final class StateTopic implements AutoCloseable {

  private static final String ORIGIN = "modsuite-origin";

  private final String topic;
  private final BiConsumer<String, String> apply;
  private final Duration since;
  private final KafkaConsumer<String, String> consumer;
  /** Asks only for end offsets ({@link #awaitCaughtUp}); the reader's consumer belongs to the reader thread. */
  private final KafkaConsumer<String, String> offsets;
  private final KafkaProducer<String, String> producer;
  private final CountDownLatch loaded = new CountDownLatch(1);
  private final Thread reader;
  private volatile boolean running = true;
  /** Marks this replica's writes, so that {@link #skippingOwnWrites} can recognise them when they come back. */
  private final byte[] origin = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
  private boolean skipOwnWrites;
  private volatile Throwable failure;
  /** partition → offset of the next record to apply; guarded by itself, so that {@link #awaitApplied} can wait on it. */
  private final Map<Integer, Long> appliedUpTo = new java.util.HashMap<>();

  /**
   * @param since read records from this long ago on; null: from the beginning
   */
  public StateTopic(String bootstrapServers, String topic, BiConsumer<String, String> apply, Duration since) {
    this.topic = topic;
    this.apply = apply;
    this.since = since;
    Properties c = new Properties();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.CLIENT_ID_CONFIG, "moderation-state-" + topic);
    this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer());
    c.put(ConsumerConfig.CLIENT_ID_CONFIG, "moderation-state-offsets-" + topic);
    this.offsets = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer());
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "moderation-state-writer-" + topic);
    this.producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    this.reader = new Thread(this::follow, "state-topic-" + topic);
    this.reader.setDaemon(true);
  }

  /**
   * Own writes read back are not applied again: for state the writer already keeps locally (the fingerprints of its
   * own analyses), where parsing every record twice would cost more than the analysis around it. Call before start.
   */
  public StateTopic skippingOwnWrites() {
    skipOwnWrites = true;
    return this;
  }

  public void start() {
    reader.start();
  }

  /** Whether every record that was in the topic at start has been applied, waiting at most {@code timeout}. */
  public boolean awaitLoaded(Duration timeout) throws InterruptedException {
    return loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && failure == null;
  }

  public boolean isLoaded() {
    return loaded.getCount() == 0;
  }

  /** Whether the reader still follows the topic; false after a failure it could not recover from. */
  public boolean isFollowing() {
    return reader.isAlive() && failure == null;
  }

  /** Writes a value, or a tombstone when {@code value} is null. */
  public Future<RecordMetadata> put(String key, String value) {
    ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
    record.headers().add(ORIGIN, origin);
    return producer.send(record, (metadata, e) -> {
      if (e != null) {
        Log.warnf("write of %s to %s failed: %s", key, topic, e.getMessage());
      }
    });
  }

  /**
   * Waits until this replica's reader has applied the record written at {@code written} (read-your-writes: a writer
   * sees its change installed before it answers). False on timeout.
   */
  public boolean awaitApplied(RecordMetadata written, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (appliedUpTo) {
      while (appliedUpTo.getOrDefault(written.partition(), 0L) <= written.offset()) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0 || !isFollowing()) {
          return false;
        }
        appliedUpTo.wait(Math.min(left, 200));
      }
      return true;
    }
  }

  /**
   * Waits until this replica has applied every record that was in the topic when it was called, whoever wrote it
   * (so that a check against the state sees what other replicas wrote before). False on timeout.
   */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<TopicPartition, Long> end;
    synchronized (offsets) {
      List<TopicPartition> partitions = offsets.partitionsFor(topic, timeout).stream().map(info -> new TopicPartition(topic, info.partition())).toList();
      end = offsets.endOffsets(partitions, timeout);
    }
    synchronized (appliedUpTo) {
      while (end.entrySet().stream().anyMatch(e -> appliedUpTo.getOrDefault(e.getKey().partition(), 0L) < e.getValue())) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0 || !isFollowing()) {
          return false;
        }
        appliedUpTo.wait(Math.min(left, 200));
      }
      return true;
    }
  }

  private void follow() {
    try {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      if (partitions.isEmpty()) {
        throw new IllegalStateException("topic " + topic + " does not exist");
      }
      consumer.assign(partitions);
      seekToStart(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long applied = 0;
      while (running) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          applyOne(record);
          applied++;
          synchronized (appliedUpTo) {
            appliedUpTo.put(record.partition(), record.offset() + 1);
            appliedUpTo.notifyAll();
          }
        }
        // The positions too: offsets removed by compaction, or a partition never written, are read past all the same.
        synchronized (appliedUpTo) {
          for (TopicPartition partition : partitions) {
            appliedUpTo.merge(partition.partition(), consumer.position(partition), Math::max);
          }
          appliedUpTo.notifyAll();
        }
        if (loaded.getCount() > 0 && end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
          Log.infof("%s read to its end at start: %d records", topic, applied);
          loaded.countDown();
        }
      }
    } catch (WakeupException e) {
      // close() stops the reader
    } catch (RuntimeException e) {
      failure = e;
      Log.errorf(e, "reading %s failed", topic);
      loaded.countDown(); // let a waiting start-up fail now rather than at its timeout
    } finally {
      consumer.close();
    }
  }

  private void seekToStart(List<TopicPartition> partitions) {
    if (since == null) {
      consumer.seekToBeginning(partitions);
      return;
    }
    long from = Instant.now().minus(since).toEpochMilli();
    Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(partitions.stream().collect(Collectors.toMap(p -> p, p -> from)));
    for (TopicPartition partition : partitions) {
      OffsetAndTimestamp offset = offsets.get(partition);
      if (offset == null) {
        consumer.seekToEnd(List.of(partition)); // nothing that recent
      } else {
        consumer.seek(partition, offset.offset());
      }
    }
  }

  private void applyOne(ConsumerRecord<String, String> record) {
    if (record.key() == null || skipOwnWrites && isOwn(record)) {
      return;
    }
    try {
      apply.accept(record.key(), record.value());
    } catch (RuntimeException e) {
      // One unreadable record must not stop the replica from following the rest.
      Log.warnf("skipped record %s of %s at offset %d: %s", record.key(), topic, record.offset(), e.getMessage());
    }
  }

  private boolean isOwn(ConsumerRecord<String, String> record) {
    Header header = record.headers().lastHeader(ORIGIN);
    return header != null && Arrays.equals(header.value(), origin);
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      reader.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(5));
    synchronized (offsets) {
      offsets.close(Duration.ofSeconds(5));
    }
  }
}
