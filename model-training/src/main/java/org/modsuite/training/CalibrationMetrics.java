package org.modsuite.training;

/** How well probabilities match outcomes: Brier score and expected calibration error (equal-width bins). */
final class CalibrationMetrics {

  static final int BINS = 10;

  private CalibrationMetrics() {
  }

  /** Mean squared difference between probability and outcome (0 is perfect; always saying 0.5 scores 0.25). */
  static double brier(double[] probabilities, boolean[] hate) {
    double sum = 0;
    for (int i = 0; i < probabilities.length; i++) {
      double d = probabilities[i] - (hate[i] ? 1 : 0);
      sum += d * d;
    }
    return sum / probabilities.length;
  }

  /**
   * Expected calibration error over {@link #BINS} equal-width bins of the probability: per bin, the gap between the mean
   * probability and the share of hate, weighted by the bin's share of the texts.
   */
  static double expectedCalibrationError(double[] probabilities, boolean[] hate) {
    double[] sumP = new double[BINS];
    double[] sumY = new double[BINS];
    int[] n = new int[BINS];
    for (int i = 0; i < probabilities.length; i++) {
      int bin = Math.min(BINS - 1, (int) (probabilities[i] * BINS));
      sumP[bin] += probabilities[i];
      sumY[bin] += hate[i] ? 1 : 0;
      n[bin]++;
    }
    double ece = 0;
    for (int bin = 0; bin < BINS; bin++) {
      if (n[bin] > 0) {
        ece += Math.abs(sumP[bin] - sumY[bin]) / probabilities.length;
      }
    }
    return ece;
  }
}
