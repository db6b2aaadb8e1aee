package org.milvusbench.analyzer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;
import org.milvusbench.rundir.LatencyStats;

/**
 * Compares each level of a run with the same load in a baseline run and fails only a regression
 * that is both larger than {@code sla.maxRegressionPct} (QPS down, P95 or P99 up, whole-level
 * values) and significant: the one-sided Welch p-value of "no worse" (over the two runs' per-trial
 * values when both ran several trials, else over the levels' per-interval batch means) rejected by
 * Holm's step-down over the family of every judged check of this comparison (levels × operations ×
 * QPS / P95 / P99), family-wise error {@value #FAMILY_ALPHA}. A level with fewer than 2 usable
 * samples on either side cannot be judged, is left out of the family, and passes, saying so.
 */
final class BaselineGate {
  /** Family-wise error rate of one comparison: the chance that any check fails between equal runs. */
  static final double FAMILY_ALPHA = 0.05;
  /** Confidence of the interval printed beside each effect (descriptive; the decision is Holm's). */
  static final double CONFIDENCE = 0.95;
  /** An interval's percentile needs this many successes to be a sample. */
  static final int MIN_INTERVAL_SUCCESSES = 20;
  /** An interval shorter than this (the level's last, cut at its last answer) is no QPS sample. */
  static final double MIN_INTERVAL_SECONDS = 0.25;

  private BaselineGate() {}

  enum Metric {
    QPS("QPS", false), P95("P95", true), P99("P99", true);

    final String label;
    final boolean higherIsWorse;

    Metric(String label, boolean higherIsWorse) {
      this.label = label;
      this.higherIsWorse = higherIsWorse;
    }
  }

  /** One check before the correction: its values, its statistic and its one-sided p-value (NaN: not judged). */
  private record Pending(Metric metric, LevelMetrics cur, LevelMetrics base, Welch welch, double baseMean, double p,
      String over) {}

  /** Every check of the comparison, the run's own rows first, then each other operation's. */
  static List<SlaCheck> evaluate(RunData current, RunData baseline, double maxRegressionPct) {
    return byOperation(current, baseline, maxRegressionPct).values().stream().flatMap(List::stream).toList();
  }

  /**
   * The checks by operation (the run's own rows under {@code current.operation()}, then each other
   * operation that the baseline ran too). One family for Holm: the whole comparison, so that the
   * chance of failing two equal runs is bounded however many levels and operations they had.
   */
  static Map<String, List<SlaCheck>> byOperation(RunData current, RunData baseline, double maxRegressionPct) {
    Map<String, List<Pending>> pending = new LinkedHashMap<>();
    pending.put(current.operation(), pending(current, baseline));
    current.operations().forEach((op, data) -> {
      RunData base = baseline.operations().get(op);
      if (base != null) {
        pending.put(op, pending(data, base));
      }
    });
    return CheckFamily.judge(pending, Pending::p, (c, holm, i, family) -> check(c, maxRegressionPct, holm, i, family));
  }

  private static List<Pending> pending(RunData current, RunData baseline) {
    // With trials on both sides, the trials are the samples: they carry the run-to-run noise (the
    // machine's other load drifting between runs) that a level's own intervals cannot show. Pooling
    // the trials' intervals instead would give more degrees of freedom but a variance without that
    // between-trial component, which is what made identical runs fail; its estimate has only
    // (trials − 1) degrees of freedom per side, so more trials, not more intervals, buy power.
    boolean byTrials = current.trials().size() >= 2 && baseline.trials().size() >= 2;
    List<Pending> out = new ArrayList<>();
    for (LevelMetrics cur : current.levels()) {
      LevelMetrics base = baseline.levels().stream().filter(b -> b.load() == cur.load()).findFirst().orElse(null);
      if (base == null || !cur.hasLatency() || !base.hasLatency()) {
        continue;
      }
      for (Metric m : Metric.values()) {
        double[] curSamples = byTrials ? trialSamples(m, current, cur.load()) : samples(m, current.intervals(cur));
        double[] baseSamples = byTrials ? trialSamples(m, baseline, base.load()) : samples(m, baseline.intervals(base));
        out.add(pending(m, cur, base, baseSamples, curSamples, byTrials ? "trials" : "intervals"));
      }
    }
    return out;
  }

  /**
   * The check's one-sided p-value. One-sided because the gate only ever fails a change for the worse:
   * an improvement passes whatever its size, so a two-sided test would spend half of each check's
   * share of α on a side that can never fail, halving the power against the regressions that matter
   * (low concurrency, where a server-side delay shows whole) for no protection.
   */
  private static Pending pending(Metric m, LevelMetrics cur, LevelMetrics base, double[] baseSamples,
      double[] curSamples, String over) {
    Welch w = Welch.of(baseSamples, curSamples);
    double p = w == null ? Double.NaN : m.higherIsWorse ? w.pAbove() : w.pBelow();
    return new Pending(m, cur, base, w, w == null ? 0 : Welch.mean(baseSamples), p, over);
  }

  private static SlaCheck check(Pending c, double maxPct, Holm holm, int i, int family) {
    Metric m = c.metric();
    String over = c.over();
    double now = value(m, c.cur());
    double then = value(m, c.base());
    double changePct = then > 0 ? (now / then - 1) * 100 : 0;
    boolean large = m.higherIsWorse ? changePct > maxPct : changePct < -maxPct;
    boolean rejected = holm != null && holm.rejected()[i];
    String load = Format.load(c.cur().load());
    String description = "baseline: " + m.label + " at " + load + " not " + (m.higherIsWorse ? "up" : "down")
        + " by more than " + Format.num(maxPct, 1) + " % (one-sided Welch p-values, Holm over the comparison's "
        + "checks, family-wise " + pct(FAMILY_ALPHA) + " %)";
    String evidence = holm == null ? "not judged: fewer than 2 usable " + over
        : String.format(Locale.ROOT, "interval %+.1f %% .. %+.1f %% at %s %% over %s; p = %.4f, Holm threshold %.4f"
            + " (rank %d of %d, family-wise %s %%)", pct(c.welch().low(CONFIDENCE), c.baseMean()),
            pct(c.welch().high(CONFIDENCE), c.baseMean()), pct(CONFIDENCE), over, c.p(), holm.threshold()[i],
            holm.rank()[i], family, pct(FAMILY_ALPHA));
    String verdict = large && rejected ? "REGRESSION" : large ? "larger than allowed, not rejected by Holm"
        : rejected ? "rejected by Holm, within the allowed change" : "within the allowed change";
    String message = String.format(Locale.ROOT, "%s at %s: %s → %s (%+.1f %%; %s): %s", m.label, load,
        Format.num(then), Format.num(now), changePct, evidence, verdict);
    return new SlaCheck("baseline." + m.name().toLowerCase(Locale.ROOT) + "." + load, description,
        !(large && rejected), message);
  }

  private static String pct(double fraction) {
    return Format.num(fraction * 100, 0);
  }

  private static double pct(double difference, double baseMean) {
    return baseMean == 0 ? 0 : difference / baseMean * 100;
  }

  static double value(Metric m, LevelMetrics l) {
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
