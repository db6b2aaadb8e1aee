package org.milvusbench.analyzer;

import static org.milvusbench.analyzer.Format.load;
import static org.milvusbench.analyzer.Format.num;

import java.util.ArrayList;
import java.util.List;

/**
 * Little's law per closed-model level: requests in flight = QPS × mean latency should be close to
 * the number of virtual users. When it falls well short, users spent their time somewhere other
 * than waiting for the target — in the generator (CPU, scheduling, GC) — so that level measures
 * the generator, not the target.
 *
 * @param expectedInFlight QPS × mean latency (s)
 * @param ratio expectedInFlight / concurrency
 * @param generatorBound ratio below {@link #SHORTFALL_RATIO}
 * @param generatorCpuPercent the generator's measured CPU (percent of one core); null if unknown
 */
public record LittlesLawCheck(
    int concurrency,
    double expectedInFlight,
    double ratio,
    boolean generatorBound,
    Double generatorCpuPercent,
    String message) {

  /** Below this fraction of the users in flight, the level is flagged generator-bound. */
  public static final double SHORTFALL_RATIO = 0.8;

  static List<LittlesLawCheck> check(List<LevelMetrics> levels, int cpuCores) {
    List<LittlesLawCheck> checks = new ArrayList<>();
    for (LevelMetrics l : levels) {
      if (l.concurrency() <= 0 || !l.hasLatency() || l.avgMs() <= 0) continue;
      double inFlight = l.qps() * l.avgMs() / 1000.0;
      double ratio = inFlight / l.concurrency();
      boolean bound = ratio < SHORTFALL_RATIO;
      Double cpu = l.generatorCpuPercent();
      String cpuText =
          cpu == null
              ? ""
              : "; generator CPU " + num(cpu, 0) + " %"
                  + (cpuCores > 0 ? " of " + cpuCores * 100 + " %" : "");
      String message =
          "concurrency " + load((double) l.concurrency()) + ": QPS × mean latency = "
              + num(inFlight) + " in flight (" + num(ratio * 100, 0) + " % of users)"
              + (bound
                  ? " — well short: the load generator, not the target, limits this level" + cpuText
                  : cpuText);
      checks.add(new LittlesLawCheck(l.concurrency(), inFlight, ratio, bound, cpu, message));
    }
    return checks;
  }
}
