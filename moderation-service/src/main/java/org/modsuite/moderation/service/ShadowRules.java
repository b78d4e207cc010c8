package org.modsuite.moderation.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.modsuite.events.Decision;
import org.modsuite.moderation.service.rules.Rule;
import org.modsuite.moderation.service.rules.RuleSet;

/**
 * What shadow rules would do: per shadow rule, the posts of its language analysed while it was in shadow, the posts
 * it matched, and how many policy decisions it would have changed had it been active (the same matches rescored with
 * it active). Counted in memory per replica, from the first post this replica analysed with the rule in shadow in
 * exactly its present form (an edited or re-activated rule starts again); also Micrometer counters
 * {@code modsuite.rules.shadow.evaluated|matched|would.change} tagged {@code language} and {@code rule}.
 */
@ApplicationScoped
public class ShadowRules {

  /** The report of one shadow rule; {@code since} is null when this replica has not yet analysed a post with it. */
  public record Report(String ruleId, String description, Instant since, long evaluated, long matched, long wouldChange) {
  }

  private final MeterRegistry registry;
  private final Map<String, Tally> tallies = new ConcurrentHashMap<>();

  public ShadowRules(MeterRegistry registry) {
    this.registry = registry;
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

  /** One report per shadow rule of {@code current}, in rule order. */
  public List<Report> report(RuleSet current) {
    return current.rules().stream().filter(Rule::shadow).map(rule -> {
      Tally tally = tallies.get(current.language() + "/" + rule.id());
      return tally == null || !tally.rule.equals(rule)
          ? new Report(rule.id(), rule.description(), null, 0, 0, 0)
          : new Report(rule.id(), rule.description(), tally.since, tally.evaluated.sum(), tally.matched.sum(), tally.wouldChange.sum());
    }).toList();
  }

  private Tally tally(String language, Rule rule) {
    return tallies.compute(language + "/" + rule.id(), (key, tally) -> tally != null && (tally.rule == rule || tally.rule.equals(rule))
        ? tally : new Tally(rule, language));
  }

  private final class Tally {

    final Rule rule;
    final Instant since = Instant.now();
    final LongAdder evaluated = new LongAdder();
    final LongAdder matched = new LongAdder();
    final LongAdder wouldChange = new LongAdder();
    final Counter evaluatedCounter;
    final Counter matchedCounter;
    final Counter wouldChangeCounter;

    Tally(Rule rule, String language) {
      this.rule = rule;
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
