package org.milvusbench.analyzer;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Welch's t for the difference of two means (b − a): unequal variances, Welch–Satterthwaite degrees
 * of freedom. Used on batch means (a level's per-interval values) or per-trial values, which are close
 * to independent where single requests are not. One statistic gives both the interval (to show the
 * effect's size) and the one-sided p-values (to decide, after a multiple-comparison correction).
 *
 * @param difference mean(b) − mean(a)
 * @param standardError √(var(a)/n_a + var(b)/n_b)
 * @param df Welch–Satterthwaite degrees of freedom (NaN when the standard error is 0)
 */
record Welch(double difference, double standardError, double df) {

  /** Null when either side has fewer than 2 values. */
  static Welch of(double[] a, double[] b) {
    if (a.length < 2 || b.length < 2) {
      return null;
    }
    double va = variance(a) / a.length;
    double vb = variance(b) / b.length;
    double se = Math.sqrt(va + vb);
    double diff = mean(b) - mean(a);
    double df = se == 0 ? Double.NaN : (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
    return new Welch(diff, se, df);
  }

  /**
   * The paired (one-sample) t over {@code differences}, e.g. per-trial differences of two targets
   * measured side by side: difference = their mean, standard error = s / √n, df = n − 1; the interval
   * and the one-sided p-values below then apply unchanged. Null with fewer than 2 differences.
   */
  static Welch paired(double[] differences) {
    int n = differences.length;
    if (n < 2) {
      return null;
    }
    return new Welch(mean(differences), Math.sqrt(variance(differences) / n), n - 1);
  }

  /** The statistic t = difference / standard error (±∞ or NaN without variance). */
  double t() {
    return difference / standardError;
  }

  /** Lower bound of the two-sided {@code confidence} interval of the difference. */
  double low(double confidence) {
    return difference - halfWidth(confidence);
  }

  /** Upper bound of the two-sided {@code confidence} interval of the difference. */
  double high(double confidence) {
    return difference + halfWidth(confidence);
  }

  private double halfWidth(double confidence) {
    return standardError == 0 ? 0
        : new TDistribution(df).inverseCumulativeProbability(1 - (1 - confidence) / 2) * standardError;
  }

  /**
   * One-sided p-value of "b's mean is not above a's" against "it is above": P(T ≥ t) under t(df).
   * Without variance the difference is certain: 0 when it is positive, else 1.
   */
  double pAbove() {
    if (standardError == 0) {
      return difference > 0 ? 0 : 1;
    }
    return 1 - new TDistribution(df).cumulativeProbability(t());
  }

  /** One-sided p-value of "b's mean is not below a's" against "it is below": P(T ≤ t). */
  double pBelow() {
    if (standardError == 0) {
      return difference < 0 ? 0 : 1;
    }
    return new TDistribution(df).cumulativeProbability(t());
  }

  static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  private static double variance(double[] x) {
    double m = mean(x);
    double s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    return s / (x.length - 1);
  }
}
