package org.modsuite.training;

import java.io.IOException;
import java.nio.file.Path;

import java.util.List;
import java.util.Optional;

import org.modsuite.moderation.service.FusedScorer;
import org.modsuite.moderation.service.HateClassifier;
import org.modsuite.moderation.service.Policy;
import org.modsuite.moderation.service.rules.RuleEngine;
import org.modsuite.moderation.service.Lexicon;
import org.modsuite.moderation.service.LexiconAnalyser;
import org.modsuite.moderation.service.rules.RuleSets;

/**
 * Prints the dev-split table (rules, classifier, fused; accuracy, macro-F1, hate P/R/F1 per dataset and language) of
 * the shipped model and rules, without retraining; then the operating points derived from the dev splits
 * ({@link OperatingPoints}) and the identity-bias figures ({@link BiasMetrics}). Usage:
 * {@code DevEvaluation [data dir] [--no-bias]}; scripts/evaluate-dev.
 */
public final class DevEvaluation {

  private DevEvaluation() {
  }

  public static void main(String[] args) throws IOException {
    Path data = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : "model-training/data");
    HateClassifier classifier = HateClassifier.load(TrainClassifier.LANGUAGES);
    System.out.println("model " + classifier.version());
    LexiconAnalyser lexicon = new LexiconAnalyser(Lexicon.load());
    RuleEngine rules = RuleSets.bundledEngine(TrainClassifier.RULE_LANGUAGES);
    List<Evaluation.Scored> scored = Evaluation.print(classifier, lexicon, rules, Datasets.all(data).stream().filter(LabelledText::dev).toList());
    FusedScorer scorer = new FusedScorer(lexicon, classifier, TrainClassifier.LANGUAGES, TrainClassifier.RULE_LANGUAGES, rules);
    OperatingPoints.print(scored, Policy.load(Optional.empty()), scorer, Path.of("model-training/bias/benign-group-sentences.tsv"));
    if (!List.of(args).contains("--no-bias")) {
      BiasMetrics.print(scored, scorer);
    }
  }
}
