package org.modsuite.report.messaging;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.modsuite.events.EventJson;
import org.modsuite.events.PostEvent;
import org.modsuite.report.repository.PostRepository;

/**
 * posts.ingested → the post table, so that a case shows the post and a removal keeps its evidence. Idempotent by
 * version (a redelivered or older version changes nothing); an unparseable record goes to posts.ingested.dlq.
 */
@ApplicationScoped
public class PostConsumer {

  private final PostRepository posts;

  public PostConsumer(PostRepository posts) {
    this.posts = posts;
  }

  @Incoming("posts-in")
  public Uni<Void> consume(String json) {
    PostEvent post = EventJson.read(json, PostEvent.class);
    return Panache.withTransaction(() -> posts.upsert(post, Instant.now())).replaceWithVoid()
        .onFailure().invoke(e -> Log.warnf("storing post event %s failed, retrying: %s", post.eventId(), e.getMessage()))
        .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).expireIn(AnalysisConsumer.RETRY_FOR.toMillis());
  }
}
