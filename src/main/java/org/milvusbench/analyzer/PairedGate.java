package org.milvusbench.analyzer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.milvusbench.analyzer.BaselineGate.Metric;

/**
 * The A/B mode's verdict ({@code compare.uri}): the candidate and the baseline target ran every level
 * of every trial side by side, alternated (ABBA), so each trial gives one pair per level and metric
 * measured in one window. Per level (and operation) and metric, d_i = ln(candidate_i / baseline_i),
 * its sign taken so that positive is worse (QPS: ln(baseline_i / candidate_i)); the check is the
 * one-sided paired t on the d_i with n − 1 degrees of freedom ({@link Welch#paired}). Drift of the
 * machine that slows both targets alike cancels inside each d_i, which no comparison of separate runs
 * can do. As in the baseline gate, Holm's step-down over every judged check of the comparison keeps
 * the family-wise error at {@value BaselineGate#FAMILY_ALPHA}, and a check fails only when the
 * geometric-mean change is larger than {@code sla.maxRegressionPct} and Holm rejects it. A level with
 * fewer than {@value #MIN_PAIRS} pairs is not judged, stays out of the family, and passes, saying so.
 */
final class PairedGate {
  /** The fewest pairs judged: 2 degrees of freedom (t(1)'s critical values make a check that never fails). */
  static final int MIN_PAIRS = 3;

  private PairedGate() {}

  /** One check before the correction: the paired values, their t over ln ratios and the p-value (NaN: not judged). */
  private record Pending(Metric metric, double load, double[] candidate, double[] baseline, Welch paired, double p) {}

  /** The checks by operation, the run's own rows first, as {@link BaselineGate#byOperation}. */
  static Map<String, List<SlaCheck>> byOperation(RunData candidate, RunData baseline, double maxPct) {
    Map<String, List<Pending>> pending = new LinkedHashMap<>();
    pending.put(candidate.operation(), pending(candidate, baseline, null));
    candidate.operations().forEach((op, data) -> {
      if (baseline.operations().containsKey(op)) {
        pending.put(op, pending(candidate, baseline, op));
      }
    });
    return CheckFamily.judge(pending, Pending::p, (c, holm, i, family) -> check(c, maxPct, holm, i, family));
  }

  /** @param operation null for the runs' main rows, else one of their other operations */
  private static List<Pending> pending(RunData candidate, RunData baseline, String operation) {
    RunData rows = operation == null ? candidate : candidate.operations().get(operation);
    List<Pending> out = new ArrayList<>();
    for (LevelMetrics level : rows.levels()) {
      if (!level.hasLatency()) {
        continue;
      }
      for (Metric m : Metric.values()) {
        double[] cand = perTrial(candidate, operation, level.load(), m);
        double[] base = perTrial(baseline, operation, level.load(), m);
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < Math.min(cand.length, base.length); i++) {
          if (cand[i] > 0 && base[i] > 0) {
            pairs.add(new double[] {cand[i], base[i]});
          }
        }
        if (pairs.isEmpty()) {
          continue; // the baseline target did not run this level: nothing to pair
        }
        double[] c = pairs.stream().mapToDouble(p -> p[0]).toArray();
        double[] b = pairs.stream().mapToDouble(p -> p[1]).toArray();
        double[] logRatios = new double[c.length];
        for (int i = 0; i < c.length; i++) {
          logRatios[i] = Math.log(c[i] / b[i]);
        }
        // On ln(candidate / baseline) in the metric's own direction; "positive = worse" is then the
        // upper tail for latency and the lower tail for QPS, the same one-sided test on the signed d_i.
        Welch paired = c.length >= MIN_PAIRS ? Welch.paired(logRatios) : null;
        double p = paired == null ? Double.NaN : m.higherIsWorse ? paired.pAbove() : paired.pBelow();
        out.add(new Pending(m, level.load(), c, b, paired, p));
      }
    }
    return out;
  }

  /** Each trial's value of {@code m} at {@code load} (NaN where the trial lacks the level), in trial order. */
  private static double[] perTrial(RunData run, String operation, double load, Metric m) {
    List<RunData> trials = run.trials().isEmpty() ? List.of(run) : run.trials();
    double[] out = new double[trials.size()];
    for (int i = 0; i < out.length; i++) {
      RunData t = operation == null ? trials.get(i) : trials.get(i).operations().get(operation);
      LevelMetrics l = t == null ? null
          : t.levels().stream().filter(x -> x.load() == load && x.hasLatency()).findFirst().orElse(null);
      out[i] = l == null ? Double.NaN : BaselineGate.value(m, l);
    }
    return out;
  }

  private static SlaCheck check(Pending c, double maxPct, Holm holm, int i, int family) {
    Metric m = c.metric();
    String load = Format.load(c.load());
    String name = "ab." + m.name().toLowerCase(Locale.ROOT) + "." + load;
    String description = "A/B: candidate's " + m.label + " at " + load + " not " + (m.higherIsWorse ? "up" : "down")
        + " by more than " + Format.num(maxPct, 1) + " % against the baseline target (one-sided paired t over the"
        + " trials of ln(candidate / baseline), Holm over the comparison's checks, family-wise "
        + Format.num(BaselineGate.FAMILY_ALPHA * 100, 0) + " %)";
    double then = geometricMean(c.baseline());
    double now = geometricMean(c.candidate());
    if (holm == null) {
      String message = String.format(Locale.ROOT, "%s at %s: baseline %s → candidate %s (not judged: %d paired"
          + " trials, %d needed): passes", m.label, load, Format.num(then), Format.num(now), c.candidate().length,
          MIN_PAIRS);
      return new SlaCheck(name, description, true, message);
    }
    Welch w = c.paired();
    double changePct = (Math.exp(w.difference()) - 1) * 100;
    boolean large = m.higherIsWorse ? changePct > maxPct : changePct < -maxPct;
    boolean rejected = holm.rejected()[i];
    double conf = BaselineGate.CONFIDENCE;
    String evidence = String.format(Locale.ROOT, "geometric mean of %d paired trials; interval %+.1f %% .. %+.1f %%"
        + " at %s %%, t = %.2f, df %d; p = %.4f, Holm threshold %.4f (rank %d of %d, family-wise %s %%)",
        c.candidate().length, (Math.exp(w.low(conf)) - 1) * 100, (Math.exp(w.high(conf)) - 1) * 100,
        Format.num(conf * 100, 0), w.t(), (int) w.df(), c.p(), holm.threshold()[i], holm.rank()[i], family,
        Format.num(BaselineGate.FAMILY_ALPHA * 100, 0));
    String verdict = large && rejected ? "REGRESSION" : large ? "larger than allowed, not rejected by Holm"
        : rejected ? "rejected by Holm, within the allowed change" : "within the allowed change";
    String message = String.format(Locale.ROOT, "%s at %s: baseline %s → candidate %s (%+.1f %%, %s): %s", m.label,
        load, Format.num(then), Format.num(now), changePct, evidence, verdict);
    return new SlaCheck(name, description, !(large && rejected), message);
  }

  private static double geometricMean(double[] values) {
    double s = 0;
    for (double v : values) {
      s += Math.log(v);
    }
    return Math.exp(s / values.length);
  }
}
