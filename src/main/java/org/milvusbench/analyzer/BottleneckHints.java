package org.milvusbench.analyzer;

import static org.milvusbench.analyzer.Format.load;
import static org.milvusbench.analyzer.Format.mib;
import static org.milvusbench.analyzer.Format.num;
import static org.milvusbench.analyzer.Format.signedPct;

import java.util.ArrayList;
import java.util.List;

/**
 * The reference's bottleneck heuristics, backed by measured CPU and RSS when the run has them:
 * CPU (QPS gain &lt; 10 % while concurrency ×2 or more), memory (P95 +100 % while concurrency
 * grew less than ×2), connection pool (failure rate &gt; 1 %), and the generator (Little's law
 * shortfall, or the generator using most of the machine).
 */
final class BottleneckHints {
  static final List<String> CPU_ADVICE =
      List.of("use a more efficient index type", "lower ef / nprobe", "add CPU cores");
  static final List<String> MEMORY_ADVICE =
      List.of("use a quantized index", "add memory", "use partitions to load less data");
  static final List<String> POOL_ADVICE =
      List.of("enlarge the connection pool (gRPC channels)", "improve connection management",
          "reuse connections");
  static final List<String> GENERATOR_ADVICE =
      List.of("run the generator on another machine", "lower concurrency per generator",
          "use several generators");

  private BottleneckHints() {}

  static List<BottleneckHint> find(
      List<LevelMetrics> levels, List<LittlesLawCheck> little, int cpuCores) {
    List<BottleneckHint> hints = new ArrayList<>();
    for (int i = 1; i < levels.size(); i++) {
      LevelMetrics prev = levels.get(i - 1);
      LevelMetrics curr = levels.get(i);
      ScalingStep s = ScalingStep.between(prev, curr);
      String step = load(prev.load()) + "→" + load(curr.load());
      if (s.qpsGainPct() != null && s.qpsGainPct() < 10 && s.loadRatio() >= 2) {
        hints.add(new BottleneckHint("CPU", step,
            "QPS " + signedPct(s.qpsGainPct()) + " while concurrency ×" + num(s.loadRatio())
                + cpuEvidence(curr, cpuCores), CPU_ADVICE));
      }
      if (s.p95IncreasePct() != null && s.p95IncreasePct() > 100 && s.loadRatio() < 2) {
        hints.add(new BottleneckHint("MEMORY", step,
            "P95 " + signedPct(s.p95IncreasePct()) + " while concurrency only ×"
                + num(s.loadRatio()) + rssEvidence(prev, curr), MEMORY_ADVICE));
      }
    }
    for (LevelMetrics l : levels) {
      if (l.failureRate() > 0.01) {
        hints.add(new BottleneckHint("CONNECTION_POOL", load(l.load()),
            "failure rate " + num(l.failurePct()) + " % > 1 %", POOL_ADVICE));
      }
    }
    for (LittlesLawCheck c : little) {
      if (c.generatorBound()) {
        hints.add(new BottleneckHint("GENERATOR", load((double) c.concurrency()), c.message(),
            GENERATOR_ADVICE));
      }
    }
    if (cpuCores > 0) {
      for (LevelMetrics l : levels) {
        boolean flagged = little.stream().anyMatch(c -> c.generatorBound() && c.concurrency() == l.concurrency() && l.concurrency() > 0);
        if (flagged) continue; // Little's law already named this level, with the generator's CPU
        Double gen = l.generatorCpuPercent();
        Double tgt = l.targetCpuPercent();
        if (gen != null && tgt != null && gen + tgt >= 0.9 * cpuCores * 100 && gen >= tgt) {
          hints.add(new BottleneckHint("GENERATOR", load(l.load()),
              "generator CPU " + num(gen, 0) + " % ≥ target CPU " + num(tgt, 0)
                  + " % on a saturated " + cpuCores + "-core machine they share",
              GENERATOR_ADVICE));
        }
      }
    }
    return hints;
  }

  private static String cpuEvidence(LevelMetrics l, int cpuCores) {
    Double cpu = l.targetCpuPercent();
    if (cpu == null) return "";
    String of = cpuCores > 0 ? " of " + cpuCores * 100 + " %" : "";
    boolean saturated = cpuCores > 0 && cpu >= 0.85 * cpuCores * 100;
    return "; target CPU " + num(cpu, 0) + " %" + of
        + (cpuCores > 0 && !saturated ? " — not saturated: look at locks, I/O or the generator" : "");
  }

  private static String rssEvidence(LevelMetrics prev, LevelMetrics curr) {
    Long a = prev.targetRssBytes();
    Long b = curr.targetRssBytes();
    if (a == null || b == null) return "";
    return "; target RSS " + mib(a) + " → " + mib(b);
  }
}
