package org.modsuite.moderation.service;

import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import org.modsuite.events.Decision;
import org.modsuite.moderation.config.ModerationConfig;

/** The one analysis code path, used by the Kafka consumer and by {@code POST /api/v1/analyses}. */
@ApplicationScoped
public class AnalysisService {

  private final LexiconAnalyser analyser;
  private final ModerationConfig config;
  private final MeterRegistry registry;

  public AnalysisService(ModerationConfig config, MeterRegistry registry) {
    this.analyser = new LexiconAnalyser(Lexicon.load());
    this.config = config;
    this.registry = registry;
  }

  public Analysis analyse(String text, String language) {
    long started = System.nanoTime();
    String lang = language != null && !language.isBlank() ? primary(language) : LanguageGuess.guess(text);
    LexiconAnalyser.Scored scored = analyser.score(text, lang);
    Decision decision = decide(scored.scores());
    registry.counter("modsuite.analyses", "decision", decision.wireName()).increment();
    long latencyMs = (System.nanoTime() - started) / 1_000_000;
    return new Analysis(lang, scored.scores(), decision, scored.reasons(), LexiconAnalyser.MODEL_VERSION, analyser.rulesVersion(),
        config.policyVersion(), latencyMs);
  }

  /** The policy: the highest category score against the review and removal thresholds. */
  Decision decide(Map<String, Double> scores) {
    double max = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    if (max >= config.removeThreshold()) {
      return Decision.REMOVE;
    }
    return max >= config.reviewThreshold() ? Decision.REVIEW : Decision.ALLOW;
  }

  public String rulesVersion() {
    return analyser.rulesVersion();
  }

  private static String primary(String tag) {
    return tag.split("[-_]")[0].toLowerCase(Locale.ROOT);
  }
}
