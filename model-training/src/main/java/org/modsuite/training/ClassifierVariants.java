package org.modsuite.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.modsuite.moderation.service.Calibration;
import org.modsuite.moderation.service.CharNgrams;
import org.modsuite.moderation.service.ClassifierFeatures;
import org.modsuite.moderation.service.HateClassifier;
import org.modsuite.moderation.service.Lexicon;
import org.modsuite.moderation.service.LexiconAnalyser;
import org.modsuite.moderation.service.TextNormaliser;
import org.modsuite.moderation.service.rules.RuleEngine;
import org.modsuite.moderation.service.rules.RuleScorer;
import org.modsuite.moderation.service.rules.RuleSets;

/**
 * Compares variants of the classifier's character n-grams and training settings on the dev splits, each trained and
 * calibrated exactly as {@link TrainClassifier} does: raw and calibrated classifier and fused macro-F1, calibrated Brier
 * score, and the number of weights. The rules and lexicon run once per text; each variant only recomputes the n-gram
 * features. How {@link CharNgrams#SHIPPED} and {@link TrainClassifier#SHIPPED} were chosen; writes no model.
 *
 * <p>Usage: {@code ClassifierVariants <data dir> <variant>...}, a variant being
 * {@code <min>-<max>/<log2 buckets>/<epochs>/<min df>/<l2>/<value>} or {@code none/<epochs>/<min df>/<l2>}, the value
 * of an n-gram present being a number, or a number and {@code s} for that number divided by the square root of the
 * post's number of n-grams; e.g. {@code 2-5/18/8/2/0/1s}.
 */
public final class ClassifierVariants {

  private record Variant(String name, CharNgrams chars, TrainClassifier.Settings settings) {

    static Variant parse(String spec) {
      String[] p = spec.split("/");
      if (p[0].equals("none")) {
        return new Variant(spec, null, new TrainClassifier.Settings(Integer.parseInt(p[1]), Integer.parseInt(p[2]), Double.parseDouble(p[3])));
      }
      String[] range = p[0].split("-");
      boolean normalised = p[5].endsWith("s");
      return new Variant(spec, CharNgrams.of(Integer.parseInt(range[0]), Integer.parseInt(range[1]), 1 << Integer.parseInt(p[1]),
          Double.parseDouble(normalised ? p[5].substring(0, p[5].length() - 1) : p[5]), normalised),
          new TrainClassifier.Settings(Integer.parseInt(p[2]), Integer.parseInt(p[3]), Double.parseDouble(p[4])));
    }
  }

  /** What a text's features are made of, the rules' hits included, and what the fusion needs. */
  private record Base(String folded, LexiconAnalyser.Scored lexicon, RuleScorer.Scored rules) {
  }

  private ClassifierVariants() {
  }

  public static void main(String[] args) throws IOException {
    List<LabelledText> all = Datasets.all(Path.of(args[0]));
    List<Variant> variants = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      variants.add(Variant.parse(args[i]));
    }
    LexiconAnalyser lexicon = new LexiconAnalyser(Lexicon.load());
    RuleEngine rules = RuleSets.bundledEngine(TrainClassifier.RULE_LANGUAGES);
    for (String language : TrainClassifier.LANGUAGES) {
      List<LabelledText> train = all.stream().filter(t -> t.language().equals(language) && !t.dev()).toList();
      List<LabelledText> dev = all.stream().filter(t -> t.language().equals(language) && t.dev()).toList();
      List<Base> trainBase = train.parallelStream().map(t -> base(t.text(), language, lexicon, rules)).toList();
      List<Base> devBase = dev.parallelStream().map(t -> base(t.text(), language, lexicon, rules)).toList();
      for (Variant variant : variants) {
        long started = System.nanoTime();
        List<Map<String, Double>> trainFeatures = trainBase.stream().map(b -> features(b, language, variant.chars())).toList();
        Calibration calibration = TrainClassifier.calibrate(train, language,
            TrainClassifier.outOfFoldLogits(train, trainFeatures, language, variant.settings()));
        String weights = TrainClassifier.train(train, trainFeatures, variant.settings());
        HateClassifier model = HateClassifier.read(Map.of(language, new BufferedReader(new StringReader("@version\t" + variant.name()
            + "\n@calibration-slope\t" + calibration.slope() + "\n@calibration-intercept\t" + calibration.intercept() + "\n" + weights))));
        long weightCount = weights.lines().count() - 1;
        Map<String, List<Integer>> byDataset = new TreeMap<>();
        for (int i = 0; i < dev.size(); i++) {
          byDataset.computeIfAbsent(dev.get(i).dataset(), d -> new ArrayList<>()).add(i);
        }
        for (Map.Entry<String, List<Integer>> set : byDataset.entrySet()) {
          int[][] raw = new int[2][2];
          int[][] calibrated = new int[2][2];
          int[][] fused = new int[2][2];
          double brier = 0;
          List<BiasMetrics.Row> rows = new ArrayList<>();
          for (int i : set.getValue()) {
            Base b = devBase.get(i);
            HateClassifier.Prediction p = model.predict(features(b, language, variant.chars()), language);
            boolean hate = dev.get(i).hate();
            raw[hate ? 1 : 0][p.rawProbability() >= Evaluation.THRESHOLD ? 1 : 0]++;
            calibrated[hate ? 1 : 0][p.probability() >= Evaluation.THRESHOLD ? 1 : 0]++;
            double fusedHate = Math.round(Math.max(b.rules().scores().get("hate"), p.probability() * b.rules().classifierFactor()) * 1000) / 1000.0;
            fused[hate ? 1 : 0][fusedHate >= Evaluation.THRESHOLD ? 1 : 0]++;
            rows.add(new BiasMetrics.Row(language, hate, fusedHate, b.folded()));
            brier += (p.probability() - (hate ? 1 : 0)) * (p.probability() - (hate ? 1 : 0));
          }
          System.out.printf(Locale.ROOT, "VARIANT %-22s %-3s %-9s raw %.3f calibrated %.3f fused %.3f fusedAUC %.3f flagged@R90 %.3f Brier %.4f "
              + "weights %d (%.0f s)%n", variant.name(), language, set.getKey(), macroF1(raw), macroF1(calibrated), macroF1(fused),
              BiasMetrics.auc(rows), flaggedAtRecall(rows), brier / set.getValue().size(),
              weightCount, (System.nanoTime() - started) / 1e9);
        }
      }
    }
  }

  private static Base base(String text, String language, LexiconAnalyser lexicon, RuleEngine rules) {
    TextNormaliser.Folded folded = TextNormaliser.fold(text);
    RuleScorer.Scored ruled = RuleScorer.score(rules.match(folded.text(), language), folded::originalStart, folded::originalEnd);
    return new Base(folded.text(), lexicon.score(folded, language), ruled);
  }

  private static Map<String, Double> features(Base base, String language, CharNgrams chars) {
    return ClassifierFeatures.of(base.folded(), language, base.lexicon(), base.rules(), chars);
  }

  /** The share of all posts flagged at the highest threshold that still catches {@link OperatingPoints#RECALL} of the hateful ones. */
  private static double flaggedAtRecall(List<BiasMetrics.Row> rows) {
    double[] hate = rows.stream().filter(BiasMetrics.Row::hate).mapToDouble(BiasMetrics.Row::score).sorted().toArray();
    double t = hate[(int) Math.floor((1 - OperatingPoints.RECALL) * hate.length + 1e-9)];
    return rows.stream().filter(r -> r.score() >= t).count() / (double) rows.size();
  }

  private static double macroF1(int[][] c) {
    double sum = 0;
    for (int k = 0; k < 2; k++) {
      int tp = c[k][k];
      int fp = c[1 - k][k];
      int fn = c[k][1 - k];
      double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
      double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
      sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
    return sum / 2;
  }
}
