package org.modsuite.moderation.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.modsuite.moderation.service.rules.RuleSets;

/** The shipped weights load, carry one version, and score the way a calibrated logistic regression must. */
class HateClassifierTests {

  private static final LexiconAnalyser LEXICON = new LexiconAnalyser(Lexicon.load());
  private static final HateClassifier SHIPPED = HateClassifier.load(List.of("en", "de"));

  private static double probability(String text, String language) {
    return RuleDecisionTests.SCORER.score(text, language).classifier().probability();
  }

  @Test
  void theShippedModelHasAVersionNamingItsLexiconAndTheRuleSetsItWasTrainedWith() {
    assertThat(SHIPPED.version()).startsWith("hate-lr-").contains("+" + LEXICON.rulesVersion())
        .as("trained against other rules than the bundled ones: run scripts/train-classifier")
        .endsWith("+" + RuleSets.bundled("en").version() + "+" + RuleSets.bundled("de").version());
  }

  @Test
  void aDehumanisingPostScoresHigherThanABenignOne() {
    assertThat(probability("Refugees are vermin and parasites", "en")).isGreaterThan(probability("Refugees are welcome in our town", "en"));
    assertThat(probability("Flüchtlinge sind Ungeziefer", "de")).isGreaterThan(probability("Die Bahn ist heute pünktlich", "de"));
  }

  @Test
  void probabilityIsTheSigmoidOfBiasPlusWeights() {
    HateClassifier model = HateClassifier.read(Map.of("en", new BufferedReader(new StringReader("@version\tv\n@bias\t-1.0\nw:a\t2.0\nw:b\t0.5\n"))));
    HateClassifier.Prediction p = model.predict(Map.of("w:a", 1.0, "w:c", 1.0), "en");
    assertThat(p.probability()).isCloseTo(1 / (1 + Math.exp(-1.0)), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(p.logit()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(p.topFeatures()).extracting(Map.Entry::getKey).containsExactly("w:a");
  }

  @Test
  void theCalibrationLinesMapTheRawScore() {
    HateClassifier model = HateClassifier.read(Map.of("en", new BufferedReader(new StringReader(
        "@version\tv\n@calibration-slope\t0.5\n@calibration-intercept\t-1.0\n@bias\t-1.0\nw:a\t3.0\n"))));
    HateClassifier.Prediction p = model.predict(Map.of("w:a", 1.0), "en");
    assertThat(p.logit()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(p.rawProbability()).isCloseTo(1 / (1 + Math.exp(-2.0)), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(p.probability()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void aFileWithoutVersionIsRefused() {
    assertThatThrownBy(() -> HateClassifier.read(Map.of("en", new BufferedReader(new StringReader("@bias\t0\n"))))).hasMessageContaining("version");
  }

  @Test
  void theStrongestFiveRaisingFeaturesExplainTheScoreStrongestFirst() {
    HateClassifier model = HateClassifier.read(Map.of("en", new BufferedReader(new StringReader(
        "@version\tv\n@bias\t0\nw:a\t1.0\nw:b\t6.0\nw:c\t3.0\nw:d\t-2.0\nw:e\t5.0\nw:f\t2.0\nw:g\t4.0\n"))));
    Map<String, Double> features = new java.util.LinkedHashMap<>();
    List.of("w:a", "w:b", "w:c", "w:d", "w:e", "w:f", "w:g").forEach(f -> features.put(f, 1.0));
    HateClassifier.Prediction p = model.predict(features, "en");
    assertThat(p.topFeatures()).extracting(Map.Entry::getKey).containsExactly("w:b", "w:e", "w:g", "w:c", "w:f");
    assertThat(p.logit()).isCloseTo(19.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void weightsTrainedWithOtherCharacterNgramsAreRefused() {
    assertThatThrownBy(() -> HateClassifier.read(Map.of("en", new BufferedReader(new StringReader(
        "@version\tv\n@char-ngrams\t1-9/1024/1\n@bias\t0\n"))))).hasMessageContaining("character n-grams 1-9/1024/1");
    HateClassifier shipped = HateClassifier.read(Map.of("en", new BufferedReader(new StringReader(
        "@version\tv\n@char-ngrams\t" + CharNgrams.SHIPPED.describe() + "\n@bias\t0\n"))));
    assertThat(shipped.version()).isEqualTo("v");
  }

  @Test
  void emojiAreWordsOfTheirOwn() {
    assertThat(ClassifierFeatures.words("i would love to 🔪 some")).containsExactly("i", "would", "love", "to", "🔪", "some");
  }
}
