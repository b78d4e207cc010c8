package org.modsuite.localstack.suite;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** For the benchmarks: reads a topic from its current end and counts the records that arrive. */
final class TopicTail {

  private TopicTail() {
  }

  /** A consumer of every partition of the topic, positioned at the end before anything is sent. */
  static KafkaConsumer<String, String> atEnd(String bootstrapServers, String topic) {
    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer());
    Set<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition())).collect(Collectors.toSet());
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // fix the start before the first record is sent
    return consumer;
  }

  /** Counts records whose key matches until {@code expected} arrived or the time is up. */
  static long count(KafkaConsumer<String, String> consumer, Predicate<String> key, int expected, Duration timeout) {
    long count = 0;
    long deadline = System.nanoTime() + timeout.toNanos();
    while (count < expected && System.nanoTime() < deadline) {
      for (var record : consumer.poll(Duration.ofMillis(200))) {
        if (record.key() != null && key.test(record.key())) {
          count++;
        }
      }
    }
    return count;
  }
}
