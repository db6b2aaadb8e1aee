package org.milvusbench.analyzer;

import java.util.List;

/**
 * Everything the analyzer concluded about one run: the per-level table, the reference's five
 * sections, the USL fit, Little's-law checks, bottleneck hints, the recommendation, the capacity
 * plan and the SLA gate. Rendered by {@code org.milvusbench.report}.
 *
 * @param run what was analysed (levels ascending by load, histograms, source paths)
 * @param baseline the first level, to which sections 1 and 2 are relative
 * @param bestQps section 4: the level with the highest QPS
 * @param lowestP95 section 4: the level with the lowest P95 (among levels with successes)
 * @param bestScore section 4: the level with the highest QPS ÷ P95 (ms)
 * @param steps section 5: consecutive-level comparisons
 * @param kneeByReferenceRule the reference's literal rule, always evaluated for comparison
 * @param capacityPlan null when no target QPS was asked or no level qualifies
 * @param operations the same analysis of each of the run's other operations, by operation
 * @param trials with several trials, their spread and knees; null otherwise
 * @param levelSpread with one trial, each level's 95 % interval from its own intervals
 *     ({@link IntervalBootstrap}); empty otherwise or when levels are too short
 */
public record AnalysisReport(
    RunData run,
    AnalyzerOptions options,
    LevelMetrics baseline,
    LevelMetrics bestQps,
    LevelMetrics lowestP95,
    LevelMetrics bestScore,
    List<ScalingStep> steps,
    Knee knee,
    Knee kneeByReferenceRule,
    UslModel usl,
    List<LittlesLawCheck> littlesLaw,
    List<BottleneckHint> hints,
    Recommendation recommendation,
    CapacityPlan capacityPlan,
    List<SlaCheck> sla,
    java.util.Map<String, AnalysisReport> operations,
    TrialSummary trials,
    List<TrialSummary.Row> levelSpread) {

  public AnalysisReport {
    operations = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(operations));
    levelSpread = List.copyOf(levelSpread);
  }

  /** What this report's rows measured ({@code search}, {@code all}, {@code insert}, …). */
  public String operation() {
    return run.operation();
  }

  public List<LevelMetrics> levels() {
    return run.levels();
  }

  /** Section 1: QPS change vs the first level, percent; null when the baseline has no QPS. */
  public Double qpsGainPct(LevelMetrics level) {
    return ScalingStep.between(baseline, level).qpsGainPct();
  }

  /** Section 2: P95 change vs the first level, percent; null without latencies to compare. */
  public Double p95ChangePct(LevelMetrics level) {
    return ScalingStep.between(baseline, level).p95IncreasePct();
  }

  /**
   * One line per SLA breach, the other operations' prefixed with their name ({@code insert: …}),
   * and one per level whose row count did not add up; empty when the gate passes.
   */
  public List<String> breaches() {
    java.util.List<String> out = new java.util.ArrayList<>();
    sla.stream().filter(c -> !c.passed()).map(SlaCheck::message).forEach(out::add);
    operations.forEach((op, r) -> r.breaches().forEach(b -> out.add(op + ": " + b)));
    run.integrityErrors().forEach(out::add);
    return out;
  }

  /**
   * Throws {@link SlaBreachException} (message: one line per breach) when an SLA is breached, for
   * code that analyses a run itself (the sweep checks {@link #passed()} and sets the exit status).
   */
  public void requirePassed() {
    if (!passed()) throw new SlaBreachException(breaches());
  }

  /** True when no SLA is breached. */
  public boolean passed() {
    return breaches().isEmpty();
  }
}
