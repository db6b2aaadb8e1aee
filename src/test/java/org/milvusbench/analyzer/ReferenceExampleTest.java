package org.milvusbench.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reference's printed example (DESIGN §1), as its own {@code concurrent_test_results.json}:
 * every number the issue names must come out of the analyzer.
 */
class ReferenceExampleTest {
  static final Path EXAMPLE = TestFiles.resource("analyzer/concurrent_test_results.json");

  private static AnalysisReport analyze(AnalyzerOptions options) {
    return Analyzer.analyze(EXAMPLE, options);
  }

  @Test
  void readsTheReferenceJsonWithItsChineseKeysAndFormattedValues() {
    RunData run = RunDirectory.load(EXAMPLE);
    assertEquals("reference", run.format());
    assertEquals(List.of(1, 5, 10, 20, 50, 100),
        run.levels().stream().map(LevelMetrics::concurrency).toList());
    assertEquals(List.of(54.20, 245.67, 456.89, 823.45, 1234.56, 1456.78),
        run.levels().stream().map(LevelMetrics::qps).toList());
    assertEquals(List.of(25.67, 28.34, 35.67, 58.90, 145.23, 320.45),
        run.levels().stream().map(LevelMetrics::p95Ms).toList());
    assertEquals(List.of(5.34, 6.78, 8.90, 15.67, 45.23, 98.76),
        run.levels().stream().map(LevelMetrics::stdMs).toList());
    assertEquals(List.of(0.0, 0.0, 0.0, 0.10, 0.50, 2.30),
        run.levels().stream().map(l -> Math.round(l.failurePct() * 100) / 100.0).toList());
    LevelMetrics first = run.levels().get(0);
    assertEquals(1000, first.totalRequests());
    assertEquals(18.45, first.totalTimeSeconds());
    assertEquals(18.45, first.avgMs());
    assertEquals(17.23, first.p50Ms());
    assertEquals(32.18, first.p99Ms());
    assertEquals(45.23, first.maxMs());
    assertEquals(15.12, first.minMs());
    assertEquals(977, run.levels().get(5).successes());
    assertEquals(23, run.levels().get(5).failures());
  }

  @Test
  void sectionsOneToFourMatchTheReferencePrintout() {
    AnalysisReport r = analyze(AnalyzerOptions.defaults());
    LevelMetrics c5 = r.levels().get(1);
    assertEquals("+353.3%", Format.signedPct(r.qpsGainPct(c5)));
    assertEquals("+2177.8%", Format.signedPct(r.qpsGainPct(r.levels().get(4))));
    assertEquals("+10.4%", Format.signedPct(r.p95ChangePct(c5)));
    assertEquals("+129.5%", Format.signedPct(r.p95ChangePct(r.levels().get(3))));
    assertEquals("+1148.3%", Format.signedPct(r.p95ChangePct(r.levels().get(5))));
    assertEquals(100, r.bestQps().concurrency());
    assertEquals(1, r.lowestP95().concurrency());
    assertEquals(20, r.bestScore().concurrency());
    assertEquals("13.98", Format.num(r.bestScore().score()));
  }

  @Test
  void defaultKneeIsAfterTwentyByMarginalEfficiency() {
    AnalysisReport r = analyze(AnalyzerOptions.defaults());
    Knee knee = r.knee();
    assertTrue(knee.found());
    assertEquals(20.0, knee.fromLoad());
    assertEquals(50.0, knee.toLoad());
    assertEquals("0.33", Format.num(knee.efficiency()));
    assertEquals("+49.9%", Format.signedPct(knee.qpsGainPct()));
    assertEquals("+146.6%", Format.signedPct(knee.p95IncreasePct()));
    assertTrue(knee.message().startsWith("knee after 20 (20→50)"), knee.message());
    // 10→20 still scales at 0.80 (DESIGN §5).
    assertEquals("0.80", Format.num(r.steps().get(2).efficiency()));
  }

  @Test
  void referenceLiteralRuleDoesNotFlagItsOwnKnee() {
    AnalysisReport r = analyze(AnalyzerOptions.builder().kneeRule(KneeRule.REFERENCE).build());
    assertFalse(r.knee().found(), r.knee().message());
    assertFalse(r.kneeByReferenceRule().found());
  }

  @Test
  void slaChoiceAndCapacityPlanForThousandQps() {
    AnalysisReport r =
        analyze(AnalyzerOptions.builder().targetQps(1000.0).slaP95Ms(100.0).build());
    assertEquals(20, r.recommendation().level().concurrency());
    CapacityPlan plan = r.capacityPlan();
    assertNotNull(plan);
    assertEquals(2, plan.machines());
    assertEquals(20, plan.concurrency());
    assertEquals(4, plan.machinesWithRedundancy());
    assertTrue(plan.message().startsWith("1000 QPS at P95 ≤ 100 ms → 2 machines at concurrency 20"),
        plan.message());
    assertTrue(r.passed());
    assertEquals(List.of(), r.breaches());
  }

  @Test
  void capacityPlanForTenThousandQpsWithDoubleRedundancy() {
    CapacityPlan plan = analyze(AnalyzerOptions.builder().targetQps(10_000.0).build()).capacityPlan();
    assertEquals(13, plan.machines());
    assertEquals(2, plan.redundancy());
    assertEquals(26, plan.machinesWithRedundancy());
    assertEquals(20, plan.concurrency());
    CapacityPlan triple =
        analyze(AnalyzerOptions.builder().targetQps(10_000.0).redundancy(3).build()).capacityPlan();
    assertEquals(39, triple.machinesWithRedundancy());
  }

  @Test
  void bottleneckHintsFollowTheReferenceHeuristics() {
    AnalysisReport r = analyze(AnalyzerOptions.defaults());
    // Only the connection-pool rule fires: 2.30 % > 1 % at 100; no step has QPS < +10 % at ×2.
    assertEquals(1, r.hints().size(), r.hints().toString());
    BottleneckHint h = r.hints().get(0);
    assertEquals("CONNECTION_POOL", h.kind());
    assertEquals("100", h.where());
    assertEquals(List.of("enlarge the connection pool (gRPC channels)",
        "improve connection management", "reuse connections"), h.advice());
  }

  @Test
  void littlesLawHoldsOnTheExampleSoNoLevelIsGeneratorBound() {
    AnalysisReport r = analyze(AnalyzerOptions.defaults());
    assertEquals(6, r.littlesLaw().size());
    assertTrue(r.littlesLaw().stream().noneMatch(LittlesLawCheck::generatorBound));
    assertEquals(1.0, r.littlesLaw().get(0).expectedInFlight(), 0.01);
  }

  @Test
  void uslFitOfTheExampleIsPlausible() {
    UslModel usl = analyze(AnalyzerOptions.defaults()).usl();
    assertTrue(usl.fitted());
    assertEquals(54.2, usl.lambda(), 3.0);
    assertTrue(usl.peakConcurrency() > 50 && usl.peakConcurrency() < 300, usl.toString());
    assertTrue(usl.rmsErrorPct() < 5, usl.toString());
  }

  @Test
  void acceptsAnObjectKeyedByConcurrency(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    var mapper = org.milvusbench.rundir.ResultsJson.mapper();
    var list = mapper.readTree(EXAMPLE.toFile());
    var keyed = mapper.createObjectNode();
    for (var level : list) {
      var copy = ((com.fasterxml.jackson.databind.node.ObjectNode) level.deepCopy());
      String c = copy.remove("并发数").asText();
      keyed.set(c, copy);
    }
    Path file = dir.resolve("concurrent_test_results.json");
    mapper.writeValue(file.toFile(), keyed);
    AnalysisReport r = Analyzer.analyze(dir, AnalyzerOptions.defaults());
    assertEquals(20, r.bestScore().concurrency());
    assertEquals(20.0, r.knee().fromLoad());
  }
}
