package org.modsuite.moderation.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Platt scaling as the service applies it, and the shipped maps. */
class CalibrationTests {

  @Test
  void plattScalingIsTheSigmoidOfTheScaledLogit() {
    Calibration c = new Calibration(0.5, -1.0);
    assertThat(c.probability(2.0)).isCloseTo(0.5, offset(1e-12));
    assertThat(c.probability(4.0)).isCloseTo(1 / (1 + Math.exp(-1.0)), offset(1e-12));
    assertThat(Calibration.NONE.probability(0.0)).isEqualTo(0.5);
  }

  @Test
  void aPositiveSlopeKeepsTheOrderOfScores() {
    Calibration c = new Calibration(0.2, 0.3);
    assertThat(c.probability(-3)).isLessThan(c.probability(0)).isLessThan(c.probability(3));
  }

  @Test
  void theShippedModelsAreCalibratedWithAPositiveSlope() {
    HateClassifier shipped = HateClassifier.load(List.of("en", "de"));
    for (String language : List.of("en", "de")) {
      HateClassifier.Prediction p = shipped.predict(java.util.Map.of(), language);
      assertThat(p.probability()).as(language).isNotEqualTo(p.rawProbability()); // calibration lines were read
    }
  }
}
