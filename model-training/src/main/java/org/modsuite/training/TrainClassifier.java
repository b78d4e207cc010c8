package org.modsuite.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.modsuite.moderation.service.Calibration;
import org.modsuite.moderation.service.CharNgrams;
import org.modsuite.moderation.service.FusedScorer;
import org.modsuite.moderation.service.HateClassifier;
import org.modsuite.moderation.service.Lexicon;
import org.modsuite.moderation.service.LexiconAnalyser;
import org.modsuite.moderation.service.TargetTerms;
import org.modsuite.moderation.service.rules.RuleEngine;
import org.modsuite.moderation.service.rules.RuleSets;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.AdaGradRDA;

/**
 * Retrains the hate classifier, one logistic regression per language, calibrates it, and writes its weights where
 * moderation-service loads them. The features come from {@link FusedScorer#features} with the bundled rules: the same
 * folding, stems, lexicon and rule hits the service scores with. The calibration (Platt scaling) is fitted on
 * out-of-fold predictions of the training split ({@value #FOLDS}-fold cross-validation), never on a dev split.
 * Deterministic: fixed seed, fixed example order and folds, sorted output, so a retrain reproduces the shipped files
 * byte for byte. Then evaluates the written model on the dev splits ({@link Evaluation}).
 *
 * <p>Usage: {@code TrainClassifier <data dir> <output dir>} (scripts/train-classifier passes both).
 */
public final class TrainClassifier {

  /** The languages with a model: English and German with rule features, French and Arabic with lexicon features only. */
  static final List<String> LANGUAGES = List.of("en", "de", "fr", "ar");
  /** The languages with CoreNLP rules, whose versions the model version names. */
  static final List<String> RULE_LANGUAGES = List.of("en", "de");
  static final long SEED = 20261122L;
  static final int FOLDS = 5;

  /**
   * What training can vary: SGD epochs, the number of training texts a word, bigram, stem or character n-gram must
   * occur in to be kept, and the L2 penalty (0: plain AdaGrad; above: Tribuo's AdaGrad with regularised dual averaging).
   */
  record Settings(int epochs, int minDocumentFrequency, double l2) {
  }

  /** The shipped settings, chosen on the dev splits (see the model card, "What was tried"). */
  static final Settings SHIPPED = new Settings(8, 3, 0);
  /** Few, dense features kept whatever their document frequency: lexicon scores and rule hits. */
  private static final List<String> DENSE = List.of("lex:", "r:", "shield:");

  private TrainClassifier() {
  }

  public static void main(String[] args) throws IOException {
    Path data = Path.of(args.length > 0 ? args[0] : "model-training/data");
    Path out = Path.of(args.length > 1 ? args[1] : "moderation-service/src/main/resources/model");
    LexiconAnalyser lexicon = new LexiconAnalyser(Lexicon.load());
    RuleEngine rules = RuleSets.bundledEngine(RULE_LANGUAGES);
    FusedScorer scorer = new FusedScorer(lexicon, null, LANGUAGES, rules);
    List<LabelledText> all = Datasets.all(data);
    Map<String, String> weightFiles = new TreeMap<>();
    for (String language : LANGUAGES) {
      List<LabelledText> train = all.stream().filter(t -> t.language().equals(language) && !t.dev()).toList();
      long started = System.nanoTime();
      // In parallel (the rules parse some sentences); the list keeps the texts' order, so the result does not depend on it.
      List<Map<String, Double>> features = train.parallelStream().map(t -> scorer.features(t.text(), language)).toList();
      System.out.printf(Locale.ROOT, "%s: features of %d texts (%d hate) in %.0f s%n", language, train.size(),
          train.stream().filter(LabelledText::hate).count(), (System.nanoTime() - started) / 1e9);
      Calibration calibration = calibrate(train, language, outOfFoldLogits(train, features, language, SHIPPED));
      weightFiles.put(language, HateClassifier.CHAR_NGRAMS + "\t" + CharNgrams.SHIPPED.describe() + "\n" + TargetTerms.VERSION_LINE + "\t"
          + TargetTerms.SHIPPED.version() + "\n@calibration-slope\t" + format(calibration.slope()) + "\n@calibration-intercept\t"
          + format(calibration.intercept()) + "\n" + train(train, features, SHIPPED));
    }
    String version = "hate-lr-" + shortHash(String.join("\n", weightFiles.values())) + "+" + lexicon.rulesVersion()
        + RULE_LANGUAGES.stream().map(l -> "+" + rules.current(l).ruleSet().version()).collect(Collectors.joining());
    Files.createDirectories(out);
    Map<String, BufferedReader> readers = new HashMap<>();
    for (Map.Entry<String, String> file : weightFiles.entrySet()) {
      String content = "# ModSuite hate classifier, " + file.getKey() + ": calibrated logistic regression weights (see docs/model-card.md)\n"
          + "@version\t" + version + "\n" + file.getValue();
      Files.writeString(out.resolve("hate-classifier-" + file.getKey() + ".tsv"), content, StandardCharsets.UTF_8);
      readers.put(file.getKey(), new BufferedReader(new StringReader(content)));
    }
    System.out.println("model version " + version + " written to " + out);
    Evaluation.print(HateClassifier.read(readers), lexicon, rules, all.stream().filter(LabelledText::dev).toList());
  }

  /** The logit of each text by the model trained on the other folds (fold = index mod {@value #FOLDS}). */
  static double[] outOfFoldLogits(List<LabelledText> texts, List<Map<String, Double>> features, String language, Settings settings) {
    double[] logits = new double[texts.size()];
    for (int fold = 0; fold < FOLDS; fold++) {
      List<LabelledText> trainTexts = new ArrayList<>();
      List<Map<String, Double>> trainFeatures = new ArrayList<>();
      for (int i = 0; i < texts.size(); i++) {
        if (i % FOLDS != fold) {
          trainTexts.add(texts.get(i));
          trainFeatures.add(features.get(i));
        }
      }
      HateClassifier model = HateClassifier.read(Map.of(language, new BufferedReader(new StringReader(
          "@version\tfold-" + fold + "\n" + train(trainTexts, trainFeatures, settings)))));
      for (int i = fold; i < texts.size(); i += FOLDS) {
        logits[i] = model.predict(features.get(i), language).logit();
      }
    }
    return logits;
  }

  /**
   * Platt scaling fitted on out-of-fold scores ({@link #outOfFoldLogits}), printed with their Brier score and ECE.
   * Each dataset counts the same in the fit, as in training, but the classes count as they occur: the class
   * reweighting of training is what the calibration undoes.
   */
  static Calibration calibrate(List<LabelledText> texts, String language, double[] logits) {
    boolean[] hate = new boolean[texts.size()];
    double[] weights = new double[texts.size()];
    Map<String, Double> perDataset = datasetWeights(texts);
    for (int i = 0; i < texts.size(); i++) {
      hate[i] = texts.get(i).hate();
      weights[i] = perDataset.get(texts.get(i).dataset());
    }
    Calibration calibration = PlattScaling.fit(logits, hate, weights);
    double[] raw = new double[logits.length];
    double[] calibrated = new double[logits.length];
    for (int i = 0; i < logits.length; i++) {
      raw[i] = Calibration.NONE.probability(logits[i]);
      calibrated[i] = calibration.probability(logits[i]);
    }
    System.out.printf(Locale.ROOT, "%s: calibration slope %.4f intercept %.4f; out-of-fold Brier %.4f -> %.4f, ECE %.4f -> %.4f%n", language,
        calibration.slope(), calibration.intercept(), CalibrationMetrics.brier(raw, hate), CalibrationMetrics.brier(calibrated, hate),
        CalibrationMetrics.expectedCalibrationError(raw, hate), CalibrationMetrics.expectedCalibrationError(calibrated, hate));
    return calibration;
  }

  /** Trains on the given texts and their features; returns the weight file body: "@bias" then one "feature<TAB>weight" per line, sorted. */
  static String train(List<LabelledText> texts, List<Map<String, Double>> features, Settings settings) {
    Map<String, Integer> documentFrequency = new HashMap<>();
    features.forEach(f -> f.keySet().forEach(name -> documentFrequency.merge(name, 1, Integer::sum)));
    Map<String, Double> weights = balancingWeights(texts);
    LabelFactory labels = new LabelFactory();
    MutableDataset<Label> dataset = new MutableDataset<>(
        new SimpleDataSourceProvenance("modsuite-training", OffsetDateTime.parse("2026-01-01T00:00:00Z"), labels), labels);
    for (int i = 0; i < texts.size(); i++) {
      List<String> names = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      features.get(i).forEach((name, value) -> {
        if (documentFrequency.get(name) >= settings.minDocumentFrequency() || DENSE.stream().anyMatch(name::startsWith)) {
          names.add(name);
          values.add(value);
        }
      });
      if (!names.isEmpty()) {
        ArrayExample<Label> example = new ArrayExample<>(new Label(texts.get(i).hate() ? "hate" : "none"), names.toArray(String[]::new),
            values.stream().mapToDouble(Double::doubleValue).toArray());
        example.setWeight((float) weights.get(key(texts.get(i))).doubleValue());
        dataset.add(example);
      }
    }
    StochasticGradientOptimiser optimiser = settings.l2() > 0 ? new AdaGradRDA(0.3, 0.1, 0, settings.l2(), dataset.size()) : new AdaGrad(0.3, 0.1);
    LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), optimiser, settings.epochs(), dataset.size() * settings.epochs() + 1, 1, SEED);
    LinearSGDModel model = trainer.train(dataset);
    return export(model);
  }

  /** Each dataset the same total weight, whatever its size: N / (datasets × its size). */
  static Map<String, Double> datasetWeights(List<LabelledText> texts) {
    Map<String, Long> counts = texts.stream().collect(Collectors.groupingBy(LabelledText::dataset, Collectors.counting()));
    Map<String, Double> weights = new HashMap<>();
    counts.forEach((dataset, n) -> weights.put(dataset, texts.size() / ((double) counts.size() * n)));
    return weights;
  }

  /**
   * Each dataset counts as much as the others, and within a dataset hate as much as the rest: Davidson's 24,000
   * tweets (6 % hate) would otherwise teach the English model that hate is rare and looks like Davidson's slurs.
   */
  static Map<String, Double> balancingWeights(List<LabelledText> texts) {
    Map<String, Long> counts = texts.stream().collect(Collectors.groupingBy(TrainClassifier::key,
        Collectors.counting()));
    long datasets = texts.stream().map(LabelledText::dataset).distinct().count();
    Map<String, Double> weights = new HashMap<>();
    counts.forEach((key, n) -> weights.put(key, texts.size() / (2.0 * datasets * n)));
    return weights;
  }

  private static String key(LabelledText text) {
    return text.dataset() + "/" + text.hate();
  }

  /** Two-class softmax as one logistic regression: w = w(hate) - w(none), bias likewise. */
  private static String export(LinearSGDModel model) {
    DenseMatrix weights = model.getWeightsCopy();
    int hate = model.getOutputIDInfo().getID(new Label("hate"));
    int none = model.getOutputIDInfo().getID(new Label("none"));
    int features = model.getFeatureIDMap().size();
    StringBuilder out = new StringBuilder();
    out.append("@bias\t").append(format(weights.get(hate, features) - weights.get(none, features))).append('\n');
    TreeMap<String, Double> sorted = new TreeMap<>();
    model.getFeatureIDMap().forEach(info -> {
      int id = model.getFeatureIDMap().getID(info.getName());
      double w = weights.get(hate, id) - weights.get(none, id);
      if (Math.abs(w) >= 1e-4) { // weights this small change no probability by more than a rounding error
        sorted.put(info.getName(), w);
      }
    });
    sorted.forEach((name, w) -> out.append(name.replace('\t', ' ').replace('\n', ' ')).append('\t').append(format(w)).append('\n'));
    return out.toString();
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.5f", value);
  }

  private static String shortHash(String content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)), 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
