package org.modsuite.moderation.repository;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.modsuite.events.Topics;
import org.modsuite.moderation.config.ModerationConfig;
import org.modsuite.moderation.service.PolicyBook;
import org.modsuite.moderation.service.PolicyRevision;
import org.modsuite.moderation.service.RuleBook;
import org.modsuite.moderation.service.RuleSetRevision;

/**
 * Every version of the rule sets and of the policy, in the compacted topic {@code moderation.rules}: key
 * {@code rules:<lang>@<version>} (a {@link RuleSetRevision}) and {@code policy@<version>} (a {@link PolicyRevision})
 * for the history, and {@code rules:<lang>} and {@code policy} for the current one, holding the whole revision too
 * (keys may land on different partitions, so a pointer must not need another record). Every replica reads the whole
 * topic before it starts (the constructor blocks until then, or fails the start-up) and follows it, installing each
 * current set through the listener: all replicas converge on the last one written, and a restart keeps it.
 */
@ApplicationScoped
@Startup
public class RuleRepository {

  /** Told of every current rule set and policy read from the topic, in topic order. */
  public interface Listener {

    void rules(RuleSetRevision revision);

    void policy(PolicyRevision revision);
  }

  private static final String RULES = "rules:";
  private static final String POLICY = "policy";

  private final ObjectMapper json;
  private final Listener listener;
  private final Duration writeTimeout;
  private final StateTopic topic;
  /** language → version → revision; and the current one per language. */
  private final Map<String, Map<String, RuleSetRevision>> ruleSets = new ConcurrentHashMap<>();
  private final Map<String, RuleSetRevision> currentRules = new ConcurrentHashMap<>();
  private final Map<String, PolicyRevision> policies = new ConcurrentHashMap<>();
  private volatile PolicyRevision currentPolicy;

  @Inject
  public RuleRepository(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, ModerationConfig config, ObjectMapper json,
      RuleBook rules, PolicyBook policy) throws InterruptedException {
    this(bootstrapServers, config.rules().loadTimeout(), config.rules().writeTimeout(), json, new Listener() {
      @Override
      public void rules(RuleSetRevision revision) {
        rules.adopt(revision);
      }

      @Override
      public void policy(PolicyRevision revision) {
        policy.adopt(revision);
      }
    });
  }

  /** Reads the topic to its end before it returns; then follows it. */
  public RuleRepository(String bootstrapServers, Duration loadTimeout, Duration writeTimeout, ObjectMapper json, Listener listener)
      throws InterruptedException {
    this.json = json;
    this.listener = listener;
    this.writeTimeout = writeTimeout;
    this.topic = new StateTopic(bootstrapServers, Topics.MODERATION_RULES, this::apply, null);
    topic.start();
    if (!topic.awaitLoaded(loadTimeout)) {
      topic.close();
      throw new IllegalStateException(Topics.MODERATION_RULES + " could not be read within " + loadTimeout);
    }
    Log.infof("%s loaded: stored rules for %s, %d policy versions", Topics.MODERATION_RULES, currentRules.keySet(), policies.size());
  }

  /** Stores a new version and makes it current; returns once this replica has installed it (read from the topic). */
  public void save(RuleSetRevision revision) {
    String language = revision.language();
    write(RULES + language + "@" + revision.version(), RULES + language, revision);
  }

  public void save(PolicyRevision revision) {
    write(POLICY + "@" + revision.version(), POLICY, revision);
  }

  /**
   * Returns once this replica has installed every revision written to the topic before the call, by any replica; an
   * edit checks its precondition after this, against what the other replicas have written too.
   *
   * @throws IllegalStateException when that takes longer than the write timeout
   */
  public void catchUp() {
    try {
      if (!topic.awaitCaughtUp(writeTimeout)) {
        throw new IllegalStateException(Topics.MODERATION_RULES + " could not be read to its end within " + writeTimeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading " + Topics.MODERATION_RULES, e);
    } catch (KafkaException e) {
      throw new IllegalStateException("the end of " + Topics.MODERATION_RULES + " could not be read: " + e.getMessage(), e);
    }
  }

  /** The stored versions of a language's rules, oldest first (the shipped file is not stored). */
  public List<RuleSetRevision> versions(String language) {
    return ruleSets.getOrDefault(language, Map.of()).values().stream().sorted(Comparator.comparing(RuleSetRevision::changedAt)).toList();
  }

  public Optional<RuleSetRevision> version(String language, String version) {
    return Optional.ofNullable(ruleSets.getOrDefault(language, Map.of()).get(version));
  }

  /** The last rule set written for {@code language} (whether this replica adopted it or not). */
  public Optional<RuleSetRevision> current(String language) {
    return Optional.ofNullable(currentRules.get(language));
  }

  public List<PolicyRevision> policyVersions() {
    return policies.values().stream().sorted(Comparator.comparing(PolicyRevision::changedAt)).toList();
  }

  public Optional<PolicyRevision> policyVersion(String version) {
    return Optional.ofNullable(policies.get(version));
  }

  public Optional<PolicyRevision> currentPolicy() {
    return Optional.ofNullable(currentPolicy);
  }

  public boolean isFollowing() {
    return topic.isLoaded() && topic.isFollowing();
  }

  private void write(String versionKey, String currentKey, Object revision) {
    try {
      String value = json.writeValueAsString(revision);
      Future<RecordMetadata> version = topic.put(versionKey, value);
      Future<RecordMetadata> current = topic.put(currentKey, value);
      long timeout = writeTimeout.toMillis();
      RecordMetadata written = current.get(timeout, TimeUnit.MILLISECONDS);
      version.get(timeout, TimeUnit.MILLISECONDS);
      if (!topic.awaitApplied(written, writeTimeout)) {
        throw new IllegalStateException(currentKey + " was written, but not read back within " + writeTimeout);
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + currentKey + ": " + e.getOriginalMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing to " + Topics.MODERATION_RULES, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("writing to " + Topics.MODERATION_RULES + " failed: " + e.getMessage(), e);
    }
  }

  private void apply(String key, String value) {
    if (value == null) {
      return; // nothing deletes versions; a tombstone written by hand is ignored
    }
    try {
      if (key.startsWith(RULES)) {
        RuleSetRevision revision = json.readValue(value, RuleSetRevision.class);
        ruleSets.computeIfAbsent(revision.language(), l -> new ConcurrentHashMap<>()).put(revision.version(), revision);
        if (!key.contains("@")) {
          currentRules.put(revision.language(), revision);
          listener.rules(revision);
        }
      } else if (key.startsWith(POLICY)) {
        PolicyRevision revision = json.readValue(value, PolicyRevision.class);
        policies.put(revision.version(), revision);
        if (key.equals(POLICY)) {
          currentPolicy = revision;
          listener.policy(revision);
        }
      }
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a revision: " + e.getOriginalMessage(), e);
    }
  }

  @PreDestroy
  public void close() {
    topic.close();
  }
}
