package org.milvusbench.analyzer;

import static org.milvusbench.analyzer.Format.load;
import static org.milvusbench.analyzer.Format.num;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SLA gate. A sweep deliberately overloads its last levels, so P95 and failure-rate SLAs ask
 * whether the sweep found an operating point that meets them (a level within the threshold), not
 * whether every level does. Recall is a property of the index, not of load: it must hold at every
 * level that measured it. The knee must not come before the given concurrency.
 */
final class SlaGate {
  private SlaGate() {}

  static List<SlaCheck> evaluate(
      List<LevelMetrics> levels, Knee knee, Recommendation rec, AnalyzerOptions o) {
    List<SlaCheck> checks = new ArrayList<>();
    SlaCheck availability = availability(levels);
    if (availability != null) {
      checks.add(availability);
    }
    List<LevelMetrics> measured = levels.stream().filter(LevelMetrics::hasLatency).toList();
    o.slaP95Ms().ifPresent(limit -> {
      String d = "P95 ≤ " + load(limit) + " ms";
      var best = measured.stream().min(Comparator.comparingDouble(LevelMetrics::p95Ms));
      if (best.isEmpty()) {
        checks.add(new SlaCheck("p95", d, false, d + ": breached — no level had a successful request"));
      } else if (best.get().p95Ms() <= limit) {
        String ok = measured.stream().filter(l -> l.p95Ms() <= limit)
            .map(l -> load(l.load())).collect(Collectors.joining(", "));
        checks.add(new SlaCheck("p95", d, true, d + ": met at concurrency " + ok));
      } else {
        checks.add(new SlaCheck("p95", d, false, d + ": breached — lowest P95 " + num(best.get().p95Ms())
            + " ms at concurrency " + load(best.get().load())));
      }
    });
    o.slaMaxFailurePct().ifPresent(limit -> {
      String d = "failure rate ≤ " + load(limit) + " %";
      var best = levels.stream().filter(l -> l.totalRequests() > 0)
          .min(Comparator.comparingDouble(LevelMetrics::failureRate));
      if (best.isPresent() && best.get().failurePct() <= limit && best.get().successes() > 0) {
        String ok = levels.stream().filter(l -> l.totalRequests() > 0 && l.failurePct() <= limit)
            .map(l -> load(l.load())).collect(Collectors.joining(", "));
        checks.add(new SlaCheck("failureRate", d, true, d + ": met at concurrency " + ok));
      } else {
        checks.add(new SlaCheck("failureRate", d, false, d + ": breached — lowest failure rate "
            + (best.isEmpty() ? "n/a" : num(best.get().failurePct()) + " % at concurrency "
                + load(best.get().load()))));
      }
    });
    o.minRecall().ifPresent(min -> {
      String d = "recall ≥ " + min;
      List<LevelMetrics> withRecall = levels.stream().filter(l -> l.recall() != null).toList();
      List<LevelMetrics> low = withRecall.stream().filter(l -> l.recall() < min).toList();
      if (withRecall.isEmpty()) {
        checks.add(new SlaCheck("recall", d, false, d + ": breached — recall was not measured in this run"));
      } else if (low.isEmpty()) {
        checks.add(new SlaCheck("recall", d, true, d + ": met at every level (lowest "
            + num(withRecall.stream().mapToDouble(LevelMetrics::recall).min().getAsDouble(), 3) + ")"));
      } else {
        checks.add(new SlaCheck("recall", d, false, d + ": breached — "
            + low.stream().map(l -> "recall@" + l.recallK() + " " + num(l.recall(), 3)
                + " at concurrency " + load(l.load())).collect(Collectors.joining(", "))));
      }
    });
    o.kneeNotBefore().ifPresent(z -> {
      String d = "knee not before concurrency " + z;
      if (!knee.found()) {
        checks.add(new SlaCheck("knee", d, true, d + ": met — " + knee.message()));
      } else if (knee.fromLoad() >= z) {
        checks.add(new SlaCheck("knee", d, true, d + ": met — " + knee.message()));
      } else {
        checks.add(new SlaCheck("knee", d, false, d + ": breached — " + knee.message()));
      }
    });
    // Thresholds each met somewhere but never together: only the joint check can say so.
    long levelSlas = o.slaP95Ms().stream().count() + o.slaMaxFailurePct().stream().count()
        + o.minRecall().stream().count();
    if (levelSlas >= 2) {
      String d = "one level meets " + Recommendation.slaText(o);
      checks.add(rec.found()
          ? new SlaCheck("operatingPoint", d, true, d + ": met at concurrency " + load(rec.level().load()))
          : new SlaCheck("operatingPoint", d, false, d + ": breached — no level meets them together"));
    }
    return checks;
  }

  /**
   * Always on, with or without SLAs: when every request of the last levels failed (the target died
   * or became unreachable), the run did not measure them and must not pass. Null when the target
   * answered at the last level. Reported only as a breach, so healthy runs list no extra check.
   */
  static SlaCheck availability(List<LevelMetrics> levels) {
    int from = levels.size();
    while (from > 0 && levels.get(from - 1).successes() == 0) {
      from--;
    }
    if (from == levels.size()) {
      return null;
    }
    LevelMetrics first = levels.get(from);
    long failed = levels.subList(from, levels.size()).stream().mapToLong(LevelMetrics::failures).sum();
    String where = first.concurrency() > 0 ? "concurrency " + first.concurrency() : "rate " + load(first.load()) + "/s";
    String d = "target available at every level";
    return new SlaCheck("availability", d, false, d + ": breached — target unavailable from level " + (from + 1)
        + " (" + where + "): no successful request from there on, " + failed + " failed");
  }
}
