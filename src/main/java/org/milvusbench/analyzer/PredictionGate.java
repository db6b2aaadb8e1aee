package org.milvusbench.analyzer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.milvusbench.analyzer.BaselineGate.Metric;

/**
 * The baseline gate against several stored runs (n ≥ {@value BaselineRuns#MIN_RUNS}): their spread is
 * the run-to-run noise (the machine's other load drifting between runs) that one run's trials or
 * intervals cannot show. Each check asks whether the current run's whole-level value x (QPS, P95 or
 * P99, trials pooled) is worse than a new run from the baselines' distribution would be: one-sided t
 * of the prediction interval over the baselines' whole-level values of the same level and operation,
 * on the log scale ({@link Prediction}). As in the single-run gate ({@link BaselineGate}), Holm's
 * step-down over every judged check of the comparison keeps the family-wise error at
 * {@value BaselineGate#FAMILY_ALPHA}, and a check fails only when its change (vs the baselines'
 * geometric mean) is larger than {@code sla.maxRegressionPct} and Holm rejects it. A level (or
 * operation) that some baseline runs lack is judged on those that have it, saying so; in fewer than
 * {@value BaselineRuns#MIN_RUNS} it is not judged, stays out of the family, and passes.
 */
final class PredictionGate {
  private PredictionGate() {}

  /** One check before the correction (prediction null: not judged, {@code why} says why). */
  private record Pending(Metric metric, double load, double now, Prediction prediction, double p, int used,
      int runs, String why) {}

  /** The checks by operation, the run's own rows first, as {@link BaselineGate#byOperation}. */
  static Map<String, List<SlaCheck>> byOperation(RunData current, List<RunData> baselines, double maxPct) {
    Map<String, List<Pending>> pending = new LinkedHashMap<>();
    pending.put(current.operation(), pending(current, baselines));
    current.operations().forEach((op, data) -> {
      List<RunData> bases = baselines.stream().map(b -> b.operations().get(op)).filter(Objects::nonNull).toList();
      if (!bases.isEmpty()) {
        pending.put(op, pending(data, bases, baselines.size()));
      }
    });
    return CheckFamily.judge(pending, c -> c.prediction() == null ? Double.NaN : c.p(), (c, holm, i, family) -> check(c, maxPct, holm, i, family));
  }

  private static List<Pending> pending(RunData current, List<RunData> baselines) {
    return pending(current, baselines, baselines.size());
  }

  /** @param runs how many baseline runs were given (some may lack this operation) */
  private static List<Pending> pending(RunData current, List<RunData> baselines, int runs) {
    List<Pending> out = new ArrayList<>();
    for (LevelMetrics cur : current.levels()) {
      if (!cur.hasLatency()) {
        continue;
      }
      List<LevelMetrics> bases = baselines.stream().map(b -> b.levels().stream()
          .filter(l -> l.load() == cur.load() && l.hasLatency()).findFirst().orElse(null))
          .filter(Objects::nonNull).toList();
      if (bases.isEmpty()) {
        continue; // as in the single-run gate: a level no baseline ran is not compared
      }
      for (Metric m : Metric.values()) {
        out.add(pending(m, cur, bases, runs));
      }
    }
    return out;
  }

  /** One-sided toward "worse", as in the single-run gate: an improvement can never fail. */
  private static Pending pending(Metric m, LevelMetrics cur, List<LevelMetrics> bases, int runs) {
    double now = BaselineGate.value(m, cur);
    double[] values = bases.stream().mapToDouble(b -> BaselineGate.value(m, b)).filter(v -> v > 0).toArray();
    String why = null;
    if (values.length < BaselineRuns.MIN_RUNS) {
      why = "only " + values.length + " of " + runs + " baseline runs have a positive " + m.label + " at this level ("
          + BaselineRuns.MIN_RUNS + " needed)";
    } else if (!(now > 0)) {
      why = "the run's " + m.label + " is not positive";
    }
    Prediction pred = why == null ? Prediction.of(values) : null;
    double p = pred == null ? Double.NaN : m.higherIsWorse ? pred.pAbove(now) : pred.pBelow(now);
    return new Pending(m, cur.load(), now, pred, p, values.length, runs, why);
  }

  private static SlaCheck check(Pending c, double maxPct, Holm holm, int i, int family) {
    Metric m = c.metric();
    String load = Format.load(c.load());
    String method = "prediction interval over " + c.used() + " baseline runs"
        + (c.used() < c.runs() ? " (the level is missing in " + (c.runs() - c.used()) + " of " + c.runs() + ")" : "");
    String description = "baseline: " + m.label + " at " + load + " not " + (m.higherIsWorse ? "up" : "down")
        + " by more than " + Format.num(maxPct, 1) + " % (one-sided t of the " + "prediction interval over "
        + c.runs() + " baseline runs, log scale; Holm over the comparison's checks, family-wise "
        + Format.num(BaselineGate.FAMILY_ALPHA * 100, 0) + " %)";
    if (holm == null) {
      String message = m.label + " at " + load + ": " + Format.num(c.now()) + " (not judged: " + c.why()
          + "): passes";
      return new SlaCheck(name(m, load), description, true, message);
    }
    Prediction pred = c.prediction();
    double then = pred.typical();
    double changePct = (c.now() / then - 1) * 100;
    boolean large = m.higherIsWorse ? changePct > maxPct : changePct < -maxPct;
    boolean rejected = holm.rejected()[i];
    double conf = BaselineGate.CONFIDENCE;
    String evidence = String.format(Locale.ROOT, "%s: %s .. %s = %+.1f %% .. %+.1f %% at %s %%, t = %.2f, df %d;"
        + " p = %.4f, Holm threshold %.4f (rank %d of %d, family-wise %s %%)", method, Format.num(pred.low(conf)),
        Format.num(pred.high(conf)), (pred.low(conf) / then - 1) * 100, (pred.high(conf) / then - 1) * 100,
        Format.num(conf * 100, 0), pred.t(c.now()), pred.df(), c.p(), holm.threshold()[i], holm.rank()[i], family,
        Format.num(BaselineGate.FAMILY_ALPHA * 100, 0));
    String verdict = large && rejected ? "REGRESSION" : large ? "larger than allowed, not rejected by Holm"
        : rejected ? "rejected by Holm, within the allowed change" : "within the allowed change";
    String message = String.format(Locale.ROOT, "%s at %s: %s (geometric mean) → %s (%+.1f %%; %s): %s", m.label,
        load, Format.num(then), Format.num(c.now()), changePct, evidence, verdict);
    return new SlaCheck(name(m, load), description, !(large && rejected), message);
  }

  private static String name(Metric m, String load) {
    return "baseline." + m.name().toLowerCase(Locale.ROOT) + "." + load;
  }
}
