package org.modsuite.moderation.repository;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.runtime.Startup;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.modsuite.events.Topics;
import org.modsuite.moderation.config.ModerationConfig;
import org.modsuite.moderation.service.ContentFingerprint;

/**
 * postUid → fingerprints of recently analysed posts, so that a removal action (which carries no text) can be banked.
 * A bounded Caffeine cache per replica, fed by this replica's analyses and by the compacted topic
 * {@code moderation.fingerprints}, which every replica writes and follows: a removal is matched whichever replica
 * analysed the post. At start the topic is read from {@code fingerprint-ttl} ago, in the background (not awaited).
 */
@ApplicationScoped
@Startup
public class FingerprintRepository {

  private static final Duration POLL = Duration.ofMillis(100);

  private final Cache<String, ContentFingerprint> cache;
  private final ObjectMapper json;
  private final StateTopic topic;

  public FingerprintRepository(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, ModerationConfig config,
      ObjectMapper json) {
    this.json = json;
    this.cache = Caffeine.newBuilder().maximumSize(config.bank().fingerprintCacheSize()).expireAfterWrite(config.bank().fingerprintTtl()).build();
    this.topic = new StateTopic(bootstrapServers, Topics.MODERATION_FINGERPRINTS, this::apply, config.bank().fingerprintTtl()).skippingOwnWrites();
    topic.start();
  }

  /** Keeps the fingerprints here at once, and publishes them for the other replicas (asynchronously). */
  public void remember(String postUid, ContentFingerprint fingerprint) {
    cache.put(postUid, fingerprint);
    try {
      topic.put(postUid, json.writeValueAsString(fingerprint));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The post's fingerprints, waiting up to {@code wait} for them to arrive from another replica. */
  public Optional<ContentFingerprint> find(String postUid, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    ContentFingerprint found = cache.getIfPresent(postUid);
    while (found == null && System.nanoTime() < deadline) {
      Thread.sleep(POLL.toMillis());
      found = cache.getIfPresent(postUid);
    }
    return Optional.ofNullable(found);
  }

  private void apply(String postUid, String value) {
    if (value == null) {
      cache.invalidate(postUid);
      return;
    }
    try {
      cache.put(postUid, json.readValue(value, ContentFingerprint.class));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a fingerprint: " + e.getOriginalMessage(), e);
    }
  }

  @PreDestroy
  public void close() {
    topic.close();
  }
}
