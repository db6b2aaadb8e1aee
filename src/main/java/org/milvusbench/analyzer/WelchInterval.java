package org.milvusbench.analyzer;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The confidence interval of the difference of two means (b − a) by Welch's t: unequal variances,
 * Welch–Satterthwaite degrees of freedom. Used on batch means (a level's per-interval values) or
 * per-trial values, which are close to independent where single requests are not.
 *
 * @param difference mean(b) − mean(a)
 * @param low lower bound of the interval
 * @param high upper bound
 */
record WelchInterval(double difference, double low, double high) {

  /** Null when either side has fewer than 2 values or both have no variance. */
  static WelchInterval of(double[] a, double[] b, double confidence) {
    if (a.length < 2 || b.length < 2) {
      return null;
    }
    double va = variance(a) / a.length;
    double vb = variance(b) / b.length;
    double se = Math.sqrt(va + vb);
    double diff = mean(b) - mean(a);
    if (se == 0) {
      return new WelchInterval(diff, diff, diff);
    }
    double df = (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
    double t = new TDistribution(df).inverseCumulativeProbability(1 - (1 - confidence) / 2);
    return new WelchInterval(diff, diff - t * se, diff + t * se);
  }

  /** True when the interval lies wholly above zero. */
  boolean above() {
    return low > 0;
  }

  /** True when the interval lies wholly below zero. */
  boolean below() {
    return high < 0;
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
