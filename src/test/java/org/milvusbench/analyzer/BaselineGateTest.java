package org.milvusbench.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.milvusbench.rundir.LatencyStats;

/** The baseline gate fails a change only when it is both larger than allowed and significant. */
class BaselineGateTest {

  private static List<SlaCheck> gate(RunData current, RunData baseline, double maxPct) {
    return BaselineGate.evaluate(current, baseline, maxPct);
  }

  @Test
  void theSameConfigurationAgainPasses() {
    List<SlaCheck> checks = gate(IntervalRuns.run(2, 5.0, 10), IntervalRuns.run(1, 5.0, 10), 10);
    assertEquals(3, checks.size(), "QPS, P95 and P99 of the one common level");
    checks.forEach(c -> assertTrue(c.passed(), c.message()));
  }

  @Test
  void aFiftyPercentSlowerTargetFailsOnP95ForThatReason() {
    List<SlaCheck> checks = gate(IntervalRuns.run(2, 7.5, 10), IntervalRuns.run(1, 5.0, 10), 10);
    SlaCheck p95 = checks.stream().filter(c -> c.name().equals("baseline.p95.10")).findFirst().orElseThrow();
    assertFalse(p95.passed());
    assertTrue(p95.message().contains("REGRESSION"), p95.message());
    assertTrue(p95.message().startsWith("P95 at 10: "), p95.message());
  }

  @Test
  void aSignificantChangeWithinTheAllowanceAndALargeOneWithoutEvidenceBothPass() {
    SlaCheck small = gate(IntervalRuns.run(2, 5.4, 10), IntervalRuns.run(1, 5.0, 10), 20).get(1);
    assertTrue(small.passed(), small.message());
    SlaCheck unjudged = gate(IntervalRuns.run(2, 7.5, 1), IntervalRuns.run(1, 5.0, 1), 10).get(1);
    assertTrue(unjudged.passed(), unjudged.message());
    assertTrue(unjudged.message().contains("not judged"), unjudged.message());
  }

  @Test
  void anAnalysisWithABaselineCarriesTheChecksInItsGate() {
    RunData baseline = IntervalRuns.run(1, 5.0, 10);
    AnalysisReport report = Analyzer.analyze(IntervalRuns.run(2, 7.5, 10), AnalyzerOptions.defaults());
    assertTrue(report.passed());
    List<SlaCheck> gated = BaselineGate.evaluate(report.run(), baseline, 10);
    assertTrue(gated.stream().anyMatch(c -> !c.passed()));
  }

  /** A run of one level at c=1 whose trials had these QPS, P95 and P99; its pooled row has their means. */
  private static RunData trials(double[] qps, double[] p95, double[] p99) {
    List<RunData> trials = new ArrayList<>();
    for (int t = 0; t < qps.length; t++) {
      trials.add(oneLevel(qps[t], p95[t], p99[t], List.of()));
    }
    return oneLevel(Welch.mean(qps), Welch.mean(p95), Welch.mean(p99), trials);
  }

  /** {@code main} with {@code insert} as its other operation. */
  private static RunData withInsert(RunData main, RunData insert) {
    return new RunData(main.source(), main.runDirectory(), main.format(), main.runId(), main.mode(), main.levels(),
        main.histogramsMicros(), null, 2, List.of(), main.intervals(), "search", java.util.Map.of("insert", insert),
        List.of(), main.trials());
  }

  private static RunData oneLevel(double qps, double p95, double p99, List<RunData> trials) {
    LevelMetrics level = new LevelMetrics("c=1", 1, 0, 100, 1, qps, qps, p95 / 2, p95 / 2, p95, p99, p99, 1, 1, 100, 0,
        0, null, 0, null, "results");
    return new RunData(Path.of("results.json"), Path.of("."), "results", "r", "closed", List.of(level),
        java.util.Collections.singletonList(null), null, 2, List.of(), List.of(LevelIntervals.none("test")), "search",
        java.util.Map.of(), List.of(), trials);
  }

  /**
   * Two trials a side make t(1) (Cauchy, P(T ≥ t) = 1/2 − atan(t)/π) wherever the current run's trials
   * agree: QPS 99, 101 → 88, 88 (se 1, t = −12), P95 4, 6 → 25, 25 (t = 20), P99 8, 12 → 14, 14 (se 2,
   * t = 2). Holm over these 3: P95 (p 0.0159 ≤ 0.05/3) rejected and +400 % fails; QPS (p 0.0265, below
   * 0.05 alone) is over 0.05/2 and stops the descent, so its −12 % passes; so does P99's +40 %.
   */
  @Test
  void holmDecidesOverTheComparisonsOneSidedPValues() {
    RunData baseline = trials(new double[] {99, 101}, new double[] {4, 6}, new double[] {8, 12});
    RunData current = trials(new double[] {88, 88}, new double[] {25, 25}, new double[] {14, 14});
    List<SlaCheck> checks = gate(current, baseline, 10);
    assertEquals(List.of("baseline.qps.1", "baseline.p95.1", "baseline.p99.1"), checks.stream().map(SlaCheck::name).toList());
    assertTrue(checks.get(0).passed(), checks.get(0).message());
    assertTrue(checks.get(0).message().contains(String.format(java.util.Locale.ROOT,
        "p = %.4f, Holm threshold 0.0250 (rank 2 of 3, family-wise 5 %%)", 0.5 - Math.atan(12) / Math.PI)),
        checks.get(0).message());
    assertTrue(checks.get(0).message().endsWith("larger than allowed, not rejected by Holm"), checks.get(0).message());
    assertFalse(checks.get(1).passed(), checks.get(1).message());
    assertTrue(checks.get(1).message().contains(String.format(java.util.Locale.ROOT,
        "p = %.4f, Holm threshold 0.0167 (rank 1 of 3", 0.5 - Math.atan(20) / Math.PI)), checks.get(1).message());
    assertTrue(checks.get(1).message().endsWith("REGRESSION"), checks.get(1).message());
    assertTrue(checks.get(2).passed(), checks.get(2).message());
    assertTrue(checks.get(2).message().contains(String.format(java.util.Locale.ROOT,
        "p = %.4f, Holm threshold 0.0500 (rank 3 of 3", 0.5 - Math.atan(2) / Math.PI)), checks.get(2).message());
  }

  @Test
  void anImprovementHasAOneSidedPValueNearOneAndPasses() {
    // P95 down from 4, 6 to 2, 2: t = −3 toward "better", P(T1 ≥ −3) = 1/2 + atan(3)/π
    RunData baseline = trials(new double[] {99, 101}, new double[] {4, 6}, new double[] {8, 12});
    RunData current = trials(new double[] {99, 101}, new double[] {2, 2}, new double[] {8, 12});
    SlaCheck p95 = gate(current, baseline, 10).get(1);
    assertTrue(p95.passed(), p95.message());
    assertTrue(p95.message().contains(String.format(java.util.Locale.ROOT, "p = %.4f", 0.5 + Math.atan(3) / Math.PI)),
        p95.message());
  }

  /**
   * The family is the whole comparison: with an insert operation beside the search, 6 checks. The
   * search's P95 (p = 0.0159, rank 1) is then held to 0.05/6 = 0.0083 and passes, where alone (3 checks)
   * it failed; the insert's checks, equal on both sides (p = 1/2), change nothing but the count.
   */
  @Test
  void everyOperationsChecksAreOneFamily() {
    RunData same = trials(new double[] {99, 101}, new double[] {4, 6}, new double[] {8, 12});
    RunData baseline = withInsert(same, same);
    RunData current = withInsert(trials(new double[] {88, 88}, new double[] {25, 25}, new double[] {14, 14}), same);
    java.util.Map<String, List<SlaCheck>> byOp = BaselineGate.byOperation(current, baseline, 10);
    assertEquals(List.of("search", "insert"), List.copyOf(byOp.keySet()));
    SlaCheck p95 = byOp.get("search").get(1);
    assertTrue(p95.passed(), p95.message());
    assertTrue(p95.message().contains("Holm threshold 0.0083 (rank 1 of 6, family-wise 5 %)"), p95.message());
    assertTrue(byOp.get("insert").stream().allMatch(SlaCheck::passed));
  }
}
