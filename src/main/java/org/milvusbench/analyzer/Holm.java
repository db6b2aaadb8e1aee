package org.milvusbench.analyzer;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's step-down correction (Holm 1979): of m hypotheses, sorted by p-value ascending, the one of
 * rank i (1-based) is rejected while every p-value up to it is at most α / (m − i + 1); the first that
 * is not stops the descent. The chance of rejecting any true hypothesis of the family is then at most
 * α, whatever their dependence, and it never rejects fewer than Bonferroni (α / m for every one).
 *
 * @param threshold per hypothesis, in input order, α / (m − rank + 1) for its rank
 * @param rank per hypothesis, its 1-based rank by p-value (ties keep input order)
 * @param rejected per hypothesis, Holm's decision
 */
record Holm(double[] threshold, int[] rank, boolean[] rejected) {

  static Holm of(double[] p, double alpha) {
    int m = p.length;
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
    double[] threshold = new double[m];
    int[] rank = new int[m];
    boolean[] rejected = new boolean[m];
    boolean descending = true;
    for (int r = 0; r < m; r++) {
      int i = order[r];
      rank[i] = r + 1;
      threshold[i] = alpha / (m - r);
      descending = descending && p[i] <= threshold[i];
      rejected[i] = descending;
    }
    return new Holm(threshold, rank, rejected);
  }
}
