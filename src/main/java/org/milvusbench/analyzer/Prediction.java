package org.milvusbench.analyzer;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Where one new run's value should fall if it came from the same distribution as n ≥ 2 baseline
 * runs' values: the prediction interval, and the one-sided p-value of a value x on either side of it,
 * t = (ln x − mean(ln b)) / (s · √(1 + 1/n)) under t(n − 1), s the sample standard deviation of ln b.
 *
 * <p>On the natural log of the values, because the noise of QPS and latency between runs is
 * multiplicative (a machine with half its CPU taken serves half the QPS, at twice the latency, whatever
 * the level's size) and the gate's allowance is relative (±10 % of the value): on the log scale both
 * are additive, the spread of a fast level and of a slow one are comparable, and a prediction interval
 * never reaches below zero. The centre is then the geometric mean of the baselines.
 *
 * @param center mean of ln b
 * @param scale s · √(1 + 1/n): the standard deviation of (ln x − center) for a new run like the baselines
 * @param df n − 1
 */
record Prediction(double center, double scale, int df) {

  /** Null when fewer than 2 values or any is not positive (no logarithm). */
  static Prediction of(double[] baselines) {
    int n = baselines.length;
    if (n < 2) {
      return null;
    }
    double[] logs = new double[n];
    for (int i = 0; i < n; i++) {
      if (!(baselines[i] > 0)) {
        return null;
      }
      logs[i] = Math.log(baselines[i]);
    }
    double mean = Welch.mean(logs);
    double ss = 0;
    for (double v : logs) {
      ss += (v - mean) * (v - mean);
    }
    return new Prediction(mean, Math.sqrt(ss / (n - 1)) * Math.sqrt(1 + 1.0 / n), n - 1);
  }

  /** The baselines' geometric mean, exp(center): what a change is measured against. */
  double typical() {
    return Math.exp(center);
  }

  /** The statistic of {@code x} (±∞ or NaN without spread). */
  double t(double x) {
    return (Math.log(x) - center) / scale;
  }

  /** P(T ≥ t): one-sided p-value of "x is no higher than a run like the baselines". */
  double pAbove(double x) {
    if (scale == 0) {
      return Math.log(x) > center ? 0 : 1;
    }
    return 1 - new TDistribution(df).cumulativeProbability(t(x));
  }

  /** P(T ≤ t): one-sided p-value of "x is no lower than a run like the baselines". */
  double pBelow(double x) {
    if (scale == 0) {
      return Math.log(x) < center ? 0 : 1;
    }
    return new TDistribution(df).cumulativeProbability(t(x));
  }

  /** Lower bound of the two-sided {@code confidence} prediction interval, on the values' scale. */
  double low(double confidence) {
    return Math.exp(center - halfWidth(confidence));
  }

  /** Upper bound of the two-sided {@code confidence} prediction interval, on the values' scale. */
  double high(double confidence) {
    return Math.exp(center + halfWidth(confidence));
  }

  private double halfWidth(double confidence) {
    return scale == 0 ? 0 : new TDistribution(df).inverseCumulativeProbability(1 - (1 - confidence) / 2) * scale;
  }
}
