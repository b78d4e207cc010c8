package org.modsuite.moderation.repository;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.modsuite.events.Topics;
import org.modsuite.moderation.config.ModerationConfig;
import org.modsuite.moderation.service.ShadowCount;

/**
 * Every replica's shadow rule counts, in the compacted topic {@code moderation.shadow-counts}: key
 * {@link ShadowCount#key() replica|lang|rule|rule version}, value that replica's cumulative {@link ShadowCount}; a
 * tombstone once the rule version is no longer in shadow. Every replica reads the whole topic before it starts (so
 * that a restarted replica continues its own counts) and follows it, so that it can sum all replicas' counts.
 */
@ApplicationScoped
@Startup
public class ShadowCountRepository {

  private final ObjectMapper json;
  private final StateTopic topic;
  private final Map<String, ShadowCount> counts = new ConcurrentHashMap<>();

  @Inject
  public ShadowCountRepository(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, ModerationConfig config, ObjectMapper json)
      throws InterruptedException {
    this(bootstrapServers, config.rules().loadTimeout(), json);
  }

  /** Reads the topic to its end before it returns; then follows it. */
  public ShadowCountRepository(String bootstrapServers, Duration loadTimeout, ObjectMapper json) throws InterruptedException {
    this.json = json;
    this.topic = new StateTopic(bootstrapServers, Topics.MODERATION_SHADOW_COUNTS, this::apply, null);
    topic.start();
    if (!topic.awaitLoaded(loadTimeout)) {
      topic.close();
      throw new IllegalStateException(Topics.MODERATION_SHADOW_COUNTS + " could not be read within " + loadTimeout);
    }
  }

  /** Publishes a replica's counts for one rule version, replacing its earlier ones. */
  public Future<RecordMetadata> save(ShadowCount count) {
    try {
      return topic.put(count.key(), json.writeValueAsString(count));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write shadow count " + count.key(), e);
    }
  }

  /** Deletes the counts stored under {@code key} (a tombstone). */
  public Future<RecordMetadata> delete(String key) {
    return topic.put(key, null);
  }

  /** Every replica's counts as this replica has read them. */
  public List<ShadowCount> all() {
    return List.copyOf(counts.values());
  }

  /** Every replica's counts of one rule version. */
  public List<ShadowCount> of(String language, String ruleId, String ruleVersion) {
    String ruleKey = ShadowCount.ruleKey(language, ruleId, ruleVersion);
    return counts.values().stream().filter(c -> c.ruleKey().equals(ruleKey)).toList();
  }

  public Optional<ShadowCount> get(String key) {
    return Optional.ofNullable(counts.get(key));
  }

  public boolean isFollowing() {
    return topic.isLoaded() && topic.isFollowing();
  }

  private void apply(String key, String value) {
    if (value == null) {
      counts.remove(key);
      return;
    }
    try {
      counts.put(key, json.readValue(value, ShadowCount.class));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a shadow count: " + e.getOriginalMessage(), e);
    }
  }

  @PreDestroy
  public void close() {
    topic.close();
  }
}
