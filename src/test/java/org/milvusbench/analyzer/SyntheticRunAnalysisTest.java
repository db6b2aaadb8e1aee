package org.milvusbench.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milvusbench.rundir.LatencyStats;
import org.milvusbench.rundir.ResultsJson;
import org.milvusbench.rundir.SweepResults;

/**
 * A run directory written the way the sweep writes it (results.json + HdrHistogram logs), with
 * measured CPU: the analyzer reads the histograms, finds the knee, flags the generator-bound level
 * by Little's law, backs the CPU heuristic with the measured CPU and gates recall.
 */
class SyntheticRunAnalysisTest {
  /** c=16 is generator-bound: QPS × mean latency is half the users, the generator eats the CPU. */
  static final List<SyntheticRun.Level> LEVELS = List.of(
      new SyntheticRun.Level(1, 600, 0, 94, 10, false, 0.95, SyntheticRun.resources(60, 30)),
      new SyntheticRun.Level(2, 800, 0, 179, 10.5, false, 0.95, SyntheticRun.resources(95, 45)),
      new SyntheticRun.Level(4, 1000, 0, 342, 11, false, 0.95, SyntheticRun.resources(130, 55)),
      new SyntheticRun.Level(8, 1000, 2, 579, 13, true, 0.94, SyntheticRun.resources(140, 50)),
      new SyntheticRun.Level(16, 1000, 0, 537, 14, false, 0.90, SyntheticRun.resources(45, 150)));

  static SyntheticRun write(Path runDir, Map<String, String> config) throws Exception {
    return SyntheticRun.write(runDir, 99, LEVELS, config);
  }

  @Test
  void readsHistogramLogsAndRawFiles(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("run");
    SyntheticRun run = write(dir, Map.of());
    RunData data = RunDirectory.load(dir);
    assertEquals("results", data.format());
    assertEquals(5, data.levels().size());
    assertEquals("histogram", data.levels().get(0).latencySource());
    assertEquals("raw", data.levels().get(3).latencySource());
    // Merged three-interval log == the histogram of all values.
    LatencyStats expected = LatencyStats.fromHistogram(run.histogram(16));
    assertEquals(expected.p95Micros() / 1000, data.levels().get(4).p95Ms(), 0);
    assertEquals(expected.count(), data.histogramsMicros().get(4).getTotalCount());
    assertEquals(1000 / (1000 / 579.0), data.levels().get(3).qps(), 0.01);
    assertEquals(998 / (1000 / 579.0), data.levels().get(3).goodput(), 0.01);
    assertEquals(0.2, data.levels().get(3).failurePct(), 1e-12);
    assertEquals(0.94, data.levels().get(3).recall());
    assertEquals(10, data.levels().get(3).recallK());
  }

  @Test
  void analysisFindsKneeGeneratorBoundLevelAndCpuEvidence(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("run");
    write(dir, Map.of());
    AnalysisReport r = Analyzer.analyze(dir, AnalyzerOptions.builder().minRecall(0.92).build());
    assertTrue(r.knee().found());
    assertEquals(8.0, r.knee().fromLoad());
    assertEquals(16.0, r.knee().toLoad());
    assertTrue(r.knee().message().endsWith(
        "(caution: 16 is generator-bound, so this may be the generator's knee, not the target's)"),
        r.knee().message());

    LittlesLawCheck c16 = r.littlesLaw().get(4);
    assertTrue(c16.generatorBound(), c16.message());
    assertEquals(0.5, c16.ratio(), 0.05);
    assertTrue(c16.message().contains("generator CPU 150 % of 200 %"), c16.message());
    assertTrue(r.littlesLaw().subList(0, 4).stream().noneMatch(LittlesLawCheck::generatorBound),
        r.littlesLaw().toString());

    BottleneckHint cpu = r.hints().stream().filter(h -> h.kind().equals("CPU")).findFirst().orElseThrow();
    assertEquals("8→16", cpu.where());
    assertTrue(cpu.evidence().contains("target CPU 45 % of 200 % — not saturated"), cpu.evidence());
    assertEquals(1, r.hints().stream().filter(h -> h.kind().equals("GENERATOR") && h.where().equals("16")).count());

    assertFalse(r.passed());
    assertEquals(List.of("recall ≥ 0.92: breached — recall@10 0.900 at concurrency 16"), r.breaches());
    SlaBreachException e = org.junit.jupiter.api.Assertions.assertThrows(SlaBreachException.class, r::requirePassed);
    assertEquals(r.breaches(), e.breaches());
    assertEquals("SLA breached:\nrecall ≥ 0.92: breached — recall@10 0.900 at concurrency 16", e.getMessage());
    // The recommendation skips the level whose recall is too low.
    assertTrue(r.recommendation().level().concurrency() < 16);
  }

  @Test
  void uslFitsTheSyntheticCurve(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("run");
    write(dir, Map.of());
    UslModel usl = Analyzer.analyze(dir, AnalyzerOptions.defaults()).usl();
    assertTrue(usl.fitted());
    assertEquals(5, usl.points());
    assertNotNull(usl.peakConcurrency());
    assertTrue(usl.peakConcurrency() > 4 && usl.peakConcurrency() < 30, usl.toString());
  }

  @Test
  void findsGatlingReportBesideTheRunOrFromConfig(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("runs/run-1");
    write(dir, Map.of());
    Path report = tmp.resolve("runs/gatling/concurrencysweepsimulation-20261125");
    Files.createDirectories(report.resolve("js"));
    Files.writeString(report.resolve("index.html"), "<html></html>");
    assertEquals(report, RunDirectory.load(dir).gatlingReport());

    Path other = tmp.resolve("elsewhere");
    Files.createDirectories(other.resolve("js"));
    Path dir2 = tmp.resolve("runs2/run-2");
    write(dir2, Map.of("gatlingReport", "../../elsewhere"));
    assertEquals(other, RunDirectory.load(dir2).gatlingReport());

    // What the sweep records (Gatling's own target/gatling/<run>, not beside the run directory) wins.
    Path recorded = tmp.resolve("target/gatling/concurrencysweepsimulation-20261126");
    Files.createDirectories(recorded.resolve("js"));
    Path resultsFile = dir.resolve("results.json");
    SweepResults r = ResultsJson.read(resultsFile);
    ResultsJson.write(new SweepResults(r.schema(), r.runId(), r.startedAt(), r.mode(), r.target(), r.config(),
        r.cpuCores(), r.levels(), recorded.toString()), resultsFile);
    assertEquals(recorded, RunDirectory.load(dir).gatlingReport());
  }

  @Test
  void theSweepCanHandOverItsResultsDirectly(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("run");
    SyntheticRun run = write(dir, Map.of());
    AnalysisReport r = Analyzer.analyze(run.results(), dir, AnalyzerOptions.fromConfig(
        Map.of("sla.p95Ms", "1000", "capacity.targetQps", "2000")));
    assertTrue(r.passed());
    assertNotNull(r.capacityPlan());
    assertEquals(r.recommendation().level().concurrency(), r.capacityPlan().concurrency());
  }
}
