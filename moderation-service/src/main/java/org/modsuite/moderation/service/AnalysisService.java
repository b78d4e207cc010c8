package org.modsuite.moderation.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import org.modsuite.events.AnalysisEvent;
import org.modsuite.events.Decision;
import org.modsuite.events.Reason;
import org.modsuite.moderation.config.ModerationConfig;
import org.modsuite.moderation.repository.BankRepository;
import org.modsuite.moderation.service.rules.RuleScorer;

/**
 * The one analysis code path, used by the Kafka consumer and by {@code POST /api/v1/analyses}: the CoreNLP rules'
 * category scores, the trained classifier's probability of hate, the policy, and the equivalent-content bank. The
 * classifier can send a post to review; only rule evidence (a rule category at the removal threshold) or an exact
 * bank match removes automatically.
 */
@ApplicationScoped
@Startup // loads lexicon, classifier, policy and bank at start, so that an invalid one stops the service there
public class AnalysisService {

  static final List<String> LANGUAGES = List.of("en", "de");
  /** Longest text analysed, in characters (64 Ki): the API refuses longer ones; from Kafka, the rest is not read. */
  public static final int MAX_TEXT = 65_536;

  private final FusedScorer scorer;
  private final LanguageIdentifier languages;
  private final PolicyBook policies;
  private final ShadowRules shadowRules;
  private final MeterRegistry registry;
  private final BankRepository bank;
  private final double nearThreshold;

  public AnalysisService(ModerationConfig config, MeterRegistry registry, BankRepository bank, RuleBook rules, PolicyBook policies,
      ShadowRules shadowRules) {
    this.scorer = new FusedScorer(new LexiconAnalyser(Lexicon.load()), HateClassifier.load(LANGUAGES), LANGUAGES, rules.engine());
    this.languages = new LanguageIdentifier(java.util.Set.copyOf(LANGUAGES));
    this.policies = policies;
    this.shadowRules = shadowRules;
    this.registry = registry;
    this.bank = bank;
    this.nearThreshold = config.bank().nearThreshold();
  }

  public Analysis analyse(String fullText, String language) {
    return analyse(fullText, language, false);
  }

  /** @param explain whether to add an {@link Explanation} (every entry that fired, thresholds, bank matches) */
  public Analysis analyse(String fullText, String language, boolean explain) {
    long started = System.nanoTime();
    String text = fullText.length() > MAX_TEXT ? fullText.substring(0, MAX_TEXT) : fullText;
    String lang = language != null && !language.isBlank() ? primary(language) : languages.identify(text);
    FusedScorer.Scores scored = scorer.score(text, lang);
    Policy policy = policies.current(); // read once: the policy can be replaced at run time
    Decision policyDecision = policy.decide(scored.ruleScores(), scored.scores(), lang);
    shadowRules.observe(scored, policyDecision, ruleId -> {
      FusedScorer.Scores active = scorer.withActive(scored, ruleId);
      return policy.decide(active.ruleScores(), active.scores(), lang);
    });

    ContentFingerprint fingerprint = Fingerprinter.of(text, scored.foldedText(), scored.lexicon().fired());
    List<BankMatch> matches = bank.match(fingerprint, nearThreshold);
    Optional<BankMatch> applied = matches.stream().filter(BankMatch::applies).findFirst(); // exact ones come first
    Decision decision = policyDecision;
    String equivalentTo = null;
    List<Reason> reasons = scored.reasons();
    if (applied.isPresent()) {
      BankMatch match = applied.get();
      reasons = new ArrayList<>(reasons);
      reasons.add(reason(match));
      if (match.kind().equals(BankMatch.EXACT)) {
        decision = Decision.REMOVE;
        equivalentTo = match.decisionId();
      } else if (decision == Decision.ALLOW) {
        decision = Decision.REVIEW;
      }
    }
    registry.counter("modsuite.analyses", "decision", decision.wireName()).increment();
    Explanation explanation = explain ? explain(scored, lang, policy, policyDecision, matches) : null;
    long latencyMs = (System.nanoTime() - started) / 1_000_000;
    return new Analysis(lang, scored.scores(), decision, List.copyOf(reasons), scorer.modelVersion(), scored.rulesVersion(), policy.version(),
        latencyMs, equivalentTo, fingerprint, explanation);
  }

  /** Whether the language (a primary subtag) has a term list and a model; others are analysed by nothing. */
  public boolean supports(String language) {
    return LANGUAGES.contains(primary(language));
  }

  public String modelVersion() {
    return scorer.modelVersion();
  }

  public String policyVersion() {
    return policies.current().version();
  }

  /** The rules each language is analysed with, as {@code en=rules-en-…,de=…}. */
  public String rulesVersion() {
    return String.join(",", LANGUAGES.stream().map(l -> l + "=" + scorer.rulesVersion(l)).toList());
  }

  private static Reason reason(BankMatch match) {
    String description = match.kind().equals(BankMatch.EXACT)
        ? "identical to content removed by decision " + match.decisionId() + " (post " + match.postUid() + ")"
        : "similar (" + match.similarity() + ") to content removed by decision " + match.decisionId() + " (post " + match.postUid() + ")";
    return new Reason("equivalent", "bank." + match.kind(), null, description, List.of(), match.similarity());
  }

  private Explanation explain(FusedScorer.Scores scored, String lang, Policy policy, Decision policyDecision, List<BankMatch> matches) {
    Map<String, Explanation.CategoryOutcome> categories = new LinkedHashMap<>();
    for (String category : AnalysisEvent.CATEGORIES) {
      double[] t = policy.thresholds(category, lang);
      double rules = scored.ruleScores().getOrDefault(category, 0.0);
      double fused = scored.scores().getOrDefault(category, 0.0);
      String outcome = rules >= t[1] ? "remove" : fused >= t[0] ? "review" : "allow";
      categories.put(category, new Explanation.CategoryOutcome(rules, fused, t[0], t[1], outcome));
    }
    HateClassifier.Prediction p = scored.classifier();
    Explanation.Classifier classifier = new Explanation.Classifier(scored.classifierLanguage(), Math.round(p.probability() * 1000) / 1000.0,
        p.topFeatures().stream().map(f -> new Explanation.Feature(f.getKey(), Math.round(f.getValue() * 1000) / 1000.0)).toList());
    List<RuleScorer.Fired> rules = scored.rules() == null ? List.of() : scored.rules().fired();
    double factor = scored.rules() == null ? 1.0 : scored.rules().classifierFactor();
    return new Explanation(rules, scored.deepSentences(), scored.lexicon().fired(), classifier, factor, categories, policyDecision.wireName(), matches);
  }

  private static String primary(String tag) {
    return tag.split("[-_]")[0].toLowerCase(Locale.ROOT);
  }
}
