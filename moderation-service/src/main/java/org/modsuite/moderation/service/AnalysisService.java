package org.modsuite.moderation.service;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import org.modsuite.events.Decision;
import org.modsuite.moderation.config.ModerationConfig;

/**
 * The one analysis code path, used by the Kafka consumer and by {@code POST /api/v1/analyses}: the lexicon's
 * category scores, the trained classifier's probability of hate, and the policy. The classifier can send a post to
 * review; only rule evidence (a lexicon category at the removal threshold) removes automatically.
 */
@ApplicationScoped
@Startup // loads lexicon, classifier and policy at start, so that an invalid one stops the service there
public class AnalysisService {

  static final List<String> LANGUAGES = List.of("en", "de");
  /** Longest text analysed, in characters (64 Ki): the API refuses longer ones; from Kafka, the rest is not read. */
  public static final int MAX_TEXT = 65_536;

  private final FusedScorer scorer;
  private final LanguageIdentifier languages;
  private final Policy policy;
  private final MeterRegistry registry;

  public AnalysisService(ModerationConfig config, MeterRegistry registry) {
    this.scorer = new FusedScorer(new LexiconAnalyser(Lexicon.load()), HateClassifier.load(LANGUAGES), LANGUAGES);
    this.languages = new LanguageIdentifier(java.util.Set.copyOf(LANGUAGES));
    this.policy = Policy.load(config.policyFile());
    this.registry = registry;
  }

  public Analysis analyse(String fullText, String language) {
    long started = System.nanoTime();
    String text = fullText.length() > MAX_TEXT ? fullText.substring(0, MAX_TEXT) : fullText;
    String lang = language != null && !language.isBlank() ? primary(language) : languages.identify(text);
    FusedScorer.Scores scored = scorer.score(text, lang);
    Decision decision = policy.decide(scored.ruleScores(), scored.scores(), lang);
    registry.counter("modsuite.analyses", "decision", decision.wireName()).increment();
    long latencyMs = (System.nanoTime() - started) / 1_000_000;
    return new Analysis(lang, scored.scores(), decision, scored.reasons(), scorer.modelVersion(), scorer.rulesVersion(), policy.version(), latencyMs);
  }

  public String modelVersion() {
    return scorer.modelVersion();
  }

  public String policyVersion() {
    return policy.version();
  }

  public String rulesVersion() {
    return scorer.rulesVersion();
  }

  private static String primary(String tag) {
    return tag.split("[-_]")[0].toLowerCase(Locale.ROOT);
  }
}
