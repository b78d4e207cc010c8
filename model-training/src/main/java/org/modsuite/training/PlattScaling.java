package org.modsuite.training;

import org.modsuite.moderation.service.Calibration;

/**
 * Fits Platt scaling, {@code p = sigmoid(slope × logit + intercept)}, by weighted maximum likelihood: a logistic
 * regression on one feature, solved exactly by Newton's method with a step-halving line search (two parameters, so a
 * library's general optimiser would add nothing but a dependency). Deterministic: a fixed start and a fixed order of
 * summation.
 */
final class PlattScaling {

  private static final int MAX_ITERATIONS = 100;

  private PlattScaling() {
  }

  /**
   * @param logits raw scores, here out-of-fold predictions of the training split
   * @param hate the labels
   * @param weights per example (how much it counts in the fit)
   */
  static Calibration fit(double[] logits, boolean[] hate, double[] weights) {
    double a = 1.0;
    double b = 0.0;
    double loss = loss(logits, hate, weights, a, b);
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double ga = 0;
      double gb = 0;
      double haa = 1e-12;
      double hab = 0;
      double hbb = 1e-12;
      for (int i = 0; i < logits.length; i++) {
        double p = Calibration.NONE.probability(a * logits[i] + b);
        double r = weights[i] * (p - (hate[i] ? 1 : 0));
        double h = weights[i] * p * (1 - p);
        ga += r * logits[i];
        gb += r;
        haa += h * logits[i] * logits[i];
        hab += h * logits[i];
        hbb += h;
      }
      double det = haa * hbb - hab * hab;
      double da = -(hbb * ga - hab * gb) / det;
      double db = -(haa * gb - hab * ga) / det;
      double step = 1;
      double next = loss(logits, hate, weights, a + da, b + db);
      while (next > loss && step > 1e-8) {
        step /= 2;
        next = loss(logits, hate, weights, a + step * da, b + step * db);
      }
      if (next > loss) {
        break;
      }
      a += step * da;
      b += step * db;
      boolean converged = Math.abs(step * da) < 1e-10 && Math.abs(step * db) < 1e-10;
      loss = next;
      if (converged) {
        break;
      }
    }
    return new Calibration(a, b);
  }

  /** Weighted log loss of {@code sigmoid(a x + b)}, computed without overflow. */
  static double loss(double[] logits, boolean[] hate, double[] weights, double a, double b) {
    double sum = 0;
    for (int i = 0; i < logits.length; i++) {
      double z = a * logits[i] + b;
      double softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)); // log(1 + e^z)
      sum += weights[i] * (softplus - (hate[i] ? z : 0));
    }
    return sum;
  }
}
