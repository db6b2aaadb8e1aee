package org.milvusbench.analyzer;

/**
 * Consecutive levels compared (section 5 of the reference's analysis).
 *
 * @param qpsGainPct QPS change from the previous level, percent; null when undefined
 * @param p95IncreasePct P95 change from the previous level, percent; null when undefined
 * @param loadRatio {@code c_i / c_{i-1}}
 * @param efficiency marginal scaling efficiency {@code (QPS_i/QPS_{i-1} − 1) / (c_i/c_{i-1} − 1)}:
 *     1 = perfectly linear, 0 = no gain; null when undefined (no throughput or no load step)
 */
public record ScalingStep(
    double fromLoad,
    double toLoad,
    Double qpsGainPct,
    Double p95IncreasePct,
    double loadRatio,
    Double efficiency) {

  static ScalingStep between(LevelMetrics prev, LevelMetrics curr) {
    double ratio = prev.load() > 0 ? curr.load() / prev.load() : Double.NaN;
    Double gain = prev.qps() > 0 ? (curr.qps() / prev.qps() - 1) * 100 : null;
    Double p95 =
        prev.hasLatency() && curr.hasLatency() ? (curr.p95Ms() / prev.p95Ms() - 1) * 100 : null;
    Double efficiency =
        gain != null && ratio > 1 && curr.successes() > 0 ? (gain / 100) / (ratio - 1) : null;
    return new ScalingStep(prev.load(), curr.load(), gain, p95, ratio, efficiency);
  }
}
