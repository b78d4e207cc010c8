package org.modsuite.moderation.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The trained hate classifier: logistic regression over {@link ClassifierFeatures}, one weight file per language
 * (written by model-training's TrainClassifier, see the model card), with a {@link Calibration} per language that turns
 * the raw score into a calibrated probability. Scoring is a dot product, so it costs microseconds; the strongest
 * features of a decision are its explanation.
 */
public final class HateClassifier {

  /**
   * @param probability the calibrated probability of hate
   * @param logit the raw score (bias + weights · features), before calibration
   * @param topFeatures the features that pushed the score up most, with their contributions to the logit
   */
  public record Prediction(double probability, double logit, List<Map.Entry<String, Double>> topFeatures) {

    /** The sigmoid of the raw score: the probability before calibration (what the evaluation compares with). */
    public double rawProbability() {
      return Calibration.sigmoid(logit);
    }
  }

  private static final int TOP_FEATURES = 5;

  private final String version;
  private final Map<String, Weights> byLanguage;

  /**
   * @param charWeights the weights of the {@code c:} features by bucket, for {@link #predict(ClassifierFeatures.PostFeatures,
   *     String)}; null for a file without {@code @char-ngrams} line (a model that training scores only by name)
   */
  record Weights(double bias, Map<String, Double> weights, Calibration calibration, double[] charWeights) {
  }

  private HateClassifier(String version, Map<String, Weights> byLanguage) {
    this.version = version;
    this.byLanguage = byLanguage;
  }

  public String version() {
    return version;
  }

  /**
   * The header line naming the character n-gram definition the weights were trained with ({@link CharNgrams#describe});
   * hashed buckets mean nothing under another definition, so a file that names one the service does not compute is refused.
   */
  public static final String CHAR_NGRAMS = "@char-ngrams";

  /** The {@code c:<bucket>} weights as an array by bucket: what scoring a post reads (the names stay for training). */
  private static double[] charWeights(Map<String, Double> weights) {
    double[] byBucket = new double[CharNgrams.SHIPPED.size()];
    weights.forEach((name, w) -> {
      if (name.startsWith(CharNgrams.PREFIX)) {
        byBucket[Integer.parseInt(name, CharNgrams.PREFIX.length(), name.length(), 10)] = w;
      }
    });
    return byBucket;
  }

  private static void checkCharNgrams(String language, String definition) {
    if (!definition.equals(CharNgrams.SHIPPED.describe())) {
      throw new IllegalStateException("weights of " + language + " were trained with character n-grams " + definition + ", the features compute "
          + CharNgrams.SHIPPED.describe() + ": retrain with scripts/train-classifier");
    }
  }

  /**
   * The weights were trained with the group placeholder and target features of one target lexicon; under another one
   * they mean something else, so a file that names another version is refused.
   */
  private static void checkTargetLexicon(String language, String version) {
    if (!version.equals(TargetTerms.SHIPPED.version())) {
      throw new IllegalStateException("weights of " + language + " were trained with target lexicon " + version + ", the features use "
          + TargetTerms.SHIPPED.version() + ": retrain with scripts/train-classifier");
    }
  }

  /** Loads {@code /model/hate-classifier-<lang>.tsv} for each language from the class path. */
  public static HateClassifier load(List<String> languages) {
    Map<String, BufferedReader> readers = new HashMap<>();
    for (String language : languages) {
      String resource = "/model/hate-classifier-" + language + ".tsv";
      InputStream in = HateClassifier.class.getResourceAsStream(resource);
      if (in == null) {
        throw new IllegalStateException("classifier weights " + resource + " are missing");
      }
      readers.put(language, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    }
    return read(readers);
  }

  /** Reads one weight file per language; their version lines must agree. Closes the readers. */
  public static HateClassifier read(Map<String, BufferedReader> readers) {
    String version = null;
    Map<String, Weights> byLanguage = new HashMap<>();
    for (Map.Entry<String, BufferedReader> file : readers.entrySet()) {
      try (BufferedReader reader = file.getValue()) {
        Map<String, Double> weights = new HashMap<>();
        double bias = 0;
        double slope = Calibration.NONE.slope();
        double intercept = Calibration.NONE.intercept();
        String fileVersion = null;
        boolean charNgrams = false;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          if (line.startsWith("#") || line.isBlank()) {
            continue;
          }
          int tab = line.lastIndexOf('\t');
          String name = line.substring(0, tab);
          String value = line.substring(tab + 1);
          switch (name) {
            case "@version" -> fileVersion = value;
            case "@bias" -> bias = Double.parseDouble(value);
            case "@calibration-slope" -> slope = Double.parseDouble(value);
            case "@calibration-intercept" -> intercept = Double.parseDouble(value);
            case TargetTerms.VERSION_LINE -> checkTargetLexicon(file.getKey(), value);
            case CHAR_NGRAMS -> {
              checkCharNgrams(file.getKey(), value);
              charNgrams = true;
            }
            default -> weights.put(name, Double.parseDouble(value));
          }
        }
        if (fileVersion == null || (version != null && !version.equals(fileVersion))) {
          throw new IllegalStateException("weights of " + file.getKey() + " have version " + fileVersion + ", expected " + version);
        }
        version = fileVersion;
        byLanguage.put(file.getKey(), new Weights(bias, weights, new Calibration(slope, intercept), charNgrams ? charWeights(weights) : null));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
        throw new IllegalStateException("weights of " + file.getKey() + " are not a weight file", e);
      }
    }
    return new HateClassifier(version, byLanguage);
  }

  /**
   * Scores features computed by name ({@link ClassifierFeatures#of}: training, tests) for {@code language}'s model. For
   * an unknown language every model scores the same features and the highest probability counts ({@link FusedScorer}
   * instead computes each model's own features).
   */
  public Prediction predict(Map<String, Double> features, String language) {
    Weights only = language == null ? null : byLanguage.get(language);
    if (only != null) {
      return predict(only, features, null);
    }
    return byLanguage.values().stream().map(w -> predict(w, features, null)).max(Comparator.comparingDouble(Prediction::probability)).orElseThrow();
  }

  /**
   * Scores a post's features as the service computes them ({@link ClassifierFeatures#forScoring}) with {@code
   * language}'s model: the same score as {@link #predict(Map, String)} on {@link ClassifierFeatures#of}, the character
   * n-grams read from the post's buckets instead of by name.
   */
  public Prediction predict(ClassifierFeatures.PostFeatures post, String language) {
    Weights model = byLanguage.get(language);
    if (model.charWeights() == null) {
      throw new IllegalStateException("weights of " + language + " have no " + CHAR_NGRAMS + " line and cannot score a post");
    }
    return predict(model, post.features(), post.words());
  }

  /** The raw score of the named features, plus the character n-grams of {@code words} when given, and the strongest five. */
  private static Prediction predict(Weights model, Map<String, Double> features, List<String> words) {
    double z = model.bias();
    Strongest strongest = new Strongest();
    for (Map.Entry<String, Double> f : features.entrySet()) {
      Double w = model.weights().get(f.getKey());
      if (w != null) {
        double contribution = w * f.getValue();
        z += contribution;
        strongest.offer(f.getKey(), contribution);
      }
    }
    if (words != null) {
      CharNgrams.Buckets buckets = CharNgrams.SHIPPED.buckets(words);
      double[] charWeights = model.charWeights();
      for (int i = 0; i < buckets.count(); i++) {
        int bucket = buckets.id(i);
        if (charWeights[bucket] != 0) {
          double contribution = charWeights[bucket] * buckets.value();
          z += contribution;
          strongest.offer(CharNgrams.SHIPPED.name(bucket), contribution);
        }
      }
    }
    return new Prediction(model.calibration().probability(z), z, strongest.list());
  }

  /** The {@value #TOP_FEATURES} largest positive contributions, strongest first, in a small sorted array. */
  private static final class Strongest {

    private final String[] names = new String[TOP_FEATURES];
    private final double[] values = new double[TOP_FEATURES];
    private int size;

    void offer(String name, double contribution) {
      if (contribution <= 0 || (size == TOP_FEATURES && contribution <= values[size - 1])) {
        return;
      }
      int at = size < TOP_FEATURES ? size++ : TOP_FEATURES - 1;
      while (at > 0 && values[at - 1] < contribution) {
        names[at] = names[at - 1];
        values[at] = values[at - 1];
        at--;
      }
      names[at] = name;
      values[at] = contribution;
    }

    List<Map.Entry<String, Double>> list() {
      List<Map.Entry<String, Double>> list = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        list.add(Map.entry(names[i], values[i]));
      }
      return List.copyOf(list);
    }
  }
}
