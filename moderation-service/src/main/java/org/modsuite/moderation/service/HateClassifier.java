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

  record Weights(double bias, Map<String, Double> weights, Calibration calibration) {
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

  private static void checkCharNgrams(String language, String definition) {
    if (!definition.equals(CharNgrams.SHIPPED.describe())) {
      throw new IllegalStateException("weights of " + language + " were trained with character n-grams " + definition + ", the features compute "
          + CharNgrams.SHIPPED.describe() + ": retrain with scripts/train-classifier");
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
            case CHAR_NGRAMS -> checkCharNgrams(file.getKey(), value);
            default -> weights.put(name, Double.parseDouble(value));
          }
        }
        if (fileVersion == null || (version != null && !version.equals(fileVersion))) {
          throw new IllegalStateException("weights of " + file.getKey() + " have version " + fileVersion + ", expected " + version);
        }
        version = fileVersion;
        byLanguage.put(file.getKey(), new Weights(bias, weights, new Calibration(slope, intercept)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
        throw new IllegalStateException("weights of " + file.getKey() + " are not a weight file", e);
      }
    }
    return new HateClassifier(version, byLanguage);
  }

  /**
   * Scores features computed for {@code language}'s model. For an unknown language every model scores the same
   * features and the highest probability counts ({@link FusedScorer} instead computes each model's own features).
   */
  public Prediction predict(Map<String, Double> features, String language) {
    Weights only = language == null ? null : byLanguage.get(language);
    if (only != null) {
      return predict(only, features);
    }
    return byLanguage.values().stream().map(w -> predict(w, features)).max(Comparator.comparingDouble(Prediction::probability)).orElseThrow();
  }

  private static Prediction predict(Weights model, Map<String, Double> features) {
    double z = model.bias();
    // The strongest positive contributions, kept in a small sorted array rather than a map of all (hundreds per post).
    String[] topNames = new String[TOP_FEATURES];
    double[] topValues = new double[TOP_FEATURES];
    int top = 0;
    for (Map.Entry<String, Double> f : features.entrySet()) {
      Double w = model.weights().get(f.getKey());
      if (w == null) {
        continue;
      }
      double contribution = w * f.getValue();
      z += contribution;
      if (contribution > 0 && (top < TOP_FEATURES || contribution > topValues[top - 1])) {
        int at = top < TOP_FEATURES ? top++ : TOP_FEATURES - 1;
        while (at > 0 && topValues[at - 1] < contribution) {
          topNames[at] = topNames[at - 1];
          topValues[at] = topValues[at - 1];
          at--;
        }
        topNames[at] = f.getKey();
        topValues[at] = contribution;
      }
    }
    List<Map.Entry<String, Double>> strongest = new ArrayList<>(top);
    for (int i = 0; i < top; i++) {
      strongest.add(Map.entry(topNames[i], topValues[i]));
    }
    return new Prediction(model.calibration().probability(z), z, List.copyOf(strongest));
  }
}
