package org.modsuite.moderation.service;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.modsuite.events.Decision;
import org.modsuite.moderation.config.ModerationConfig;
import org.modsuite.moderation.repository.ShadowCountRepository;
import org.modsuite.moderation.service.rules.Rule;
import org.modsuite.moderation.service.rules.RuleSet;

/**
 * What shadow rules would do: per shadow rule, the posts of its language analysed while it was in shadow, the posts
 * it matched, and how many policy decisions it would have changed had it been active (the same matches rescored with
 * it active). Counted per rule <em>version</em> ({@link ContentVersions#rule}): an edited or re-activated rule starts
 * again. Each replica counts in memory, {@link ShadowCountPublisher publishes} its cumulative counts to
 * {@code moderation.shadow-counts}, continues its own stored counts after a restart under the same replica id, and
 * {@link #report reports} the sum over all replicas. Also Micrometer counters
 * {@code modsuite.rules.shadow.evaluated|matched|would.change} tagged {@code language} and {@code rule} (this process only).
 */
@ApplicationScoped
public class ShadowRules {

  /**
   * The report of one shadow rule, summed over the replicas.
   *
   * @param since the earliest first post any replica analysed with it; null when none has yet
   * @param replicas how many replicas' counts are in the sum
   */
  public record Report(String ruleId, String description, Instant since, long evaluated, long matched, long wouldChange, int replicas) {
  }

  private final MeterRegistry registry;
  private final ShadowCountRepository stored;
  private final String replica;
  /** {@code lang/rule id} → this replica's tally of the rule's present version. */
  private final Map<String, Tally> tallies = new ConcurrentHashMap<>();

  @Inject
  public ShadowRules(MeterRegistry registry, ShadowCountRepository stored, ModerationConfig config) {
    this(registry, stored, config.shadow().replicaId().orElseGet(ShadowRules::hostName));
  }

  public ShadowRules(MeterRegistry registry, ShadowCountRepository stored, String replica) {
    this.registry = registry;
    this.stored = stored;
    this.replica = replica;
  }

  /** This replica's name in {@code moderation.shadow-counts}. */
  public String replica() {
    return replica;
  }

  /**
   * Counts one analysed post for every shadow rule of the set that analysed it.
   *
   * @param scored the analysis' scores (nothing is counted for a language without rules)
   * @param decision the policy's decision
   * @param decisionIfActive the policy's decision had the given shadow rule been active; asked only for rules that matched
   */
  public void observe(FusedScorer.Scores scored, Decision decision, Function<String, Decision> decisionIfActive) {
    if (scored.matches() == null || scored.matches().ruleSet() == null) {
      return;
    }
    RuleSet ruleSet = scored.matches().ruleSet();
    for (Rule rule : ruleSet.rules()) {
      if (!rule.shadow()) {
        continue;
      }
      Tally tally = tally(ruleSet.language(), rule);
      tally.evaluated();
      if (scored.matches().hits().stream().anyMatch(h -> h.rule().id().equals(rule.id()))) {
        tally.matched(decisionIfActive.apply(rule.id()) != decision);
      }
    }
  }

  /**
   * One report per shadow rule of {@code current}, in rule order: this replica's live counts plus every other
   * replica's last published counts of the same rule version.
   */
  public List<Report> report(RuleSet current) {
    return current.rules().stream().filter(Rule::shadow).map(rule -> {
      String version = ContentVersions.rule(rule);
      Tally own = tallies.get(current.language() + "/" + rule.id());
      boolean live = own != null && own.version.equals(version);
      Instant since = live ? own.since : null;
      long evaluated = live ? own.evaluated.sum() : 0;
      long matched = live ? own.matched.sum() : 0;
      long wouldChange = live ? own.wouldChange.sum() : 0;
      int replicas = live ? 1 : 0;
      for (ShadowCount count : stored.of(current.language(), rule.id(), version)) {
        if (live && count.replica().equals(replica)) {
          continue; // the live tally already holds this replica's published counts
        }
        since = since == null || (count.since() != null && count.since().isBefore(since)) ? count.since() : since;
        evaluated += count.evaluated();
        matched += count.matched();
        wouldChange += count.wouldChange();
        replicas++;
      }
      return new Report(rule.id(), rule.description(), since, evaluated, matched, wouldChange, replicas);
    }).toList();
  }

  /** This replica's cumulative counts, one per rule version it has counted, to publish. */
  public List<ShadowCount> snapshot() {
    Instant now = Instant.now();
    List<ShadowCount> counts = new ArrayList<>();
    tallies.values().forEach(t -> counts.add(new ShadowCount(replica, t.language, t.rule.id(), t.version, t.since, t.evaluated.sum(), t.matched.sum(),
        t.wouldChange.sum(), now)));
    return counts;
  }

  /** Forgets this replica's tallies of rule versions that are not in {@code shadowRuleKeys} ({@link ShadowCount#ruleKey}) any more. */
  public void retain(Set<String> shadowRuleKeys) {
    tallies.values().removeIf(t -> !shadowRuleKeys.contains(ShadowCount.ruleKey(t.language, t.rule.id(), t.version)));
  }

  private Tally tally(String language, Rule rule) {
    return tallies.compute(language + "/" + rule.id(), (key, tally) -> tally != null && (tally.rule == rule || tally.rule.equals(rule))
        ? tally : new Tally(rule, language));
  }

  private static String hostName() {
    String host = System.getenv("HOSTNAME");
    if (host != null && !host.isBlank()) {
      return host;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      throw new IllegalStateException("no host name: set modsuite.moderation.shadow.replica-id", e);
    }
  }

  private final class Tally {

    final Rule rule;
    final String language;
    final String version;
    final Instant since;
    final LongAdder evaluated = new LongAdder();
    final LongAdder matched = new LongAdder();
    final LongAdder wouldChange = new LongAdder();
    final Counter evaluatedCounter;
    final Counter matchedCounter;
    final Counter wouldChangeCounter;

    /** Starts from this replica's stored counts of the same rule version, if it published any before a restart. */
    Tally(Rule rule, String language) {
      this.rule = rule;
      this.language = language;
      this.version = ContentVersions.rule(rule);
      ShadowCount before = stored.get(ShadowCount.keyOf(replica, language, rule.id(), version)).orElse(null);
      this.since = before != null && before.since() != null ? before.since() : Instant.now();
      if (before != null) {
        evaluated.add(before.evaluated());
        matched.add(before.matched());
        wouldChange.add(before.wouldChange());
      }
      this.evaluatedCounter = registry.counter("modsuite.rules.shadow.evaluated", "language", language, "rule", rule.id());
      this.matchedCounter = registry.counter("modsuite.rules.shadow.matched", "language", language, "rule", rule.id());
      this.wouldChangeCounter = registry.counter("modsuite.rules.shadow.would.change", "language", language, "rule", rule.id());
    }

    void evaluated() {
      evaluated.increment();
      evaluatedCounter.increment();
    }

    void matched(boolean changes) {
      matched.increment();
      matchedCounter.increment();
      if (changes) {
        wouldChange.increment();
        wouldChangeCounter.increment();
      }
    }
  }
}
