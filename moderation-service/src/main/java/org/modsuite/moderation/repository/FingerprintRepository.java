package org.modsuite.moderation.repository;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

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
    topic.put(postUid, encode(fingerprint));
  }

  /**
   * {@code <exact>|<MinHash as Base64 of big-endian ints>|<framing,…>}: every post's fingerprint is written, and every
   * other replica reads it, so the form is compact and cheap to write and read (JSON was most of the cost).
   */
  static String encode(ContentFingerprint fingerprint) {
    String minHash = "";
    if (fingerprint.minHash() != null) {
      ByteBuffer bytes = ByteBuffer.allocate(fingerprint.minHash().length * Integer.BYTES);
      bytes.asIntBuffer().put(fingerprint.minHash());
      minHash = Base64.getEncoder().encodeToString(bytes.array());
    }
    return fingerprint.exact() + "|" + minHash + "|" + String.join(",", fingerprint.framing());
  }

  /** The fingerprint {@link #encode} wrote; a JSON one from before that form is read too. */
  static ContentFingerprint decode(String value, ObjectMapper json) throws JsonProcessingException {
    if (value.startsWith("{")) {
      return json.readValue(value, ContentFingerprint.class);
    }
    String[] parts = value.split("\\|", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("not a fingerprint: " + parts.length + " parts");
    }
    int[] minHash = null;
    if (!parts[1].isEmpty()) {
      IntBuffer ints = ByteBuffer.wrap(Base64.getDecoder().decode(parts[1])).asIntBuffer();
      minHash = new int[ints.remaining()];
      ints.get(minHash);
    }
    return new ContentFingerprint(parts[0], minHash, parts[2].isEmpty() ? Set.of() : Set.of(parts[2].split(",")));
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
      cache.put(postUid, decode(value, json));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a fingerprint: " + e.getOriginalMessage(), e);
    }
  }

  @PreDestroy
  public void close() {
    topic.close();
  }
}
