package org.modsuite.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients for tests: send a record as any producer would, and read a topic from the start. */
public final class KafkaProbe {

  private final String bootstrapServers;

  public KafkaProbe(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  public void send(String topic, String key, String value) {
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("sending to " + topic + " failed", e);
    }
  }

  /** Reads the topic from its beginning until a record matches, or fails after the timeout. */
  public ConsumerRecord<String, String> await(String topic, Predicate<ConsumerRecord<String, String>> matches, Duration timeout) {
    List<ConsumerRecord<String, String>> found = collect(topic, matches, 1, timeout);
    if (found.isEmpty()) {
      throw new AssertionError("no matching record on " + topic + " within " + timeout.toSeconds() + " s");
    }
    return found.get(0);
  }

  /** All matching records seen on the topic within the time window, reading from the beginning. */
  public List<ConsumerRecord<String, String>> collect(String topic, Predicate<ConsumerRecord<String, String>> matches, int stopAfter,
      Duration window) {
    List<ConsumerRecord<String, String>> found = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + window.toNanos();
      while (System.nanoTime() < deadline && found.size() < stopAfter) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> {
          if (matches.test(r)) {
            found.add(r);
          }
        });
      }
    }
    return found;
  }

  /** A header's value as text, or null. */
  public static String header(ConsumerRecord<String, String> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
  }
}
