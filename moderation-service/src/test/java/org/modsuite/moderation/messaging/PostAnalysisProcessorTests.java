package org.modsuite.moderation.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.modsuite.events.AnalysisEvent;
import org.modsuite.events.Decision;
import org.modsuite.events.EventJson;
import org.modsuite.events.PostEvent;
import org.modsuite.events.PostOp;
import org.modsuite.events.Topics;
import org.modsuite.localstack.KafkaProbe;
import org.modsuite.localstack.LocalStackTestResource;

/** posts.ingested → posts.analysed on the real broker, and the dead-letter path. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class PostAnalysisProcessorTests {

  private final KafkaProbe kafka = new KafkaProbe(LocalStackTestResource.shared().bootstrapServers());

  static PostEvent post(String postUid, String text) {
    Instant now = Instant.now();
    return new PostEvent(UUID.randomUUID(), PostEvent.TYPE, PostEvent.SCHEMA_VERSION, now, postUid, "test", postUid.substring(5), null, "a1:00",
        text, "en", now, null, null, null, "tests", PostOp.CREATE, now);
  }

  @Test
  void anIngestedPostIsAnalysedAndPublishedUnderItsPostUid() {
    String postUid = "test:" + UUID.randomUUID();
    kafka.send(Topics.POSTS_INGESTED, postUid, EventJson.write(post(postUid, "Migrants are parasites and must go")));

    ConsumerRecord<String, String> record = kafka.await(Topics.POSTS_ANALYSED, r -> postUid.equals(r.key()), Duration.ofSeconds(30));
    AnalysisEvent analysis = EventJson.read(record.value(), AnalysisEvent.class);
    assertThat(analysis.decision()).isEqualTo(Decision.REMOVE);
    assertThat(analysis.scores()).containsKeys("hate", "incitement", "dehumanisation", "threat", "insult");
    assertThat(analysis.reasons()).isNotEmpty();
  }

  @Test
  void aPoisonRecordGoesToTheDeadLetterTopicWithTheReasonAndTheNextRecordFlows() {
    String poisonKey = "poison-" + UUID.randomUUID();
    kafka.send(Topics.POSTS_INGESTED, poisonKey, "{\"eventType\":\"PostEvent\", this is not json");
    String nextUid = "test:" + UUID.randomUUID();
    kafka.send(Topics.POSTS_INGESTED, nextUid, EventJson.write(post(nextUid, "A quiet day at the harbour")));

    ConsumerRecord<String, String> dead = kafka.await(Topics.deadLetter(Topics.POSTS_INGESTED), r -> poisonKey.equals(r.key()), Duration.ofSeconds(30));
    assertThat(dead.value()).isEqualTo("{\"eventType\":\"PostEvent\", this is not json");
    assertThat(KafkaProbe.header(dead, "dead-letter-reason")).contains("invalid PostEvent");
    assertThat(KafkaProbe.header(dead, "dead-letter-consumer-group")).isEqualTo("moderation-service");
    assertThat(KafkaProbe.header(dead, "dead-letter-service")).isEqualTo("moderation-service");
    assertThat(kafka.await(Topics.POSTS_ANALYSED, r -> nextUid.equals(r.key()), Duration.ofSeconds(30))).isNotNull();
  }

  @Test
  void aPostWithNulGoesToTheDeadLetterTopicNamingTheFieldAndTheNextRecordFlows() {
    String nulUid = "test:" + UUID.randomUUID();
    String withNul = EventJson.write(post(nulUid, "hello \u0000 world"));
    assertThat(withNul).contains("\\u0000");
    kafka.send(Topics.POSTS_INGESTED, nulUid, withNul);
    String nextUid = "test:" + UUID.randomUUID();
    kafka.send(Topics.POSTS_INGESTED, nextUid, EventJson.write(post(nextUid, "A quiet day at the harbour")));

    ConsumerRecord<String, String> dead = kafka.await(Topics.deadLetter(Topics.POSTS_INGESTED),
        r -> nulUid.equals(r.key()) && "moderation-service".equals(KafkaProbe.header(r, "dead-letter-consumer-group")), Duration.ofSeconds(30));
    assertThat(dead.value()).isEqualTo(withNul);
    assertThat(KafkaProbe.header(dead, "dead-letter-reason")).contains("/text").contains("U+0000");
    assertThat(kafka.await(Topics.POSTS_ANALYSED, r -> nextUid.equals(r.key()), Duration.ofSeconds(30))).isNotNull();
  }
}
