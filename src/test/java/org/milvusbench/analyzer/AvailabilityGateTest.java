package org.milvusbench.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milvusbench.rundir.LatencyStats;
import org.milvusbench.rundir.LevelResult;
import org.milvusbench.rundir.SweepResults;

/**
 * A target that dies mid-sweep leaves levels where every request failed: the verdict fails, naming
 * the first such level, with or without SLAs; a level that failed and then recovered does not.
 */
class AvailabilityGateTest {
  private static LevelResult level(int c, long total, long ok) {
    LatencyStats s = ok == 0 ? LatencyStats.EMPTY : new LatencyStats(ok, 1000, 6000, 5000, 10000, 12000, 15000, 1000);
    return new LevelResult("c" + c, c, 0, total, ok, total - ok, 1_000_000L, 2_000_000L, s, null, null, null, null, null);
  }

  private static AnalysisReport analyze(Path dir, LevelResult... levels) {
    return Analyzer.analyze(new SweepResults(SweepResults.SCHEMA, "avail", null, "closed", null, Map.of(), 2, List.of(levels)),
        dir, AnalyzerOptions.builder().build());
  }

  @Test
  void deadFromTheThirdLevelOnFailsWithoutAnySla(@TempDir Path dir) {
    AnalysisReport r = analyze(dir, level(1, 100, 100), level(5, 100, 100), level(10, 100, 37), level(20, 100, 0),
        level(50, 100, 0));
    assertFalse(r.passed());
    assertEquals(List.of("target available at every level: breached — target unavailable from level 4 (concurrency 20):"
        + " no successful request from there on, 200 failed"), r.breaches());
  }

  @Test
  void aLevelThatFailedAndRecoveredIsNotUnavailability(@TempDir Path dir) {
    AnalysisReport r = analyze(dir, level(1, 100, 100), level(5, 100, 0), level(10, 100, 100));
    assertTrue(r.passed(), r.breaches().toString());
  }
}
