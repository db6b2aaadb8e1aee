package org.milvusbench.analyzer;

import static org.milvusbench.analyzer.Format.load;
import static org.milvusbench.analyzer.Format.num;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The operating point: the highest-score (QPS ÷ P95) level that meets the per-level SLAs (P95,
 * failure rate, recall). {@link #level} is null when no level qualifies; {@link #reason} says why.
 */
public record Recommendation(LevelMetrics level, Double score, String reason) {

  public boolean found() {
    return level != null;
  }

  static Recommendation choose(List<LevelMetrics> levels, AnalyzerOptions options) {
    List<LevelMetrics> eligible = levels.stream().filter(l -> meetsSla(l, options)).toList();
    Optional<LevelMetrics> best =
        eligible.stream().max(Comparator.comparingDouble(l -> l.score()));
    if (best.isEmpty()) {
      return new Recommendation(null, null, "no level meets " + slaText(options));
    }
    LevelMetrics l = best.get();
    String sla = options.hasLevelSla() ? " meeting " + slaText(options) : "";
    return new Recommendation(l, l.score(),
        "concurrency " + load(l.load()) + ": best score " + num(l.score()) + sla
            + " (QPS " + num(l.qps()) + ", P95 " + num(l.p95Ms()) + " ms)");
  }

  /** True when the level has latencies and meets every per-level SLA that is set. */
  static boolean meetsSla(LevelMetrics l, AnalyzerOptions o) {
    if (!l.hasLatency()) return false;
    if (o.slaP95Ms().isPresent() && l.p95Ms() > o.slaP95Ms().getAsDouble()) return false;
    if (o.slaMaxFailurePct().isPresent() && l.failurePct() > o.slaMaxFailurePct().getAsDouble()) {
      return false;
    }
    if (o.minRecall().isPresent() && (l.recall() == null || l.recall() < o.minRecall().getAsDouble())) {
      return false;
    }
    return true;
  }

  static String slaText(AnalyzerOptions o) {
    List<String> parts = new ArrayList<>();
    o.slaP95Ms().ifPresent(v -> parts.add("P95 ≤ " + Format.load(v) + " ms"));
    o.slaMaxFailurePct().ifPresent(v -> parts.add("failure rate ≤ " + Format.load(v) + " %"));
    o.minRecall().ifPresent(v -> parts.add("recall ≥ " + v));
    return parts.isEmpty() ? "(no SLA): a level with successful requests" : String.join(", ", parts);
  }
}
