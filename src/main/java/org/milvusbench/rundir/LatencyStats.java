package org.milvusbench.rundir;

import java.util.Arrays;
import org.HdrHistogram.AbstractHistogram;

/**
 * Summary of one level's latencies, in microseconds. The single place where percentiles are
 * computed: the sweep and the analyzer both call it.
 *
 * <p>From raw per-request latencies the percentiles use linear interpolation between closest
 * ranks, exactly as numpy's default {@code np.percentile} does (the reference script), and std is
 * the population standard deviation ({@code np.std}). From an HdrHistogram they are the
 * histogram's own value-at-percentile (within its configured precision).
 */
public record LatencyStats(
    long count,
    double minMicros,
    double meanMicros,
    double p50Micros,
    double p95Micros,
    double p99Micros,
    double maxMicros,
    double stdMicros) {

  public static final LatencyStats EMPTY = new LatencyStats(0, 0, 0, 0, 0, 0, 0, 0);

  /** Stats of raw latencies (µs); the array is not modified. */
  public static LatencyStats fromRawMicros(long[] latenciesMicros) {
    if (latenciesMicros.length == 0) {
      return EMPTY;
    }
    long[] sorted = latenciesMicros.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (long v : sorted) {
      sum += v;
    }
    double mean = sum / sorted.length;
    double squares = 0;
    for (long v : sorted) {
      double d = v - mean;
      squares += d * d;
    }
    return new LatencyStats(
        sorted.length,
        sorted[0],
        mean,
        percentileOfSorted(sorted, 50),
        percentileOfSorted(sorted, 95),
        percentileOfSorted(sorted, 99),
        sorted[sorted.length - 1],
        Math.sqrt(squares / sorted.length));
  }

  /** Stats of a histogram whose values are microseconds. */
  public static LatencyStats fromHistogram(AbstractHistogram histogramMicros) {
    if (histogramMicros.getTotalCount() == 0) {
      return EMPTY;
    }
    return new LatencyStats(
        histogramMicros.getTotalCount(),
        histogramMicros.getMinValue(),
        histogramMicros.getMean(),
        histogramMicros.getValueAtPercentile(50),
        histogramMicros.getValueAtPercentile(95),
        histogramMicros.getValueAtPercentile(99),
        histogramMicros.getMaxValue(),
        histogramMicros.getStdDeviation());
  }

  /**
   * numpy's default ("linear") percentile of ascending values: rank = p/100 × (n−1), interpolated
   * between the two neighbouring order statistics with numpy's own arithmetic ({@code _lerp}:
   * {@code a + (b−a)·t} below t = 0.5, {@code b − (b−a)·(1−t)} from 0.5), so results agree with
   * {@code np.percentile} to the last bit.
   */
  public static double percentileOfSorted(long[] sortedAscending, double percentile) {
    if (sortedAscending.length == 0) {
      throw new IllegalArgumentException("percentile of an empty sample");
    }
    if (percentile < 0 || percentile > 100) {
      throw new IllegalArgumentException("percentile must be in [0, 100], got " + percentile);
    }
    double rank = (sortedAscending.length - 1) * (percentile / 100.0);
    int lower = (int) Math.floor(rank);
    int upper = Math.min(lower + 1, sortedAscending.length - 1);
    double t = rank - lower;
    double a = sortedAscending[lower];
    double b = sortedAscending[upper];
    double diff = b - a;
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
  }
}
