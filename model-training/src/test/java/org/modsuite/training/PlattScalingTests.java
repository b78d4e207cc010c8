package org.modsuite.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.modsuite.moderation.service.Calibration;

/** Platt scaling recovers a known map, honours weights, and is deterministic; the calibration figures are right. */
class PlattScalingTests {

  /** Scores drawn uniformly, labels drawn from sigmoid(slope × score + intercept). */
  private static Object[] sample(double slope, double intercept, int n, long seed) {
    Random random = new Random(seed);
    double[] logits = new double[n];
    boolean[] hate = new boolean[n];
    for (int i = 0; i < n; i++) {
      logits[i] = random.nextDouble() * 40 - 20;
      hate[i] = random.nextDouble() < new Calibration(slope, intercept).probability(logits[i]);
    }
    return new Object[] {logits, hate};
  }

  private static double[] ones(int n) {
    double[] w = new double[n];
    java.util.Arrays.fill(w, 1.0);
    return w;
  }

  @Test
  void recoversTheMapTheLabelsWereDrawnFrom() {
    Object[] s = sample(0.15, -0.6, 50_000, 7);
    Calibration fitted = PlattScaling.fit((double[]) s[0], (boolean[]) s[1], ones(50_000));
    assertThat(fitted.slope()).isCloseTo(0.15, offset(0.01));
    assertThat(fitted.intercept()).isCloseTo(-0.6, offset(0.05));
  }

  @Test
  void theFitIsTheMaximumOfTheWeightedLikelihood() {
    Object[] s = sample(0.3, 0.2, 5_000, 11);
    double[] logits = (double[]) s[0];
    boolean[] hate = (boolean[]) s[1];
    double[] weights = new double[logits.length];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = i % 3 == 0 ? 2.5 : 0.5;
    }
    Calibration fitted = PlattScaling.fit(logits, hate, weights);
    double best = PlattScaling.loss(logits, hate, weights, fitted.slope(), fitted.intercept());
    for (double[] d : new double[][] {{1e-3, 0}, {-1e-3, 0}, {0, 1e-3}, {0, -1e-3}}) {
      assertThat(PlattScaling.loss(logits, hate, weights, fitted.slope() + d[0], fitted.intercept() + d[1])).isGreaterThan(best);
    }
    assertThat(PlattScaling.fit(logits, hate, weights)).isEqualTo(fitted);
  }

  @Test
  void brierAndExpectedCalibrationError() {
    double[] p = {0.05, 0.05, 0.95, 0.95, 0.55, 0.55};
    boolean[] y = {false, false, true, true, true, false};
    assertThat(CalibrationMetrics.brier(p, y)).isCloseTo((4 * 0.0025 + 0.2025 + 0.3025) / 6, offset(1e-12));
    // bins 0 and 9: |0.05 - 0| and |0.95 - 1|; bin 5: |0.55 - 0.5|, each a third of the texts
    assertThat(CalibrationMetrics.expectedCalibrationError(p, y)).isCloseTo(0.05, offset(1e-12));
    assertThat(CalibrationMetrics.expectedCalibrationError(new double[] {1.0}, new boolean[] {true})).isEqualTo(0.0);
  }
}
