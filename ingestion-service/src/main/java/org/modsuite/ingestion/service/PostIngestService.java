package org.modsuite.ingestion.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import org.modsuite.events.PostEvent;
import org.modsuite.events.PostOp;
import org.modsuite.ingestion.config.IngestionConfig;
import org.modsuite.ingestion.messaging.PostPublisher;
import org.modsuite.ingestion.rest.IngestResult;
import org.modsuite.ingestion.rest.PostRequest;

/** Turns validated pushed posts into canonical PostEvents and publishes each one not published before. */
@ApplicationScoped
public class PostIngestService {

  private final PostPublisher publisher;
  private final AuthorPseudonymiser pseudonymiser;
  private final RecentPosts recent;
  private final Clock clock;
  private final Counter accepted;
  private final Counter duplicates;

  public PostIngestService(PostPublisher publisher, IngestionConfig config, MeterRegistry registry) {
    this.publisher = publisher;
    this.pseudonymiser = new AuthorPseudonymiser(config.pseudonymKey());
    this.recent = new RecentPosts(config.recentPostsCapacity());
    this.clock = Clock.systemUTC();
    this.accepted = registry.counter("modsuite.posts.ingested", "status", "accepted");
    this.duplicates = registry.counter("modsuite.posts.ingested", "status", "duplicate");
  }

  /**
   * Hands every post to the producer at once, in request order (the idempotent producer keeps that order per
   * partition), and answers when Kafka has acknowledged all of them. Waiting for each acknowledgement before the next
   * send would cap a batch at one round trip per post.
   */
  public Uni<IngestResult> ingest(List<PostRequest> posts) {
    return Multi.createFrom().range(0, posts.size())
        .onItem().transformToUni(i -> ingestOne(i, posts.get(i))).merge(IN_FLIGHT)
        .collect().asList()
        .map(items -> IngestResult.of(items.stream().sorted(java.util.Comparator.comparingInt(IngestResult.Item::index)).toList()));
  }

  /** Posts of one request awaiting acknowledgement at once; subscription follows request order. */
  private static final int IN_FLIGHT = 1024;

  private Uni<IngestResult.Item> ingestOne(int index, PostRequest request) {
    PostEvent post = toEvent(request);
    int fingerprint = RecentPosts.fingerprint(post.op().wireName(), post.postVersion(), post.text());
    if (!recent.claim(post.postUid(), fingerprint)) {
      duplicates.increment();
      Log.debugf("dropped duplicate push of %s", post.postUid());
      return Uni.createFrom().item(new IngestResult.Item(index, post.postUid(), IngestResult.Status.DUPLICATE));
    }
    return publisher.publish(post).onFailure().invoke(() -> recent.release(post.postUid(), fingerprint)).map(ignored -> {
      accepted.increment();
      Log.debugf("published %s (%s) as event %s", post.postUid(), post.op().wireName(), post.eventId());
      return new IngestResult.Item(index, post.postUid(), IngestResult.Status.ACCEPTED);
    });
  }

  PostEvent toEvent(PostRequest r) {
    Instant now = clock.instant();
    PostOp op = r.effectiveOp();
    String text = op == PostOp.DELETE ? "" : r.text();
    return new PostEvent(UUID.randomUUID(), PostEvent.TYPE, PostEvent.SCHEMA_VERSION, now, r.effectivePostUid(), r.platform(), r.sourceId(), r.url(),
        pseudonymiser.pseudonymise(r.platform(), r.authorId()), text, r.language(), r.createdAt(), r.editedAt(), r.parentUid(), r.threadUid(),
        r.sourceName(), op, now);
  }
}
