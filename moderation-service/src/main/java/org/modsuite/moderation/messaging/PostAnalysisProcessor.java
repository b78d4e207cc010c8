package org.modsuite.moderation.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.Record;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.modsuite.events.AnalysisEvent;
import org.modsuite.events.EventJson;
import org.modsuite.events.PostEvent;
import org.modsuite.events.PostOp;
import org.modsuite.moderation.service.Analysis;
import org.modsuite.moderation.repository.FingerprintRepository;
import org.modsuite.moderation.service.AnalysisService;

/**
 * posts.ingested → posts.analysed. The incoming record is acknowledged (its offset committed) only after Kafka has
 * acknowledged the analysis; a record that is not a valid PostEvent goes to posts.ingested.dlq with the reason.
 */
@ApplicationScoped
public class PostAnalysisProcessor {

  private final AnalysisService analysis;
  private final FingerprintRepository fingerprints;

  public PostAnalysisProcessor(AnalysisService analysis, FingerprintRepository fingerprints) {
    this.analysis = analysis;
    this.fingerprints = fingerprints;
  }

  @Incoming("posts-in")
  @Outgoing("analyses-out")
  // Analysis is CPU work, on worker threads, several at once: report-service keeps the newest version of a post
  // whatever order analyses arrive in, and offsets are still committed only up to the oldest unacknowledged record.
  @Blocking(ordered = false)
  public Record<String, String> analyse(String json) {
    PostEvent post = EventJson.read(json, PostEvent.class);
    if (post.op() == PostOp.DELETE) {
      Log.debugf("skipped delete of %s", post.postUid());
      return null; // acknowledged and skipped: there is nothing to analyse
    }
    Analysis result = analysis.analyse(post.text(), post.language());
    fingerprints.remember(post.postUid(), result.fingerprint()); // so that a later removal action can bank it
    Instant now = Instant.now();
    AnalysisEvent event = new AnalysisEvent(eventId(post, result), AnalysisEvent.TYPE, AnalysisEvent.SCHEMA_VERSION, now, post.postUid(),
        post.postVersion(), result.language(), result.scores(), result.decision(), result.reasons(), result.equivalentTo(), result.modelVersion(),
        result.rulesVersion(), result.policyVersion(), now, result.latencyMs());
    Log.debugf("analysed %s: %s", post.postUid(), result.decision().wireName());
    return Record.of(post.postUid(), EventJson.write(event));
  }

  /** The same post event analysed by the same versions gives the same event id, so redeliveries are recognisable downstream. */
  static UUID eventId(PostEvent post, Analysis result) {
    String identity = post.eventId() + "|" + result.modelVersion() + "|" + result.rulesVersion() + "|" + result.policyVersion();
    return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8));
  }
}
