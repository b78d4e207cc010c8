package org.modsuite.report.messaging;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.modsuite.events.PostEvent;
import org.modsuite.report.repository.PostRepository;

/**
 * posts.ingested → the post table, so that a case shows the post and a removal keeps its evidence. Idempotent by
 * version (a redelivered or older version changes nothing); a record that can never be stored goes to
 * posts.ingested.dlq, and a database outage is waited out ({@link StoredRecords}).
 */
@ApplicationScoped
public class PostConsumer {

  private final PostRepository posts;
  private final StoredRecords records;
  private final String group;

  public PostConsumer(PostRepository posts, StoredRecords records, @ConfigProperty(name = "mp.messaging.incoming.posts-in.group.id") String group) {
    this.posts = posts;
    this.records = records;
    this.group = group;
  }

  @Incoming("posts-in")
  public Uni<Void> consume(Message<String> message) {
    return records.store(message, group, PostEvent.class,
        post -> Panache.withTransaction(() -> posts.upsert(post, Instant.now())).replaceWithVoid());
  }
}
