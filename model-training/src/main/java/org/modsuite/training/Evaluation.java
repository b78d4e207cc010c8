package org.modsuite.training;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.modsuite.moderation.service.FusedScorer;
import org.modsuite.moderation.service.HateClassifier;
import org.modsuite.moderation.service.LexiconAnalyser;
import org.modsuite.moderation.service.Policy;
import org.modsuite.moderation.service.rules.RuleEngine;

/**
 * Accuracy, macro-F1 and the hate class's precision, recall and F1 on each dev split, for the rules, the classifier
 * (calibrated, and its raw probability before calibration) and the fused score; then the classifier's Brier score and
 * expected calibration error before and after calibration.
 */
final class Evaluation {

  static final double THRESHOLD = 0.5;

  private Evaluation() {
  }

  /** A dev text with what the service computed for it. */
  record Scored(LabelledText text, FusedScorer.Scores scores) {

    double hate() {
      return scores.scores().get("hate");
    }
  }

  /** Prints the tables and returns every dev text's scores, for {@link OperatingPoints} and {@link BiasMetrics}. */
  static List<Scored> print(HateClassifier classifier, LexiconAnalyser lexicon, RuleEngine rules, List<LabelledText> dev) {
    List<Scored> all = new java.util.ArrayList<>();
    System.out.printf(Locale.ROOT, "%n%-10s %-4s %6s  %-10s %8s %8s %8s %8s %8s%n", "dataset", "lang", "n", "scorer", "accuracy", "macroF1",
        "hateP", "hateR", "hateF1");
    FusedScorer fused = new FusedScorer(lexicon, classifier, TrainClassifier.LANGUAGES, TrainClassifier.RULE_LANGUAGES, rules);
    Map<String, List<LabelledText>> byDataset = dev.stream().collect(Collectors.groupingBy(LabelledText::dataset, TreeMap::new, Collectors.toList()));
    Policy policy = Policy.load(Optional.empty());
    StringBuilder operatingPoints = new StringBuilder(String.format(Locale.ROOT, "%n%-10s %-4s %8s %8s %8s %8s%n", "dataset", "lang", "review@R90",
        "recall", "precision", "flag-nonhate"));
    StringBuilder decisions = new StringBuilder(String.format(Locale.ROOT, "%n%-10s %-4s %6s %8s %8s %8s %8s %8s %8s%n", "dataset", "lang", "n",
        "allow", "review", "remove", "removeP", "flagP", "flagR"));
    StringBuilder calibration = new StringBuilder(String.format(Locale.ROOT, "%n%-10s %-4s %6s %8s %8s %8s %8s %8s%n", "dataset", "lang", "n",
        "hate%", "Brier", "Brier", "ECE", "ECE")).append(String.format(Locale.ROOT, "%-10s %-4s %6s %8s %8s %8s %8s %8s%n", "", "", "", "", "raw",
        "calib.", "raw", "calib."));
    for (Map.Entry<String, List<LabelledText>> set : byDataset.entrySet()) {
      List<LabelledText> texts = set.getValue();
      int[][] rulesCounts = new int[2][2];
      int[][] classifierCounts = new int[2][2];
      int[][] rawCounts = new int[2][2];
      int[][] fusedCounts = new int[2][2];
      int[][] reviewCounts = new int[2][2]; // fused score at the policy's hate review threshold of the language
      int[][] decided = new int[2][3]; // [hate][allow, review, remove]
      double[] fusedHate = new double[texts.size()];
      double[] raw = new double[texts.size()];
      double[] calibrated = new double[texts.size()];
      boolean[] hate = new boolean[texts.size()];
      for (int i = 0; i < texts.size(); i++) {
        LabelledText text = texts.get(i);
        FusedScorer.Scores scores = fused.score(text.text(), text.language());
        all.add(new Scored(text, scores));
        count(reviewCounts, text.hate(), scores.scores().get("hate") >= policy.review("hate", text.language()));
        count(rulesCounts, text.hate(), scores.ruleScores().get("hate") >= THRESHOLD);
        count(classifierCounts, text.hate(), scores.classifier().probability() >= THRESHOLD);
        count(rawCounts, text.hate(), scores.classifier().rawProbability() >= THRESHOLD);
        count(fusedCounts, text.hate(), scores.scores().get("hate") >= THRESHOLD);
        decided[text.hate() ? 1 : 0][policy.decide(scores.ruleScores(), scores.scores(), text.language()).ordinal()]++;
        fusedHate[i] = scores.scores().get("hate");
        raw[i] = scores.classifier().rawProbability();
        calibrated[i] = scores.classifier().probability();
        hate[i] = text.hate();
      }
      String lang = texts.get(0).language();
      row(set.getKey(), lang, texts.size(), "rules", rulesCounts);
      row(set.getKey(), lang, texts.size(), "clf-raw", rawCounts);
      row(set.getKey(), lang, texts.size(), "classifier", classifierCounts);
      row(set.getKey(), lang, texts.size(), "fused", fusedCounts);
      row(set.getKey(), lang, texts.size(), "fused@rev", reviewCounts);
      decisions.append(decisionRow(set.getKey(), lang, texts.size(), decided));
      operatingPoints.append(operatingPoint(set.getKey(), lang, fusedHate, hate));
      calibration.append(String.format(Locale.ROOT, "%-10s %-4s %6d %8.3f %8.4f %8.4f %8.4f %8.4f%n", set.getKey(), lang, texts.size(),
          texts.stream().filter(LabelledText::hate).count() / (double) texts.size(), CalibrationMetrics.brier(raw, hate),
          CalibrationMetrics.brier(calibrated, hate), CalibrationMetrics.expectedCalibrationError(raw, hate),
          CalibrationMetrics.expectedCalibrationError(calibrated, hate)));
    }
    System.out.print("\npolicy " + policy.version() + ": shares of allow, review and remove; the share of hate among removed posts "
        + "(removeP) and among removed or reviewed ones (flagP), and the share of hate posts removed or reviewed (flagR)" + decisions);
    System.out.print("\nthe highest review threshold on the fused hate score that catches >= 90 % of the hate posts, its recall and"
        + " precision, and the share of the other posts it flags" + operatingPoints);
    System.out.print("\nclassifier probabilities on the dev splits, before (raw) and after calibration; ECE over "
        + CalibrationMetrics.BINS + " equal-width bins" + calibration);
    System.out.println("\nscorers at 0.5, except fused@rev: the fused hate score at the policy's hate review threshold of the language");
    return all;
  }

  /** The highest threshold t with recall(score >= t) >= 0.9 (one of the scores), with its recall, precision and false-flag rate. */
  static String operatingPoint(String dataset, String lang, double[] score, boolean[] hate) {
    long positives = 0;
    for (boolean h : hate) {
      positives += h ? 1 : 0;
    }
    double[] sorted = score.clone();
    java.util.Arrays.sort(sorted);
    for (int k = sorted.length - 1; k >= 0; k--) {
      double t = sorted[k];
      int tp = 0;
      int fp = 0;
      for (int i = 0; i < score.length; i++) {
        if (score[i] >= t) {
          tp += hate[i] ? 1 : 0;
          fp += hate[i] ? 0 : 1;
        }
      }
      if (positives > 0 && tp >= 0.9 * positives) {
        return String.format(Locale.ROOT, "%-10s %-4s %8.3f %8.3f %8.3f %8.3f%n", dataset, lang, t, tp / (double) positives, tp / (double) (tp + fp),
            fp / (double) (score.length - positives));
      }
    }
    return String.format(Locale.ROOT, "%-10s %-4s %8s%n", dataset, lang, "-");
  }

  private static String decisionRow(String dataset, String lang, int n, int[][] d) {
    int removed = d[0][2] + d[1][2];
    int flagged = removed + d[0][1] + d[1][1];
    int hate = d[1][0] + d[1][1] + d[1][2];
    return String.format(Locale.ROOT, "%-10s %-4s %6d %8.3f %8.3f %8.3f %8.3f %8.3f %8.3f%n", dataset, lang, n, (d[0][0] + d[1][0]) / (double) n,
        (d[0][1] + d[1][1]) / (double) n, removed / (double) n, removed == 0 ? 0 : d[1][2] / (double) removed,
        flagged == 0 ? 0 : (d[1][1] + d[1][2]) / (double) flagged, hate == 0 ? 0 : (d[1][1] + d[1][2]) / (double) hate);
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
