package org.modsuite.training;

import java.io.IOException;
import java.nio.file.Path;

import org.modsuite.moderation.service.HateClassifier;
import org.modsuite.moderation.service.Lexicon;
import org.modsuite.moderation.service.LexiconAnalyser;
import org.modsuite.moderation.service.rules.RuleSets;

/**
 * Prints the dev-split table (rules, classifier, fused; accuracy, macro-F1, hate P/R/F1 per dataset and language) of
 * the shipped model and rules, without retraining. Usage: {@code DevEvaluation [data dir]}; scripts/evaluate-dev.
 */
public final class DevEvaluation {

  private DevEvaluation() {
  }

  public static void main(String[] args) throws IOException {
    Path data = Path.of(args.length > 0 ? args[0] : "model-training/data");
    HateClassifier classifier = HateClassifier.load(TrainClassifier.LANGUAGES);
    System.out.println("model " + classifier.version());
    Evaluation.print(classifier, new LexiconAnalyser(Lexicon.load()), RuleSets.bundledEngine(TrainClassifier.RULE_LANGUAGES), Datasets.all(data).stream().filter(LabelledText::dev).toList());
  }
}
