package org.milvusbench.analyzer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.milvusbench.rundir.LatencyStats;

/**
 * The spread of a one-trial run's levels: a 95 % interval of QPS, P50, P95 and P99 from a block
 * bootstrap over each level's interval histograms ({@code sweep.interval}, 1 s by default). Blocks,
 * not single requests: neighbouring requests share the machine's moment (a GC, a compaction, another
 * process), so resampling requests one by one would call a level far surer than it is. Each resample
 * draws as many intervals as the level has, with replacement, adds their histograms and reads the
 * percentiles as {@link LatencyStats} does (HdrHistogram's, the run's one implementation); the
 * interval is the 2.5th and 97.5th resampled values (order statistics of the resamples, not
 * latencies). Seeded by load, so the figures reproduce from the run directory.
 *
 * <p>What it cannot show: drift between runs. It answers "how sure is this level of its own
 * numbers", which is what a one-trial verdict rests on; {@code sweep.trials} answers the other.
 */
public final class IntervalBootstrap {
  public static final int RESAMPLES = 1000;
  /** Fewer intervals than this give resamples that are mostly the same few blocks: no interval. */
  static final int MIN_INTERVALS = 5;

  private IntervalBootstrap() {}

  /** One row per level with at least {@link #MIN_INTERVALS} intervals holding successes, by load. */
  static List<TrialSummary.Row> of(RunData run) {
    List<TrialSummary.Row> rows = new ArrayList<>();
    for (LevelMetrics level : run.levels()) {
      LevelIntervals intervals = run.intervals(level);
      if (level.hasLatency() && usable(intervals) >= MIN_INTERVALS) {
        rows.add(row(level, intervals));
      }
    }
    return rows;
  }

  private static long usable(LevelIntervals intervals) {
    return intervals.histogramsMicros().stream().filter(h -> h.getTotalCount() > 0).count();
  }

  private static TrialSummary.Row row(LevelMetrics level, LevelIntervals intervals) {
    List<Histogram> blocks = intervals.histogramsMicros();
    int n = blocks.size();
    double[] qps = new double[RESAMPLES];
    double[] p50 = new double[RESAMPLES];
    double[] p95 = new double[RESAMPLES];
    double[] p99 = new double[RESAMPLES];
    Random random = new Random(Double.doubleToLongBits(level.load()));
    // Each block as its non-empty buckets: adding a few hundred (value, count) pairs per draw instead
    // of a whole counts array (tens of thousands of slots when a level's latencies span seconds).
    long[][] values = new long[n][];
    long[][] counts = new long[n][];
    for (int k = 0; k < n; k++) {
      // The iterator reuses one value object: read each bucket while it is current.
      List<long[]> recorded = new ArrayList<>();
      for (HistogramIterationValue v : blocks.get(k).recordedValues()) {
        recorded.add(new long[] {v.getValueIteratedTo(), v.getCountAtValueIteratedTo()});
      }
      values[k] = recorded.stream().mapToLong(r -> r[0]).toArray();
      counts[k] = recorded.stream().mapToLong(r -> r[1]).toArray();
    }
    Histogram sum = new Histogram(blocks.get(0).getNumberOfSignificantValueDigits());
    int withLatency = 0;
    for (int b = 0; b < RESAMPLES; b++) {
      sum.reset();
      long failures = 0;
      double seconds = 0;
      for (int i = 0; i < n; i++) {
        int k = random.nextInt(n);
        for (int v = 0; v < values[k].length; v++) {
          sum.recordValueWithCount(values[k][v], counts[k][v]);
        }
        failures += intervals.failures().get(k);
        seconds += (blocks.get(k).getEndTimeStamp() - blocks.get(k).getStartTimeStamp()) / 1000.0;
      }
      qps[b] = seconds > 0 ? (sum.getTotalCount() + failures) / seconds : 0;
      if (sum.getTotalCount() == 0) {
        continue; // every drawn block failed: no latency, as the level itself would report
      }
      // HdrHistogram's percentile, the call LatencyStats.fromHistogram makes, without its mean and
      // standard-deviation passes (each a full sweep of the counts, a thousand times per level).
      p50[withLatency] = sum.getValueAtPercentile(50) / 1000.0;
      p95[withLatency] = sum.getValueAtPercentile(95) / 1000.0;
      p99[withLatency++] = sum.getValueAtPercentile(99) / 1000.0;
    }
    return new TrialSummary.Row(level.load(), spread(level.qps(), qps, RESAMPLES),
        spread(level.p50Ms(), p50, withLatency), spread(level.p95Ms(), p95, withLatency),
        spread(level.p99Ms(), p99, withLatency));
  }

  /** The level's own value with the 2.5th and 97.5th of the resampled ones (order statistics). */
  private static TrialSummary.Spread spread(double value, double[] resampled, int count) {
    double[] sorted = Arrays.copyOf(resampled, count);
    Arrays.sort(sorted);
    return new TrialSummary.Spread(value, sorted[(int) Math.floor(0.025 * (count - 1))],
        sorted[(int) Math.ceil(0.975 * (count - 1))]);
  }
}
