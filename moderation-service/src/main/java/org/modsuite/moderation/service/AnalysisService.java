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

  /** The languages with CoreNLP rules (and a model). */
  static final List<String> LANGUAGES = List.of("en", "de");
  /** The languages with a trained model: those with rules, and French and Arabic (lexicon and model, no rules). */
  static final List<String> MODEL_LANGUAGES = List.of("en", "de", "fr", "ar");
  /** Kinds of lexicon entry that, in a language without a model, send a post to the policy's {@code onLexiconHit}. */
  private static final java.util.Set<String> UNSUPPORTED_HIT_KINDS = java.util.Set.of("target", "slur", "dehumanisation", "threat", "incitement");
  /** Longest text analysed, in characters (64 Ki): the API refuses longer ones; from Kafka, the rest is not read. */
  public static final int MAX_TEXT = 65_536;

  private final FusedScorer scorer;
  private final LanguageIdentifier languages;
  private final java.util.Set<String> lexiconLanguages;
  private final PolicyBook policies;
  private final ShadowRules shadowRules;
  private final MeterRegistry registry;
  private final BankRepository bank;
  private final double nearThreshold;

  public AnalysisService(ModerationConfig config, MeterRegistry registry, BankRepository bank, RuleBook rules, PolicyBook policies,
      ShadowRules shadowRules) {
    Lexicon lexicon = Lexicon.load();
    this.lexiconLanguages = lexicon.languages();
    this.scorer = new FusedScorer(new LexiconAnalyser(lexicon), HateClassifier.load(MODEL_LANGUAGES), MODEL_LANGUAGES, LANGUAGES, rules.engine());
    this.languages = new LanguageIdentifier();
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

    List<Reason> reasons = scored.reasons();
    Decision decided = policyDecision;
    if (lang != null && !MODEL_LANGUAGES.contains(lang)) {
      Reason unsupported = unsupported(lang, scored.lexicon());
      reasons = new ArrayList<>(reasons);
      reasons.add(0, unsupported);
      // No model and no rules: a lexicon without grammar is no evidence to remove on; the policy chooses allow or review.
      Decision byLexicon = policy.decideUnsupported(!unsupported.spans().isEmpty());
      Decision capped = policyDecision == Decision.REMOVE ? Decision.REVIEW : policyDecision;
      decided = byLexicon.compareTo(capped) > 0 ? byLexicon : capped;
    } else if (policy.lexiconDecidesAlso(lang)) {
      Reason weak = weakModel(lang, scored.lexicon());
      Decision byLexicon = policy.decideUnsupported(!weak.spans().isEmpty());
      if (byLexicon.compareTo(decided) > 0) {
        reasons = new ArrayList<>(reasons);
        reasons.add(0, weak);
        decided = byLexicon;
      }
    }

    ContentFingerprint fingerprint = Fingerprinter.of(text, scored.foldedText(), scored.lexicon().fired());
    List<BankMatch> matches = bank.match(fingerprint, nearThreshold);
    Optional<BankMatch> applied = matches.stream().filter(BankMatch::applies).findFirst(); // exact ones come first
    Decision decision = decided;
    String equivalentTo = null;
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
    Explanation explanation = explain ? explain(scored, lang, policy, decided, matches) : null;
    long latencyMs = (System.nanoTime() - started) / 1_000_000;
    return new Analysis(lang, scored.scores(), decision, List.copyOf(reasons), scorer.modelVersion(), scored.rulesVersion(), policy.version(),
        latencyMs, equivalentTo, fingerprint, explanation);
  }

  /** Whether the language (a primary subtag) has a model; a post of another language carries a {@code language.unsupported} reason. */
  public boolean supports(String language) {
    return MODEL_LANGUAGES.contains(primary(language));
  }

  /** Whether the language (a primary subtag) has a term list of its own. */
  public boolean hasLexicon(String language) {
    return lexiconLanguages.contains(primary(language));
  }

  /** Why a post of a language whose model is weak ({@code unsupportedLanguages.alsoFor}) went to review on its lexicon alone. */
  private Reason weakModel(String lang, LexiconAnalyser.Scored lexicon) {
    List<LexiconAnalyser.Fired> hits = lexiconHits(lexicon);
    return new Reason("language", "language.weak-model", null, LanguageIdentifier.name(lang) + " (" + lang + ") has a weak model: its lexicon found "
        + String.join(", ", hits.stream().map(LexiconAnalyser.Fired::id).toList()) + ", which the policy sends to review",
        hits.stream().flatMap(f -> f.spans().stream()).toList(), null);
  }

  private static List<LexiconAnalyser.Fired> lexiconHits(LexiconAnalyser.Scored lexicon) {
    return lexicon.fired().stream().filter(f -> UNSUPPORTED_HIT_KINDS.contains(f.kind())).toList();
  }

  /**
   * The reason every analysis of a language without a model carries: the language by name, and what of its lexicon
   * was found (the spans of its group, slur and attack terms; none when nothing was found or it has no lexicon).
   */
  private Reason unsupported(String lang, LexiconAnalyser.Scored lexicon) {
    List<LexiconAnalyser.Fired> hits = lexiconHits(lexicon);
    String name = LanguageIdentifier.name(lang) + " (" + lang + ")";
    String description;
    if (!lexiconLanguages.contains(lang)) {
      description = name + " has no model, rules or lexicon: the English and German models scored it, nothing else read it";
    } else if (hits.isEmpty()) {
      description = name + " has no model or rules: its lexicon found no group, slur or attack term; the English and German models scored it";
    } else {
      description = name + " has no model or rules: its lexicon found " + String.join(", ", hits.stream().map(LexiconAnalyser.Fired::id).toList())
          + "; the English and German models scored it";
    }
    return new Reason("language", "language.unsupported", null, description, hits.stream().flatMap(f -> f.spans().stream()).toList(), null);
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
