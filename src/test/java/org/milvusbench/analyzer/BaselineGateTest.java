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

  /** One level at c=10: {@code intervals} one-second intervals of 200 log-normal latencies around {@code medianMs}. */
  private static RunData run(long seed, double medianMs, int intervals) {
    Random random = new Random(seed);
    List<Histogram> slices = new ArrayList<>();
    List<Long> failures = new ArrayList<>();
    Histogram all = new Histogram(3);
    for (int i = 0; i < intervals; i++) {
      Histogram h = new Histogram(3);
      for (int r = 0; r < 200; r++) {
        h.recordValue(Math.round(medianMs * 1000 * Math.exp(0.3 * random.nextGaussian())));
      }
      h.setStartTimeStamp(1_000_000L + i * 1000L);
      h.setEndTimeStamp(1_000_000L + (i + 1) * 1000L);
      slices.add(h);
      failures.add(0L);
      all.add(h);
    }
    LatencyStats s = LatencyStats.fromHistogram(all);
    double qps = 200.0;
    LevelMetrics level = new LevelMetrics("c=10", 10, 0, all.getTotalCount(), intervals, qps, qps, s.meanMicros() / 1000,
        s.p50Micros() / 1000, s.p95Micros() / 1000, s.p99Micros() / 1000, s.maxMicros() / 1000, s.minMicros() / 1000,
        s.stdMicros() / 1000, all.getTotalCount(), 0, 0, null, 0, null, "histogram");
    List<Histogram> histograms = new ArrayList<>();
    histograms.add(all);
    return new RunData(Path.of("results.json"), Path.of("."), "results", "r" + seed, "closed", List.of(level), histograms,
        null, 2, List.of(), List.of(LevelIntervals.of(slices, failures)));
  }

  private static List<SlaCheck> gate(RunData current, RunData baseline, double maxPct) {
    return BaselineGate.evaluate(current, baseline, maxPct);
  }

  @Test
  void theSameConfigurationAgainPasses() {
    List<SlaCheck> checks = gate(run(2, 5.0, 10), run(1, 5.0, 10), 10);
    assertEquals(3, checks.size(), "QPS, P95 and P99 of the one common level");
    checks.forEach(c -> assertTrue(c.passed(), c.message()));
  }

  @Test
  void aFiftyPercentSlowerTargetFailsOnP95ForThatReason() {
    List<SlaCheck> checks = gate(run(2, 7.5, 10), run(1, 5.0, 10), 10);
    SlaCheck p95 = checks.stream().filter(c -> c.name().equals("baseline.p95.10")).findFirst().orElseThrow();
    assertFalse(p95.passed());
    assertTrue(p95.message().contains("REGRESSION"), p95.message());
    assertTrue(p95.message().startsWith("P95 at 10: "), p95.message());
  }

  @Test
  void aSignificantChangeWithinTheAllowanceAndALargeOneWithoutEvidenceBothPass() {
    SlaCheck small = gate(run(2, 5.4, 10), run(1, 5.0, 10), 20).get(1);
    assertTrue(small.passed(), small.message());
    SlaCheck unjudged = gate(run(2, 7.5, 1), run(1, 5.0, 1), 10).get(1);
    assertTrue(unjudged.passed(), unjudged.message());
    assertTrue(unjudged.message().contains("not judged"), unjudged.message());
  }

  @Test
  void anAnalysisWithABaselineCarriesTheChecksInItsGate() {
    RunData baseline = run(1, 5.0, 10);
    AnalysisReport report = Analyzer.analyze(run(2, 7.5, 10), AnalyzerOptions.defaults());
    assertTrue(report.passed());
    List<SlaCheck> gated = BaselineGate.evaluate(report.run(), baseline, 10);
    assertTrue(gated.stream().anyMatch(c -> !c.passed()));
  }
}
