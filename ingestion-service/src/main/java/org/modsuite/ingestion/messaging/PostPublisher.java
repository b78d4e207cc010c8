package org.modsuite.ingestion.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.modsuite.events.EventJson;
import org.modsuite.events.PostEvent;

/** Publishes canonical posts to {@code posts.ingested}, keyed by postUid so that all versions of a post stay in order. */
@ApplicationScoped
public class PostPublisher {

  private final MutinyEmitter<String> posts;

  /**
   * Imports keep a few batches of 500 in flight and pushes may arrive concurrently: more records than the Kafka sink
   * requests at once (max-inflight-messages, 1024) wait in this buffer instead of failing the send.
   */
  public PostPublisher(@Channel("posts-out") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16_384) MutinyEmitter<String> posts) {
    this.posts = posts;
  }

  /** Completes when Kafka has acknowledged the record (acks=all, idempotent producer), fails otherwise. */
  public Uni<Void> publish(PostEvent post) {
    Message<String> message = Message.of(EventJson.write(post))
        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(post.postUid()).build());
    return posts.sendMessage(message);
  }
}
