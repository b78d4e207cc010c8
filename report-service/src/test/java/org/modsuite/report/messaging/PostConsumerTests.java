package org.modsuite.report.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.modsuite.events.EventJson;
import org.modsuite.events.PostEvent;
import org.modsuite.events.PostOp;
import org.modsuite.events.Topics;
import org.modsuite.localstack.KafkaProbe;
import org.modsuite.localstack.LocalStackTestResource;

/** posts.ingested → post: a record PostgreSQL can never store is dead-lettered at once, and its offset committed. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class PostConsumerTests {

  private final KafkaProbe kafka = new KafkaProbe(LocalStackTestResource.shared().bootstrapServers());

  private static String post(String postUid, String sourceId) {
    Instant now = Instant.now();
    return EventJson.write(new PostEvent(UUID.randomUUID(), PostEvent.TYPE, PostEvent.SCHEMA_VERSION, now, postUid, "test", sourceId, null,
        "someone", "hello", "en", now, null, null, null, null, PostOp.values()[0], now));
  }

  @Test
  void aPostWithNulGoesToTheDeadLetterTopicAtOnceNamingFieldAndConsumerAndItsOffsetIsCommitted() throws Exception {
    String key = "test:" + UUID.randomUUID();
    String withNul = post(key, "\u0000nul");
    kafka.send(Topics.POSTS_INGESTED, key, withNul);
    String secondKey = key; // the same key: the same partition, after the first
    kafka.send(Topics.POSTS_INGESTED, secondKey, post(key, "ok").replace("\"hello\"", "\"a\\u0000b\""));

    var first = kafka.await(Topics.deadLetter(Topics.POSTS_INGESTED),
        r -> key.equals(r.key()) && "report-service-posts".equals(KafkaProbe.header(r, "dead-letter-consumer-group"))
            && KafkaProbe.header(r, "dead-letter-reason").contains("/sourceId"), Duration.ofSeconds(30));
    assertThat(first.value()).isEqualTo(withNul);
    assertThat(KafkaProbe.header(first, "dead-letter-reason")).contains("U+0000");
    assertThat(KafkaProbe.header(first, "dead-letter-service")).isEqualTo("report-service");
    // the next record of the partition is not held up behind it
    var second = kafka.await(Topics.deadLetter(Topics.POSTS_INGESTED),
        r -> key.equals(r.key()) && "report-service-posts".equals(KafkaProbe.header(r, "dead-letter-consumer-group"))
            && KafkaProbe.header(r, "dead-letter-reason").contains("/text"), Duration.ofSeconds(30));

    // committed past both, so that a restart does not read them again
    TopicPartition partition = new TopicPartition(Topics.POSTS_INGESTED, Integer.parseInt(KafkaProbe.header(second, "dead-letter-partition")));
    long secondOffset = Long.parseLong(KafkaProbe.header(second, "dead-letter-offset"));
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackTestResource.shared().bootstrapServers()))) {
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        OffsetAndMetadata committed = admin.listConsumerGroupOffsets("report-service-posts").partitionsToOffsetAndMetadata().get().get(partition);
        assertThat(committed).isNotNull();
        assertThat(committed.offset()).isGreaterThan(secondOffset);
      });
    }
  }
}
