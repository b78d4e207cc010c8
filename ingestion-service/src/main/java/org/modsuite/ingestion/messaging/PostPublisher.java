package org.modsuite.ingestion.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.modsuite.events.EventJson;
import org.modsuite.events.PostEvent;

/** Publishes canonical posts to {@code posts.ingested}, keyed by postUid so that all versions of a post stay in order. */
@ApplicationScoped
public class PostPublisher {

  private final MutinyEmitter<String> posts;

  public PostPublisher(@Channel("posts-out") MutinyEmitter<String> posts) {
    this.posts = posts;
  }

  /** Completes when Kafka has acknowledged the record (acks=all, idempotent producer), fails otherwise. */
  public Uni<Void> publish(PostEvent post) {
    Message<String> message = Message.of(EventJson.write(post))
        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(post.postUid()).build());
    return posts.sendMessage(message);
  }
}
