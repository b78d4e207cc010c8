package org.modsuite.moderation.repository;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.modsuite.events.Topics;
import org.modsuite.moderation.config.ModerationConfig;
import org.modsuite.moderation.service.BankEntry;
import org.modsuite.moderation.service.BankMatch;
import org.modsuite.moderation.service.ContentFingerprint;
import org.modsuite.moderation.service.EquivalentContentBank;

/**
 * The equivalent-content bank, persisted in the compacted topic {@code moderation.bank} (key postUid, value a
 * {@link BankEntry} as JSON, a tombstone when the post is restored). Every replica reads the whole topic before it
 * starts (the constructor blocks until then, or fails the start-up), then follows it, so that a removal banked by one
 * replica is matched by all.
 */
@ApplicationScoped
@Startup
public class BankRepository {

  private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

  private final EquivalentContentBank bank = new EquivalentContentBank();
  private final ObjectMapper json;
  private final StateTopic topic;

  public BankRepository(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, ModerationConfig config, ObjectMapper json)
      throws InterruptedException {
    this.json = json;
    this.topic = new StateTopic(bootstrapServers, Topics.MODERATION_BANK, this::apply, null);
    topic.start();
    if (!topic.awaitLoaded(config.bank().loadTimeout())) {
      topic.close();
      throw new IllegalStateException(Topics.MODERATION_BANK + " could not be read within " + config.bank().loadTimeout());
    }
    Log.infof("equivalent-content bank loaded: %d removed posts", bank.size());
  }

  /** See {@link EquivalentContentBank#match}. */
  public List<BankMatch> match(ContentFingerprint text, double nearThreshold) {
    return bank.match(text, nearThreshold);
  }

  /** Banks a removed post; returns once Kafka has the entry. Every replica, this one included, applies it from the topic. */
  public void store(String postUid, String decisionId, ContentFingerprint fingerprint) {
    try {
      write(postUid, json.writeValueAsString(new BankEntry(postUid, decisionId, fingerprint, Instant.now())));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Forgets a restored post: a tombstone, so that compaction drops its entry too. */
  public void delete(String postUid) {
    write(postUid, null);
  }

  public int size() {
    return bank.size();
  }

  public boolean isFollowing() {
    return topic.isLoaded() && topic.isFollowing();
  }

  private void write(String postUid, String value) {
    try {
      topic.put(postUid, value).get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing to " + Topics.MODERATION_BANK, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("writing to " + Topics.MODERATION_BANK + " failed: " + e.getMessage(), e);
    }
  }

  private void apply(String postUid, String value) {
    if (value == null) {
      bank.remove(postUid);
      return;
    }
    try {
      bank.put(json.readValue(value, BankEntry.class));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a bank entry: " + e.getOriginalMessage(), e);
    }
  }

  @PreDestroy
  public void close() {
    topic.close();
  }
}
