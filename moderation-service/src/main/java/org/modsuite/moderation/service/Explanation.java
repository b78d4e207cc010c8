package org.modsuite.moderation.service;

import java.util.List;
import java.util.Map;

import org.modsuite.moderation.service.rules.RuleScorer;

/**
 * What {@code ?explain=true} adds to a result: everything that fired and how the decision was reached.
 *
 * @param rules every CoreNLP rule that matched — attacks (also those scored below any threshold), targets, shields,
 *     and shadow rules (marked, never scored)
 * @param deepSentences how many sentences the deep stage (tagger, parser) processed
 * @param lexicon every entry of the first lexicon that matched (the classifier's lexicon features)
 * @param classifier the trained classifier's probability and its strongest features
 * @param classifierFactor the factor the strongest shield applied to the classifier's probability
 * @param categories per category: the scores before the policy and the policy's thresholds and outcome
 * @param policyDecision the policy's decision, before the bank
 * @param bankMatches every bank entry the text matched, applied or suppressed (see {@link BankMatch#suppressedBy()})
 */
public record Explanation(List<RuleScorer.Fired> rules, int deepSentences, List<LexiconAnalyser.Fired> lexicon, Classifier classifier,
    double classifierFactor, Map<String, CategoryOutcome> categories,
    String policyDecision, List<BankMatch> bankMatches) {

  /**
   * @param language the model that scored ({@code null}: all models, the highest counted)
   */
  public record Classifier(String language, double probability, List<Feature> topFeatures) {
  }

  /** A feature of the classifier and its contribution (weight × value) to the logit. */
  public record Feature(String name, double contribution) {
  }

  /**
   * @param rules the rules' score: the rule evidence removal needs
   * @param fused the fused score (for hate, the classifier's probability if higher)
   * @param review the policy's review threshold for this category and language
   * @param remove the policy's remove threshold
   * @param outcome {@code remove} (rules ≥ remove), {@code review} (fused ≥ review) or {@code allow}
   */
  public record CategoryOutcome(double rules, double fused, double review, double remove, String outcome) {
  }
}
