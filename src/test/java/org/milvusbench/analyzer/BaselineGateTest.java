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
}
