package org.modsuite.moderation.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;
import org.modsuite.moderation.config.ModerationConfig;
import org.modsuite.moderation.repository.RuleRepository;
import org.modsuite.moderation.repository.ShadowCountRepository;
import org.modsuite.moderation.service.rules.Rule;

/**
 * Every {@code shadow.publish-interval}, and once more when the service stops, writes this replica's shadow counts
 * that differ from what {@code moderation.shadow-counts} holds for it, and deletes the records (of any replica) of
 * rule versions that are not in shadow in the rule sets this replica runs: a rule that left shadow or was edited
 * starts from zero, and the topic keeps only what is summed.
 */
@ApplicationScoped
@Startup
public class ShadowCountPublisher {

  private static final Logger LOG = Logger.getLogger(ShadowCountPublisher.class);

  private final ShadowRules shadow;
  private final ShadowCountRepository stored;
  private final RuleBook rules;
  private final RuleRepository ruleRepository;
  private final Duration interval;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "shadow-count-publisher");
    thread.setDaemon(true);
    return thread;
  });

  public ShadowCountPublisher(ShadowRules shadow, ShadowCountRepository stored, RuleBook rules, RuleRepository ruleRepository,
      ModerationConfig config) {
    this.shadow = shadow;
    this.stored = stored;
    this.rules = rules;
    this.ruleRepository = ruleRepository;
    this.interval = config.shadow().publishInterval();
  }

  @PostConstruct
  void start() {
    timer.scheduleWithFixedDelay(() -> {
      try {
        publish();
      } catch (RuntimeException e) { // the next round tries again
        LOG.warnf("publishing shadow counts failed: %s", e.toString());
      }
    }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The last counts, before the Kafka clients close: waits up to 5 s for them to be acknowledged. */
  void stop(@Observes ShutdownEvent event) {
    timer.shutdownNow();
    List<Future<RecordMetadata>> written = publish();
    try {
      for (Future<RecordMetadata> write : written) {
        write.get(5, TimeUnit.SECONDS);
      }
      LOG.infof("shadow counts of %s published at shutdown: %d records", shadow.replica(), written.size());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warnf("the last shadow counts of %s may be lost: %s", shadow.replica(), e.toString());
    }
  }

  /** One round: this replica's changed counts written, stale rule versions deleted. Returns the writes. */
  synchronized List<Future<RecordMetadata>> publish() {
    if (!ruleRepository.isFollowing() || !stored.isFollowing()) {
      return List.of(); // until the edited rule sets are installed, the shipped ones would call every stored count stale
    }
    Set<String> inShadow = shadowRuleKeys();
    shadow.retain(inShadow);
    List<Future<RecordMetadata>> written = new ArrayList<>();
    for (ShadowCount count : shadow.snapshot()) {
      if (!count.sameCounts(stored.get(count.key()).orElse(null))) {
        written.add(stored.save(count));
      }
    }
    for (ShadowCount count : stored.all()) {
      if (!inShadow.contains(count.ruleKey())) {
        written.add(stored.delete(count.key()));
      }
    }
    return written;
  }

  /** {@link ShadowCount#ruleKey} of every shadow rule in the sets this replica runs. */
  private Set<String> shadowRuleKeys() {
    Set<String> keys = new HashSet<>();
    for (String language : rules.languages()) {
      for (Rule rule : rules.current(language).rules()) {
        if (rule.shadow()) {
          keys.add(ShadowCount.ruleKey(language, rule.id(), ContentVersions.rule(rule)));
        }
      }
    }
    return keys;
  }
}
