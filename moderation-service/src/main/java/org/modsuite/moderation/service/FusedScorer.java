package org.modsuite.moderation.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntUnaryOperator;

import org.modsuite.events.Reason;
import org.modsuite.moderation.service.rules.Rule;
import org.modsuite.moderation.service.rules.RuleEngine;
import org.modsuite.moderation.service.rules.RuleHit;
import org.modsuite.moderation.service.rules.RuleScorer;
import org.modsuite.moderation.service.rules.RuleSet;

/**
 * The CoreNLP rules and the trained classifier fused into the scores every analysis carries: the rules' category
 * scores, with {@code hate} raised to the classifier's probability when that is higher. The post is folded once (and its
 * misspelt lexicon words repaired, {@link SpellingRepair}); the
 * rules run first, since their hits (categories, targets, shield phenomena) are features of the classifier. The
 * classifier's probability is then lowered by the shields that fired (quotation, counter-speech, news …), since its
 * n-grams cannot tell quoted hate from hate. A language without rules falls back to the first lexicon's scores. The one
 * definition of the scores and of the classifier's features, used by the service, by training and by the evaluation
 * commands, so that what is trained and measured is what ships.
 */
public final class FusedScorer {

  /**
   * @param ruleScores the rules' own scores: the rule evidence the policy needs to remove
   * @param scores the fused scores (0..1, rounded to 3 decimals)
   * @param lexicon the first lexicon's result (classifier features, framing cues of the bank)
   * @param rules the rule engine's result, with every rule that fired (null for a language without rules)
   * @param classifier the classifier's probability and strongest features, and the model language used (null: all)
   * @param rulesVersion the rule set (or, without one, the lexicon) that scored
   * @param deepSentences how many sentences the deep CoreNLP stage parsed
   * @param matches the rule matches that were scored (null for a language without rules), for shadow reports
   * @param foldedText the folded post, to score the classifier again when a shadow rule is made active
   */
  public record Scores(Map<String, Double> ruleScores, Map<String, Double> scores, List<Reason> reasons, LexiconAnalyser.Scored lexicon,
      RuleScorer.Scored rules, HateClassifier.Prediction classifier, String classifierLanguage, String rulesVersion, int deepSentences,
      RuleEngine.Matches matches, String foldedText) {
  }

  private final LexiconAnalyser lexicon;
  private final HateClassifier classifier;
  private final List<String> classifierLanguages;
  private final List<String> fallbackLanguages;
  private final RuleEngine rules;
  /** Per language, the spelling repair of its current rule set (derived from it, rebuilt when it changes). */
  private final Map<String, SpellingRepair> spelling = new ConcurrentHashMap<>();

  /**
   * @param classifier null for a scorer that only computes {@link #features} (training, before there is a model)
   * @param rules the CoreNLP rule engine; null scores with the first lexicon only
   */
  public FusedScorer(LexiconAnalyser lexicon, HateClassifier classifier, List<String> classifierLanguages, RuleEngine rules) {
    this(lexicon, classifier, classifierLanguages, classifierLanguages, rules);
  }

  /**
   * @param fallbackLanguages the models that score a post of unknown language or of a language without a model (the
   *     highest probability counts): English and German in the service. The French and Arabic models, trained on
   *     mostly hostile tweets, would give a text of another language their high base rate.
   */
  public FusedScorer(LexiconAnalyser lexicon, HateClassifier classifier, List<String> classifierLanguages, List<String> fallbackLanguages,
      RuleEngine rules) {
    this.lexicon = lexicon;
    this.classifier = classifier;
    this.classifierLanguages = classifierLanguages;
    this.fallbackLanguages = fallbackLanguages;
    this.rules = rules;
  }

  /**
   * {@code language} null lets the English and German term lists and every fallback model score, and the highest
   * counts; a language without a model is read with its own term list (if any) and the fallback models.
   */
  public Scores score(String text, String language) {
    TextNormaliser.Folded folded = fold(text, language); // once: the lexicon, the rules and the features read it
    LexiconAnalyser.Scored scored = lexicon.score(folded, language);
    String modelLanguage = language != null && classifierLanguages.contains(language) ? language : null;
    if (rules == null || !rules.supports(language)) {
      List<String> words = ClassifierFeatures.words(folded.text());
      HateClassifier.Prediction prediction = classify(words, modelLanguage, scored, null);
      Map<String, Double> scores = new LinkedHashMap<>(scored.scores());
      scores.put("hate", round(Math.max(scores.get("hate"), prediction.probability())));
      List<Reason> reasons = new ArrayList<>(scored.reasons());
      addFeatures(reasons, prediction, 1.0, words);
      return new Scores(scored.scores(), scores, reasons, scored, null, prediction, modelLanguage, lexicon.rulesVersion(), 0, null,
          folded.text());
    }
    return fuse(folded.text(), scored, modelLanguage, rules.match(folded.text(), language), folded::originalStart, folded::originalEnd);
  }

  /**
   * The features the classifier sees for {@code text} in {@code language} (a language with a model): the same folding,
   * lexicon and rules as {@link #score}. What training computes its examples with.
   */
  public Map<String, Double> features(String text, String language) {
    TextNormaliser.Folded folded = fold(text, language);
    LexiconAnalyser.Scored scored = lexicon.score(folded, language);
    RuleScorer.Scored ruled = rules == null || !rules.supports(language) ? null
        : RuleScorer.score(rules.match(folded.text(), language), folded::originalStart, folded::originalEnd);
    return ClassifierFeatures.of(folded.text(), language, scored, ruled);
  }

  /**
   * {@link TextNormaliser#fold}, then the {@link SpellingRepair} towards the lexicons of {@code language}'s current rule
   * set (none for a language without rules: unknown-language posts are folded only).
   */
  public TextNormaliser.Folded fold(String text, String language) {
    TextNormaliser.Folded folded = TextNormaliser.fold(text);
    return rules == null || !rules.supports(language) ? folded : spelling(language).repair(folded);
  }

  /** The repair of the current rule set of {@code language}, built again when the rule set changed. */
  private SpellingRepair spelling(String language) {
    RuleSet current = rules.current(language).ruleSet();
    SpellingRepair repair = spelling.get(language);
    if (repair == null || !repair.version().equals(current.version())) {
      repair = SpellingRepair.of(current, KnownWords.of(language));
      spelling.put(language, repair);
    }
    return repair;
  }

  /**
   * The scores {@code scored} would have had with the shadow rule {@code ruleId} active: the same matches rescored
   * (spans in folded offsets), and the classifier scored again on the rule features that changed. What the shadow
   * report compares decisions with.
   */
  public Scores withActive(Scores scored, String ruleId) {
    RuleEngine.Matches m = scored.matches();
    List<RuleHit> hits = m.hits().stream()
        .map(h -> h.rule().id().equals(ruleId) ? new RuleHit(h.rule().withState(Rule.ACTIVE), h.sentence(), h.start(), h.end()) : h).toList();
    return fuse(scored.foldedText(), scored.lexicon(), scored.classifierLanguage(), new RuleEngine.Matches(m.ruleSet(), hits, m.deepSentences()),
        i -> i, i -> i);
  }

  private Scores fuse(String foldedText, LexiconAnalyser.Scored scored, String modelLanguage, RuleEngine.Matches matches,
      IntUnaryOperator originalStart, IntUnaryOperator originalEnd) {
    RuleScorer.Scored ruled = RuleScorer.score(matches, originalStart, originalEnd);
    List<String> words = ClassifierFeatures.words(foldedText); // once, for the features and the reasons
    HateClassifier.Prediction prediction = classify(words, modelLanguage, scored, ruled);
    Map<String, Double> scores = new LinkedHashMap<>(ruled.scores());
    scores.put("hate", round(Math.max(scores.get("hate"), prediction.probability() * ruled.classifierFactor())));
    List<Reason> reasons = new ArrayList<>(ruled.reasons());
    addFeatures(reasons, prediction, ruled.classifierFactor(), words);
    return new Scores(ruled.scores(), scores, reasons, scored, ruled, prediction, modelLanguage, matches.ruleSet().version(),
        matches.deepSentences(), matches, foldedText);
  }

  /**
   * The model of {@code modelLanguage} on its features; without one (language unknown or without a model) every
   * fallback model scores the post with its own language's features (stems) and the highest probability counts.
   */
  private HateClassifier.Prediction classify(List<String> words, String modelLanguage, LexiconAnalyser.Scored scored, RuleScorer.Scored ruled) {
    if (modelLanguage != null) {
      return classifier.predict(ClassifierFeatures.forScoring(words, modelLanguage, scored, ruled), modelLanguage);
    }
    return fallbackLanguages.stream().map(l -> classifier.predict(ClassifierFeatures.forScoring(words, l, scored, ruled), l))
        .max(Comparator.comparingDouble(HateClassifier.Prediction::probability)).orElseThrow();
  }

  public String modelVersion() {
    return classifier.version();
  }

  /** The version of {@code language}'s current rule set, or of the first lexicon for a language without rules. */
  public String rulesVersion(String language) {
    return rules != null && rules.supports(language) ? rules.current(language).ruleSet().version() : lexicon.rulesVersion();
  }

  /**
   * The classifier's strongest features as reasons. A character n-gram feature is a hash bucket ({@code c:81234}); its
   * description names the n-grams of this post that fell into it ({@code _flu}, with {@code _} marking a word's edge).
   */
  private static void addFeatures(List<Reason> reasons, HateClassifier.Prediction prediction, double factor, List<String> words) {
    String description = factor < 1 ? "classifier feature (classifier lowered ×" + factor + " by a shield)" : "classifier feature";
    for (Map.Entry<String, Double> f : prediction.topFeatures()) {
      String about = description;
      if (f.getKey().startsWith(CharNgrams.PREFIX)) {
        about += ": character n-grams " + String.join(", ",
            CharNgrams.SHIPPED.ngramsIn(words, Integer.parseInt(f.getKey().substring(CharNgrams.PREFIX.length()))));
      }
      reasons.add(new Reason("feature", f.getKey(), "hate", about, List.of(), round(f.getValue())));
    }
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
