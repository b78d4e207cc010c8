package org.modsuite.training;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.modsuite.moderation.service.FusedScorer;
import org.modsuite.moderation.service.HateClassifier;
import org.modsuite.moderation.service.LexiconAnalyser;
import org.modsuite.moderation.service.rules.RuleSets;

/** Accuracy, macro-F1 and the hate class's precision, recall and F1 on each dev split, for lexicon, classifier and fused score. */
final class Evaluation {

  static final double THRESHOLD = 0.5;

  private Evaluation() {
  }

  static void print(HateClassifier classifier, LexiconAnalyser lexicon, List<LabelledText> dev) {
    System.out.printf(Locale.ROOT, "%n%-10s %-4s %6s  %-10s %8s %8s %8s %8s %8s%n", "dataset", "lang", "n", "scorer", "accuracy", "macroF1",
        "hateP", "hateR", "hateF1");
    FusedScorer fused = new FusedScorer(lexicon, classifier, TrainClassifier.LANGUAGES, RuleSets.bundledEngine(TrainClassifier.LANGUAGES));
    Map<String, List<LabelledText>> byDataset = dev.stream().collect(Collectors.groupingBy(LabelledText::dataset, TreeMap::new, Collectors.toList()));
    for (Map.Entry<String, List<LabelledText>> set : byDataset.entrySet()) {
      int[][] rulesCounts = new int[2][2];
      int[][] classifierCounts = new int[2][2];
      int[][] fusedCounts = new int[2][2];
      for (LabelledText text : set.getValue()) {
        FusedScorer.Scores scores = fused.score(text.text(), text.language());
        count(rulesCounts, text.hate(), scores.ruleScores().get("hate") >= THRESHOLD);
        count(classifierCounts, text.hate(), scores.classifier().probability() >= THRESHOLD);
        count(fusedCounts, text.hate(), scores.scores().get("hate") >= THRESHOLD);
      }
      String lang = set.getValue().get(0).language();
      row(set.getKey(), lang, set.getValue().size(), "rules", rulesCounts);
      row(set.getKey(), lang, set.getValue().size(), "classifier", classifierCounts);
      row(set.getKey(), lang, set.getValue().size(), "fused", fusedCounts);
    }
  }

  /** counts[truth][predicted], 1 = hate. */
  private static void count(int[][] counts, boolean truth, boolean predicted) {
    counts[truth ? 1 : 0][predicted ? 1 : 0]++;
  }

  private static void row(String dataset, String lang, int n, String scorer, int[][] c) {
    double accuracy = (double) (c[0][0] + c[1][1]) / n;
    double[] f1 = new double[2];
    double[] precision = new double[2];
    double[] recall = new double[2];
    for (int k = 0; k < 2; k++) {
      int tp = c[k][k];
      int fp = c[1 - k][k];
      int fn = c[k][1 - k];
      precision[k] = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
      recall[k] = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
      f1[k] = precision[k] + recall[k] == 0 ? 0 : 2 * precision[k] * recall[k] / (precision[k] + recall[k]);
    }
    System.out.printf(Locale.ROOT, "%-10s %-4s %6d  %-10s %8.3f %8.3f %8.3f %8.3f %8.3f%n", dataset, lang, n, scorer, accuracy, (f1[0] + f1[1]) / 2,
        precision[1], recall[1], f1[1]);
  }
}
