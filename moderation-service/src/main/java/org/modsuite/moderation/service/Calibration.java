package org.modsuite.moderation.service;

/**
 * Platt scaling: the calibrated probability of hate is {@code sigmoid(slope × logit + intercept)}, where {@code logit} is
 * the classifier's raw score. Training reweights datasets and classes, so the raw sigmoid over-states hate; the map is
 * fitted by model-training on out-of-fold predictions of the training split and shipped in the weight file
 * ({@code @calibration-slope}, {@code @calibration-intercept}).
 */
public record Calibration(double slope, double intercept) {

  /** No calibration: the raw sigmoid (a weight file without calibration lines). */
  public static final Calibration NONE = new Calibration(1.0, 0.0);

  /** The calibrated probability for a raw logit. */
  public double probability(double logit) {
    return sigmoid(slope * logit + intercept);
  }

  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }
}
