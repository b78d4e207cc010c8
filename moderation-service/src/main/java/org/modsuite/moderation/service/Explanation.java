package org.modsuite.moderation.service;

import java.util.List;
import java.util.Map;

/**
 * What {@code ?explain=true} adds to a result: everything that fired and how the decision was reached.
 *
 * @param lexicon every lexicon entry that matched, also those scored below any threshold, and targets and cues
 * @param classifier the trained classifier's probability and its strongest features
 * @param categories per category: the scores before the policy and the policy's thresholds and outcome
 * @param policyDecision the policy's decision, before the bank
 * @param bankMatches every bank entry the text matched, applied or suppressed (see {@link BankMatch#suppressedBy()})
 */
public record Explanation(List<LexiconAnalyser.Fired> lexicon, Classifier classifier, Map<String, CategoryOutcome> categories,
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
   * @param lexicon the lexicon's score: the rule evidence removal needs
   * @param fused the fused score (for hate, the classifier's probability if higher)
   * @param review the policy's review threshold for this category and language
   * @param remove the policy's remove threshold
   * @param outcome {@code remove} (lexicon ≥ remove), {@code review} (fused ≥ review) or {@code allow}
   */
  public record CategoryOutcome(double lexicon, double fused, double review, double remove, String outcome) {
  }
}
