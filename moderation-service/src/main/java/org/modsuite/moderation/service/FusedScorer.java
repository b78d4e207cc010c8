package org.modsuite.moderation.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.modsuite.events.Reason;

/**
 * Lexicon and classifier fused into the scores every analysis carries: the lexicon's category scores, with
 * {@code hate} raised to the classifier's probability when that is higher. The one definition of the scores, used by
 * the service and by the evaluation commands, so that what is measured is what ships.
 */
public final class FusedScorer {

  /**
   * @param ruleScores the lexicon's own scores: the rule evidence the policy needs to remove
   * @param scores the fused scores (0..1, rounded to 3 decimals)
   * @param lexicon the lexicon's full result, with every entry that fired
   * @param classifier the classifier's probability and strongest features, and the model language used (null: all)
   */
  public record Scores(Map<String, Double> ruleScores, Map<String, Double> scores, List<Reason> reasons, LexiconAnalyser.Scored lexicon,
      HateClassifier.Prediction classifier, String classifierLanguage) {
  }

  private final LexiconAnalyser lexicon;
  private final HateClassifier classifier;
  private final List<String> classifierLanguages;

  public FusedScorer(LexiconAnalyser lexicon, HateClassifier classifier, List<String> classifierLanguages) {
    this.lexicon = lexicon;
    this.classifier = classifier;
    this.classifierLanguages = classifierLanguages;
  }

  /** {@code language} null (or one without a model) lets every term list and model score, and the highest counts. */
  public Scores score(String text, String language) {
    LexiconAnalyser.Scored scored = lexicon.score(text, language);
    String modelLanguage = language != null && classifierLanguages.contains(language) ? language : null;
    HateClassifier.Prediction prediction = classifier.predict(ClassifierFeatures.of(text, scored), modelLanguage);
    Map<String, Double> scores = new LinkedHashMap<>(scored.scores());
    scores.put("hate", round(Math.max(scores.get("hate"), prediction.probability())));
    List<Reason> reasons = new ArrayList<>(scored.reasons());
    prediction.topFeatures().forEach(f -> reasons.add(new Reason("feature", f.getKey(), "hate", "classifier feature", List.of(), round(f.getValue()))));
    return new Scores(scored.scores(), scores, reasons, scored, prediction, modelLanguage);
  }

  public String modelVersion() {
    return classifier.version();
  }

  public String rulesVersion() {
    return lexicon.rulesVersion();
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
