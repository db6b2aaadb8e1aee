package org.milvusbench.analyzer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * What several trials say beyond their pooled rows: per load, the mean and 95 % interval across
 * trials (Student's t on the trials' values, n − 1 degrees of freedom) of QPS, P50, P95 and P99;
 * and each trial's knee, with how many trials put it where the pooled run does.
 *
 * @param rows one per load, ascending
 * @param knees each trial's knee verdict, in trial order
 * @param kneesAgreeing trials whose knee is the pooled run's (same step, or none when it has none)
 */
public record TrialSummary(int trials, List<Row> rows, List<Knee> knees, int kneesAgreeing) {
  static final double CONFIDENCE = 0.95;

  /** One metric's spread across trials. */
  public record Spread(double mean, double low, double high) {}

  public record Row(double load, Spread qps, Spread p50Ms, Spread p95Ms, Spread p99Ms) {}

  static TrialSummary of(RunData pooled, List<Knee> knees, Knee pooledKnee) {
    List<Row> rows = new ArrayList<>();
    for (LevelMetrics level : pooled.levels()) {
      List<LevelMetrics> each = new ArrayList<>();
      for (RunData t : pooled.trials()) {
        t.levels().stream().filter(l -> l.load() == level.load()).findFirst().ifPresent(each::add);
      }
      rows.add(new Row(level.load(), spread(each, LevelMetrics::qps), spread(each, LevelMetrics::p50Ms),
          spread(each, LevelMetrics::p95Ms), spread(each, LevelMetrics::p99Ms)));
    }
    int agreeing = 0;
    for (Knee k : knees) {
      boolean same = k.found() == pooledKnee.found()
          && (!k.found() || (java.util.Objects.equals(k.fromLoad(), pooledKnee.fromLoad())
              && java.util.Objects.equals(k.toLoad(), pooledKnee.toLoad())));
      agreeing += same ? 1 : 0;
    }
    return new TrialSummary(pooled.trials().size(), rows, knees, agreeing);
  }

  /** The row of {@code load}; null when no trial ran it. */
  public Row row(double load) {
    return rows.stream().filter(r -> r.load() == load).findFirst().orElse(null);
  }

  static Spread spread(List<LevelMetrics> levels, ToDoubleFunction<LevelMetrics> value) {
    double[] x = levels.stream().mapToDouble(value).toArray();
    double mean = Welch.mean(x);
    if (x.length < 2) {
      return new Spread(mean, mean, mean);
    }
    double ss = 0;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
    }
    double se = Math.sqrt(ss / (x.length - 1) / x.length);
    double t = new TDistribution(x.length - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
    return new Spread(mean, mean - t * se, mean + t * se);
  }
}
