package org.modsuite.moderation.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

import org.modsuite.events.Reason;
import org.modsuite.moderation.service.rules.Rule;
import org.modsuite.moderation.service.rules.RuleEngine;
import org.modsuite.moderation.service.rules.RuleHit;
import org.modsuite.moderation.service.rules.RuleScorer;

/**
 * The CoreNLP rules and the trained classifier fused into the scores every analysis carries: the rules' category
 * scores, with {@code hate} raised to the classifier's probability when that is higher. The classifier's probability
 * is first lowered by the shields that fired (quotation, counter-speech, news …), since it cannot tell quoted
 * hate from hate. A language without rules falls back to the first lexicon's scores. The one definition of the scores,
 * used by the service and by the evaluation commands, so that what is measured is what ships.
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
   */
  public record Scores(Map<String, Double> ruleScores, Map<String, Double> scores, List<Reason> reasons, LexiconAnalyser.Scored lexicon,
      RuleScorer.Scored rules, HateClassifier.Prediction classifier, String classifierLanguage, String rulesVersion, int deepSentences,
      RuleEngine.Matches matches) {
  }

  private final LexiconAnalyser lexicon;
  private final HateClassifier classifier;
  private final List<String> classifierLanguages;
  private final RuleEngine rules;

  /** @param rules the CoreNLP rule engine; null scores with the first lexicon only (as the classifier's training does) */
  public FusedScorer(LexiconAnalyser lexicon, HateClassifier classifier, List<String> classifierLanguages, RuleEngine rules) {
    this.lexicon = lexicon;
    this.classifier = classifier;
    this.classifierLanguages = classifierLanguages;
    this.rules = rules;
  }

  /** {@code language} null (or one without a model) lets every term list and model score, and the highest counts. */
  public Scores score(String text, String language) {
    TextNormaliser.Folded folded = TextNormaliser.fold(text); // once: the lexicon, the features and the rules read it
    LexiconAnalyser.Scored scored = lexicon.score(folded, language);
    String modelLanguage = language != null && classifierLanguages.contains(language) ? language : null;
    HateClassifier.Prediction prediction = classifier.predict(ClassifierFeatures.ofFolded(folded.text(), scored), modelLanguage);
    if (rules == null || !rules.supports(language)) {
      Map<String, Double> scores = new LinkedHashMap<>(scored.scores());
      scores.put("hate", round(Math.max(scores.get("hate"), prediction.probability())));
      List<Reason> reasons = new ArrayList<>(scored.reasons());
      addFeatures(reasons, prediction, 1.0);
      return new Scores(scored.scores(), scores, reasons, scored, null, prediction, modelLanguage, lexicon.rulesVersion(), 0, null);
    }
    return fuse(scored, prediction, modelLanguage, rules.match(folded.text(), language), folded::originalStart, folded::originalEnd);
  }

  /**
   * The scores {@code scored} would have had with the shadow rule {@code ruleId} active: the same matches rescored
   * (spans in folded offsets). What the shadow report compares decisions with.
   */
  public Scores withActive(Scores scored, String ruleId) {
    RuleEngine.Matches m = scored.matches();
    List<RuleHit> hits = m.hits().stream()
        .map(h -> h.rule().id().equals(ruleId) ? new RuleHit(h.rule().withState(Rule.ACTIVE), h.sentence(), h.start(), h.end()) : h).toList();
    return fuse(scored.lexicon(), scored.classifier(), scored.classifierLanguage(), new RuleEngine.Matches(m.ruleSet(), hits, m.deepSentences()),
        i -> i, i -> i);
  }

  private static Scores fuse(LexiconAnalyser.Scored scored, HateClassifier.Prediction prediction, String modelLanguage, RuleEngine.Matches matches,
      IntUnaryOperator originalStart, IntUnaryOperator originalEnd) {
    RuleScorer.Scored ruled = RuleScorer.score(matches, originalStart, originalEnd);
    Map<String, Double> scores = new LinkedHashMap<>(ruled.scores());
    scores.put("hate", round(Math.max(scores.get("hate"), prediction.probability() * ruled.classifierFactor())));
    List<Reason> reasons = new ArrayList<>(ruled.reasons());
    addFeatures(reasons, prediction, ruled.classifierFactor());
    return new Scores(ruled.scores(), scores, reasons, scored, ruled, prediction, modelLanguage, matches.ruleSet().version(),
        matches.deepSentences(), matches);
  }

  public String modelVersion() {
    return classifier.version();
  }

  /** The version of {@code language}'s current rule set, or of the first lexicon for a language without rules. */
  public String rulesVersion(String language) {
    return rules != null && rules.supports(language) ? rules.current(language).ruleSet().version() : lexicon.rulesVersion();
  }

  private static void addFeatures(List<Reason> reasons, HateClassifier.Prediction prediction, double factor) {
    String description = factor < 1 ? "classifier feature (classifier lowered ×" + factor + " by a shield)" : "classifier feature";
    prediction.topFeatures().forEach(f -> reasons.add(new Reason("feature", f.getKey(), "hate", description, List.of(), round(f.getValue()))));
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
