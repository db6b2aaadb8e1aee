package org.milvusbench.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.milvusbench.report.ConsoleReport;

class IntervalBootstrapTest {

  @Test
  void identicalIntervalsLeaveNothingToResample() {
    TrialSummary.Row row = IntervalBootstrap.of(level(List.of(5.0, 5.0, 5.0, 5.0, 5.0, 5.0))).get(0);
    assertEquals(row.p95Ms().mean(), row.p95Ms().low());
    assertEquals(row.p95Ms().mean(), row.p95Ms().high());
    assertEquals(200.0, row.qps().low());
    assertEquals(200.0, row.qps().high());
  }

  @Test
  void noisyIntervalsGiveAnIntervalAroundTheLevelAndTheSameOneEveryTime() {
    RunData run = IntervalRuns.run(3, 5, 20);
    TrialSummary.Row row = IntervalBootstrap.of(run).get(0);
    LevelMetrics level = run.levels().get(0);
    assertEquals(level.p95Ms(), row.p95Ms().mean());
    assertTrue(row.p95Ms().low() < level.p95Ms(), row.toString());
    assertTrue(row.p95Ms().high() > level.p95Ms(), row.toString());
    assertTrue(row.p50Ms().low() <= row.p50Ms().high(), row.toString());
    assertEquals(row, IntervalBootstrap.of(run).get(0));
  }

  @Test
  void aLevelThatShiftsHalfWayIsFarLessSureThanASteadyOne() {
    List<Double> shifted = new ArrayList<>();
    List<Double> steady = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      shifted.add(i < 10 ? 5.0 : 10.0);
      steady.add(i % 2 == 0 ? 7.0 : 7.5);
    }
    TrialSummary.Row s = IntervalBootstrap.of(level(shifted)).get(0);
    TrialSummary.Row f = IntervalBootstrap.of(level(steady)).get(0);
    // Each resample's P50 is 5 ms or 10 ms as the draw leans, so the interval spans the shift.
    assertTrue(s.p50Ms().low() < 6.0, s.toString());
    assertTrue(s.p50Ms().high() > 9.0, s.toString());
    assertTrue(f.p50Ms().high() - f.p50Ms().low() < 1.0, f.toString());
  }

  @Test
  void levelsWithFewIntervalsGetNone() {
    assertEquals(0, IntervalBootstrap.of(level(List.of(5.0, 6.0, 7.0, 8.0))).size());
    assertEquals(1, IntervalBootstrap.of(level(List.of(5.0, 6.0, 7.0, 8.0, 9.0))).size());
  }

  @Test
  void aOneTrialRunShowsItsLevelsSpreadAndASeveralTrialRunDoesNot() {
    AnalysisReport one = Analyzer.analyze(IntervalRuns.run(3, 5, 20), AnalyzerOptions.defaults());
    assertNull(one.trials());
    assertEquals(1, one.levelSpread().size());
    assertTrue(ConsoleReport.render(one).contains("Within-level spread (one trial: 95 % block bootstrap"));
    RunData pooled = TrialPool.pool(List.of(IntervalRuns.run(3, 5, 20), IntervalRuns.run(4, 5, 20)));
    AnalysisReport two = Analyzer.analyze(pooled, AnalyzerOptions.defaults());
    assertNotNull(two.trials());
    assertEquals(0, two.levelSpread().size());
  }

  /** One level at c=10 whose i-th one-second interval holds 200 requests of exactly {@code ms.get(i)}. */
  private static RunData level(List<Double> ms) {
    List<Histogram> slices = new ArrayList<>();
    List<Long> failures = new ArrayList<>();
    Histogram all = new Histogram(3);
    for (int i = 0; i < ms.size(); i++) {
      Histogram h = new Histogram(3);
      h.recordValueWithCount(Math.round(ms.get(i) * 1000), 200);
      h.setStartTimeStamp(1_000_000L + i * 1000L);
      h.setEndTimeStamp(1_000_000L + (i + 1) * 1000L);
      slices.add(h);
      failures.add(0L);
      all.add(h);
    }
    org.milvusbench.rundir.LatencyStats s = org.milvusbench.rundir.LatencyStats.fromHistogram(all);
    LevelMetrics level = new LevelMetrics("c=10", 10, 0, all.getTotalCount(), ms.size(), 200, 200, s.meanMicros() / 1000,
        s.p50Micros() / 1000, s.p95Micros() / 1000, s.p99Micros() / 1000, s.maxMicros() / 1000, s.minMicros() / 1000,
        s.stdMicros() / 1000, all.getTotalCount(), 0, 0, null, 0, null, "histogram");
    return new RunData(Path.of("results.json"), Path.of("."), "results", "r", "closed", List.of(level), List.of(all),
        null, 2, List.of(), List.of(LevelIntervals.of(slices, failures)));
  }
}
