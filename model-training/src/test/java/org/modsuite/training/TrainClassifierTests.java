package org.modsuite.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TrainClassifierTests {

  @Test
  void everyDatasetAndClassWeighsTheSameInTotal() {
    List<LabelledText> texts = List.of(
        new LabelledText("a", "en", "x", true, false),
        new LabelledText("a", "en", "y", false, false),
        new LabelledText("a", "en", "z", false, false),
        new LabelledText("a", "en", "w", false, false),
        new LabelledText("b", "en", "v", true, false),
        new LabelledText("b", "en", "u", false, false));
    Map<String, Double> weights = TrainClassifier.balancingWeights(texts);
    assertThat(weights.get("a/true") * 1).isEqualTo(weights.get("a/false") * 3);
    assertThat(weights.get("a/true") * 1 + weights.get("a/false") * 3).isEqualTo(weights.get("b/true") + weights.get("b/false"));
  }

  @Test
  void theCalibrationWeighsEachDatasetTheSameButNotTheClasses() {
    List<LabelledText> texts = List.of(
        new LabelledText("a", "en", "x", true, false),
        new LabelledText("a", "en", "y", false, false),
        new LabelledText("a", "en", "z", false, false),
        new LabelledText("b", "en", "v", true, false));
    Map<String, Double> weights = TrainClassifier.datasetWeights(texts);
    assertThat(weights.get("a") * 3).isEqualTo(weights.get("b") * 1);
    assertThat(weights.get("a") * 3 + weights.get("b")).isEqualTo(4.0);
  }
}
