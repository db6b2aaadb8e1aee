package org.milvusbench.analyzer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.milvusbench.rundir.LatencyStats;

/** Runs of one level built in memory from one-second interval histograms, for the gates' and trials' tests. */
final class IntervalRuns {
  private IntervalRuns() {}

  /** One level at c=10: {@code intervals} one-second intervals of 200 log-normal latencies around {@code medianMs}. */
  static RunData run(long seed, double medianMs, int intervals) {
    Random random = new Random(seed);
    List<Histogram> slices = new ArrayList<>();
    List<Long> failures = new ArrayList<>();
    Histogram all = new Histogram(3);
    for (int i = 0; i < intervals; i++) {
      Histogram h = new Histogram(3);
      for (int r = 0; r < 200; r++) {
        h.recordValue(Math.round(medianMs * 1000 * Math.exp(0.3 * random.nextGaussian())));
      }
      h.setStartTimeStamp(1_000_000L + i * 1000L);
      h.setEndTimeStamp(1_000_000L + (i + 1) * 1000L);
      slices.add(h);
      failures.add(0L);
      all.add(h);
    }
    LatencyStats s = LatencyStats.fromHistogram(all);
    double qps = 200.0;
    LevelMetrics level = new LevelMetrics("c=10", 10, 0, all.getTotalCount(), intervals, qps, qps, s.meanMicros() / 1000,
        s.p50Micros() / 1000, s.p95Micros() / 1000, s.p99Micros() / 1000, s.maxMicros() / 1000, s.minMicros() / 1000,
        s.stdMicros() / 1000, all.getTotalCount(), 0, 0, null, 0, null, "histogram");
    List<Histogram> histograms = new ArrayList<>();
    histograms.add(all);
    return new RunData(Path.of("results.json"), Path.of("."), "results", "r" + seed, "closed", List.of(level), histograms,
        null, 2, List.of(), List.of(LevelIntervals.of(slices, failures)));
  }

}
