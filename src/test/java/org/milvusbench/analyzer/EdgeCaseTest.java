package org.milvusbench.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milvusbench.rundir.LatencyStats;
import org.milvusbench.report.ReportWriter;
import org.milvusbench.rundir.LevelResult;
import org.milvusbench.rundir.ResultsJson;
import org.milvusbench.rundir.SweepResults;

/** Degenerate runs are reported sensibly: no division by zero, no fake knee, no fake fit. */
class EdgeCaseTest {
  private static LevelResult level(int c, long total, long ok, double seconds, double p95Ms) {
    LatencyStats s = ok == 0 ? LatencyStats.EMPTY
        : new LatencyStats(ok, 1000, p95Ms * 600, p95Ms * 500, p95Ms * 1000, p95Ms * 1200, p95Ms * 1500, p95Ms * 100);
    long start = 1_000_000_000L;
    return new LevelResult("c" + c, c, 0, total, ok, total - ok, start, start + (long) (seconds * 1e6),
        s, null, null, null, null, null);
  }

  private static SweepResults results(LevelResult... levels) {
    return new SweepResults(SweepResults.SCHEMA, "edge", null, "closed", null, Map.of(), 2, List.of(levels));
  }

  private static void assertNoNonFiniteNumbers(Path dir) throws Exception {
    String json = Files.readString(dir.resolve("analysis.json"));
    assertFalse(json.contains("NaN") || json.contains("Infinity"), json);
    ResultsJson.mapper().readTree(json); // strict JSON
  }

  @Test
  void singleLevelHasNoKneeAndNoFit(@TempDir Path dir) throws Exception {
    AnalysisReport r = Analyzer.analyze(results(level(10, 1000, 1000, 2.0, 30)), dir,
        AnalyzerOptions.builder().kneeNotBefore(20).targetQps(1000.0).build());
    assertFalse(r.knee().found());
    assertEquals("no knee: a single level, nothing to compare", r.knee().message());
    assertFalse(r.usl().fitted());
    assertTrue(r.steps().isEmpty());
    assertEquals(10, r.recommendation().level().concurrency());
    assertEquals(2, r.capacityPlan().machines());
    assertTrue(r.passed(), r.breaches().toString()); // no knee is not a knee before 20
    ReportWriter.writeAll(dir, r);
    assertNoNonFiniteNumbers(dir);
  }

  @Test
  void levelWithZeroSuccessesIsACollapseNotADivisionByZero(@TempDir Path dir) throws Exception {
    AnalysisReport r = Analyzer.analyze(results(
        level(1, 100, 100, 1.0, 10), level(2, 200, 200, 1.0, 11), level(4, 400, 0, 0.5, 0)), dir,
        AnalyzerOptions.builder().slaMaxFailurePct(1.0).build());
    LevelMetrics dead = r.levels().get(2);
    assertNull(dead.score());
    assertNull(r.p95ChangePct(dead));
    assertEquals(100.0, dead.failurePct());
    assertTrue(r.knee().found());
    assertEquals(2.0, r.knee().fromLoad());
    assertTrue(r.knee().message().contains("every request failed at 4"), r.knee().message());
    assertEquals(2, r.bestScore().concurrency());
    assertEquals(1, r.lowestP95().concurrency());
    // The failure-rate SLA is met at 1 and 2, but the last level measured nothing: the verdict says so.
    assertEquals(java.util.List.of("target available at every level: breached — target unavailable from level 3"
        + " (concurrency 4): no successful request from there on, 400 failed"), r.breaches());
    ReportWriter.writeAll(dir, r);
    assertNoNonFiniteNumbers(dir);
  }

  @Test
  void runWithNoSuccessAtAllHasNoRecommendationAndFailsItsSla(@TempDir Path dir) throws Exception {
    AnalysisReport r = Analyzer.analyze(results(level(1, 50, 0, 1.0, 0), level(2, 50, 0, 0, 0)), dir,
        AnalyzerOptions.builder().slaP95Ms(100.0).targetQps(100.0).build());
    assertFalse(r.recommendation().found());
    assertNull(r.capacityPlan());
    assertNull(r.bestScore());
    assertFalse(r.knee().found());
    assertEquals(List.of("target available at every level: breached — target unavailable from level 1 (concurrency 1):"
        + " no successful request from there on, 100 failed",
        "P95 ≤ 100 ms: breached — no level had a successful request"), r.breaches());
    assertEquals(0.0, r.levels().get(1).qps()); // zero-length window: no QPS, not infinity
    ReportWriter.writeAll(dir, r);
    assertNoNonFiniteNumbers(dir);
  }

  @Test
  void openModelRunUsesTheRateAsX(@TempDir Path dir) throws Exception {
    List<LevelResult> levels = new java.util.ArrayList<>();
    double[][] rows = {{100, 8}, {200, 9}, {400, 12}, {800, 60}};
    long start = 0;
    for (double[] row : rows) {
      long n = (long) row[0] * 10;
      LatencyStats s = new LatencyStats(n, 1000, row[1] * 900, row[1] * 800, row[1] * 1000, row[1] * 1300, row[1] * 2000, row[1] * 200);
      // The 800/s level only completes 500/s: saturated.
      double seconds = row[0] == 800 ? n / 500.0 : 10;
      levels.add(new LevelResult("rate" + (int) row[0], 0, row[0], n, n, 0, start, start + (long) (seconds * 1e6),
          s, null, null, null, null, null));
      start += 20_000_000;
    }
    SweepResults open = new SweepResults(SweepResults.SCHEMA, "open", null, "open", null, Map.of(), 2, levels);
    AnalysisReport r = Analyzer.analyze(open, dir, AnalyzerOptions.defaults());
    assertTrue(r.run().openModel());
    assertFalse(r.usl().fitted());
    assertTrue(r.usl().reason().contains("open-model"), r.usl().reason());
    assertTrue(r.littlesLaw().isEmpty());
    assertTrue(r.knee().found());
    assertEquals(400.0, r.knee().fromLoad());
    ReportWriter.writeAll(dir, r);
    assertTrue(Files.readString(dir.resolve("analysis.txt")).contains("Rate (req/s)"));
    assertNoNonFiniteNumbers(dir);
  }

  @Test
  void badInputNamesTheFile(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("nope");
    assertEquals(missing + ": no such run directory or results file",
        assertThrows(IllegalArgumentException.class, () -> RunDirectory.load(missing)).getMessage());
    assertEquals(dir + ": not a run directory (no results.json or concurrent_test_results.json in it)",
        assertThrows(IllegalArgumentException.class, () -> RunDirectory.load(dir)).getMessage());
    Path corrupt = Files.writeString(dir.resolve("results.json"), "{\"levels\": [ {\"concurrency\": 1,");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> RunDirectory.load(dir)).getMessage()
        .startsWith(corrupt + ": corrupt JSON: "));
    Files.writeString(corrupt, "{\"something\": 1}");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> RunDirectory.load(corrupt)).getMessage()
        .startsWith(corrupt + ": not a results file"));
    Path ref = Files.writeString(dir.resolve("ref.json"), "[{\"并发数\": 5, \"QPS\": \"12.5\", \"P95延迟\": \"abc\"}]");
    assertEquals(ref + ": level [0]: \"P95延迟\" = \"abc\" is not a number in ms (e.g. \"12.34ms\")",
        assertThrows(IllegalArgumentException.class, () -> RunDirectory.load(ref)).getMessage());
    Path badHlog = dir.resolve("run");
    Files.createDirectories(badHlog);
    Files.writeString(badHlog.resolve("c1.hlog"), "not a histogram log\n1.0,2.0,3.0,@@@\n");
    ResultsJson.write(new SweepResults(SweepResults.SCHEMA, "x", null, "closed", null, Map.of(), 2,
        List.of(new LevelResult("c1", 1, 0, 10, 10, 0, 0, 1_000_000, LatencyStats.EMPTY, "c1.hlog",
            null, null, null, null))), badHlog.resolve("results.json"));
    String msg = assertThrows(IllegalArgumentException.class, () -> RunDirectory.load(badHlog)).getMessage();
    assertTrue(msg.startsWith(badHlog.resolve("c1.hlog") + ": not an HdrHistogram log"), msg);
  }

  @Test
  void optionsFromConfigNameTheBadKey() {
    AnalyzerOptions o = AnalyzerOptions.fromConfig(Map.of("sla.p95Ms", "100", "sla.maxFailurePct", "0.5",
        "sla.minRecall", "0.9", "sla.kneeNotBefore", "20", "capacity.targetQps", "1000",
        "capacity.redundancy", "3", "knee.rule", "reference"));
    assertEquals(100, o.slaP95Ms().getAsDouble());
    assertEquals(3, o.redundancy());
    assertEquals(KneeRule.REFERENCE, o.kneeRule());
    assertEquals("sla.p95Ms: \"-1\" is not a positive number", assertThrows(IllegalArgumentException.class,
        () -> AnalyzerOptions.fromConfig(Map.of("sla.p95Ms", "-1"))).getMessage());
    assertEquals("sla.minRecall: \"1.5\" is not a recall in [0, 1] (e.g. 0.9)",
        assertThrows(IllegalArgumentException.class,
            () -> AnalyzerOptions.fromConfig(Map.of("sla.minRecall", "1.5"))).getMessage());
    assertEquals("knee.rule: \"steep\" is not one of marginal, reference",
        assertThrows(IllegalArgumentException.class,
            () -> AnalyzerOptions.fromConfig(Map.of("knee.rule", "steep"))).getMessage());
    assertEquals("capacity.redundancy: \"0\" is not a positive integer",
        assertThrows(IllegalArgumentException.class,
            () -> AnalyzerOptions.fromConfig(Map.of("capacity.redundancy", "0"))).getMessage());
  }
}
