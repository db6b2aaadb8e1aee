package org.milvusbench.analyzer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;
import org.milvusbench.rundir.LatencyStats;

/**
 * Compares each level of a run with the same load in a baseline run and fails only a regression
 * that is both larger than {@code sla.maxRegressionPct} (QPS down, P95 or P99 up, whole-level
 * values) and significant at {@value #CONFIDENCE}: the Welch interval of the difference of the two
 * levels' per-interval values (batch means: the level's {@code sweep.interval} slices, which are
 * far less correlated than single requests) lies wholly on the worse side. A level with fewer
 * than 2 usable intervals on either side cannot be judged significant, and so passes, saying so.
 */
final class BaselineGate {
  static final double CONFIDENCE = 0.95;
  /** An interval's percentile needs this many successes to be a sample. */
  static final int MIN_INTERVAL_SUCCESSES = 20;
  /** An interval shorter than this (the level's last, cut at its last answer) is no QPS sample. */
  static final double MIN_INTERVAL_SECONDS = 0.25;

  private BaselineGate() {}

  private enum Metric {
    QPS("QPS", false), P95("P95", true), P99("P99", true);

    final String label;
    final boolean higherIsWorse;

    Metric(String label, boolean higherIsWorse) {
      this.label = label;
      this.higherIsWorse = higherIsWorse;
    }
  }

  static List<SlaCheck> evaluate(RunData current, RunData baseline, double maxRegressionPct) {
    List<SlaCheck> out = new ArrayList<>();
    // With trials on both sides, the trials are the samples: they carry the run-to-run noise that a
    // level's own intervals cannot show.
    boolean byTrials = current.trials().size() >= 2 && baseline.trials().size() >= 2;
    for (LevelMetrics cur : current.levels()) {
      LevelMetrics base = baseline.levels().stream().filter(b -> b.load() == cur.load()).findFirst().orElse(null);
      if (base == null || !cur.hasLatency() || !base.hasLatency()) {
        continue;
      }
      for (Metric m : Metric.values()) {
        double[] curSamples = byTrials ? trialSamples(m, current, cur.load()) : samples(m, current.intervals(cur));
        double[] baseSamples = byTrials ? trialSamples(m, baseline, base.load()) : samples(m, baseline.intervals(base));
        out.add(check(m, cur, base, curSamples, baseSamples, maxRegressionPct, byTrials ? "trials" : "intervals"));
      }
    }
    return out;
  }

  private static SlaCheck check(Metric m, LevelMetrics cur, LevelMetrics base, double[] curSamples,
      double[] baseSamples, double maxPct, String over) {
    double now = value(m, cur);
    double then = value(m, base);
    double changePct = then > 0 ? (now / then - 1) * 100 : 0;
    boolean large = m.higherIsWorse ? changePct > maxPct : changePct < -maxPct;
    WelchInterval ci = WelchInterval.of(baseSamples, curSamples, CONFIDENCE);
    boolean significant = ci != null && (m.higherIsWorse ? ci.above() : ci.below());
    String load = Format.load(cur.load());
    String description = "baseline: " + m.label + " at " + load + " not " + (m.higherIsWorse ? "up" : "down")
        + " by more than " + Format.num(maxPct, 1) + " % (significant at " + (int) (CONFIDENCE * 100) + " %)";
    String interval = ci == null ? "not judged: fewer than 2 usable " + over
        : String.format(Locale.ROOT, "%+.1f %% .. %+.1f %% at %d %% over %s", pct(ci.low(), baseSamples),
            pct(ci.high(), baseSamples), (int) (CONFIDENCE * 100), over);
    String verdict = large && significant ? "REGRESSION" : large ? "larger than allowed, not significant"
        : significant ? "significant, within the allowed change" : "within the allowed change";
    String message = String.format(Locale.ROOT, "%s at %s: %s → %s (%+.1f %%; interval %s): %s", m.label, load,
        Format.num(then), Format.num(now), changePct, interval, verdict);
    return new SlaCheck("baseline." + m.name().toLowerCase(Locale.ROOT) + "." + load, description,
        !(large && significant), message);
  }

  private static double pct(double difference, double[] baseSamples) {
    double mean = WelchInterval.mean(baseSamples);
    return mean == 0 ? 0 : difference / mean * 100;
  }

  private static double value(Metric m, LevelMetrics l) {
    return switch (m) {
      case QPS -> l.qps();
      case P95 -> l.p95Ms();
      case P99 -> l.p99Ms();
    };
  }

  /** Each trial's value of {@code m} at {@code load}. */
  private static double[] trialSamples(Metric m, RunData run, double load) {
    return run.trials().stream().flatMap(t -> t.levels().stream()).filter(l -> l.load() == load)
        .mapToDouble(l -> value(m, l)).toArray();
  }

  /** The level's per-interval values of {@code m}. */
  private static double[] samples(Metric m, LevelIntervals intervals) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < intervals.histogramsMicros().size(); i++) {
      Histogram h = intervals.histogramsMicros().get(i);
      double seconds = (h.getEndTimeStamp() - h.getStartTimeStamp()) / 1000.0;
      if (m == Metric.QPS) {
        if (seconds >= MIN_INTERVAL_SECONDS) {
          out.add((h.getTotalCount() + intervals.failures().get(i)) / seconds);
        }
      } else if (h.getTotalCount() >= MIN_INTERVAL_SUCCESSES) {
        ToDoubleFunction<LatencyStats> p = m == Metric.P95 ? LatencyStats::p95Micros : LatencyStats::p99Micros;
        out.add(p.applyAsDouble(LatencyStats.fromHistogram(h)) / 1000);
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
