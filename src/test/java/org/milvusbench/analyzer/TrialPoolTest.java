package org.milvusbench.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Several trials pool into one run and keep their spread. */
class TrialPoolTest {

  @Test
  void pooledRowsAddTheTrialsAndTheSpreadComesFromTheTrials() {
    RunData a = IntervalRuns.run(1, 5.0, 10);
    RunData b = IntervalRuns.run(2, 6.0, 10);
    RunData pooled = TrialPool.pool(List.of(a, b));
    LevelMetrics level = pooled.levels().get(0);
    LevelMetrics la = a.levels().get(0);
    LevelMetrics lb = b.levels().get(0);
    assertEquals(la.totalRequests() + lb.totalRequests(), level.totalRequests());
    assertEquals(la.totalTimeSeconds() + lb.totalTimeSeconds(), level.totalTimeSeconds(), 1e-9);
    assertEquals(20, pooled.intervals(level).histogramsMicros().size(), "both trials' intervals");
    assertTrue(level.p50Ms() > la.p50Ms() && level.p50Ms() < lb.p50Ms(), "the pooled median lies between the trials'");
    assertEquals(2, pooled.trials().size());

    AnalysisReport report = Analyzer.analyze(pooled, AnalyzerOptions.defaults());
    TrialSummary.Row row = report.trials().row(10);
    assertEquals((la.p95Ms() + lb.p95Ms()) / 2, row.p95Ms().mean(), 1e-9);
    // n = 2: t(1) = 12.706 times the standard error |a − b| / 2
    assertEquals(12.706 * Math.abs(la.p95Ms() - lb.p95Ms()) / 2, row.p95Ms().high() - row.p95Ms().mean(), 1e-2);
    assertEquals(2, report.trials().knees().size());
    assertEquals(2, report.trials().kneesAgreeing(), "one level: no knee in any trial, none pooled");
  }

  @Test
  void withTrialsOnBothSidesTheBaselineGateComparesTrials() {
    RunData baseline = TrialPool.pool(List.of(IntervalRuns.run(1, 5.0, 10), IntervalRuns.run(2, 5.1, 10)));
    RunData slower = TrialPool.pool(List.of(IntervalRuns.run(3, 7.5, 10), IntervalRuns.run(4, 7.6, 10)));
    List<SlaCheck> checks = BaselineGate.evaluate(slower, baseline, 10);
    SlaCheck p95 = checks.get(1);
    assertTrue(p95.message().contains("over trials"), p95.message());
    assertTrue(!p95.passed(), p95.message());
  }
}
