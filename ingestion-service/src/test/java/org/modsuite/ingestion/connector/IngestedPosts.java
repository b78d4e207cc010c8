package org.modsuite.ingestion.connector;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.modsuite.events.EventJson;
import org.modsuite.events.PostEvent;
import org.modsuite.events.Topics;
import org.modsuite.localstack.KafkaProbe;
import org.modsuite.localstack.LocalStackTestResource;

/** The posts a source published, read back from posts.ingested on the real broker. */
final class IngestedPosts {

  private final KafkaProbe kafka = new KafkaProbe(LocalStackTestResource.shared().bootstrapServers());

  /** Waits up to 60 s until {@code source} has published at least {@code atLeast} posts, then returns all of them. */
  List<PostEvent> of(String source, int atLeast) {
    String marker = "\"sourceName\":\"" + source + "\"";
    await().atMost(Duration.ofSeconds(60)).until(() -> kafka.collect(Topics.POSTS_INGESTED, r -> r.value().contains(marker), atLeast,
        Duration.ofSeconds(2)).size() >= atLeast);
    return kafka.collect(Topics.POSTS_INGESTED, r -> r.value().contains(marker), 1000, Duration.ofSeconds(3)).stream()
        .map(ConsumerRecord::value).map(v -> EventJson.read(v, PostEvent.class)).toList();
  }
}
