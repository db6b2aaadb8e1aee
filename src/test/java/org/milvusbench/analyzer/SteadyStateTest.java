package org.milvusbench.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The steady-state check on a level's intervals, and the knee that skips unsteady levels. */
class SteadyStateTest {
  private static final long T0 = 1_796_000_000_000L;

  /** One-second intervals, each answering {@code counts[i]} requests of {@code p50s[i]} µs. */
  private static List<Histogram> intervals(long[] counts, long[] latencies) {
    List<Histogram> out = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      Histogram h = new Histogram(3);
      h.recordValueWithCount(latencies[i], counts[i]);
      h.setStartTimeStamp(T0 + i * 1000L);
      h.setEndTimeStamp(T0 + (i + 1) * 1000L);
      out.add(h);
    }
    return out;
  }

  private static List<Long> noFailures(int n) {
    return Collections.nCopies(n, 0L);
  }

  @Test
  void evenIntervalsAreSteady() {
    SteadyState s = SteadyState.judge(intervals(new long[] {300, 310, 295, 305}, new long[] {3000, 3100, 2950, 3050}),
        noFailures(4));
    assertTrue(s.judged());
    assertTrue(s.steady(), s.reason());
    assertEquals(100 * (600 / 610.0 - 1), s.qpsDriftPct(), 1e-9); // 610 then 600 requests in two seconds each
  }

  @Test
  void throughputFallingInTheSecondHalfIsUnsteady() {
    SteadyState s = SteadyState.judge(intervals(new long[] {300, 300, 200, 200}, new long[] {3000, 3000, 3000, 3000}),
        noFailures(4));
    assertFalse(s.steady());
    assertEquals(-33.333, s.qpsDriftPct(), 0.01);
    assertEquals("QPS drifted -33 % between the halves", s.reason());
  }

  @Test
  void failuresCountTowardsThroughput() {
    // Successes fall by half in the second half, but failures make up for them: QPS (all requests) holds.
    SteadyState s = SteadyState.judge(intervals(new long[] {300, 300, 150, 150}, new long[] {3000, 3000, 3000, 3000}),
        List.of(0L, 0L, 150L, 150L));
    assertEquals(0.0, s.qpsDriftPct(), 1e-9);
    assertTrue(s.steady(), s.reason());
  }

  @Test
  void aSlowFirstIntervalIsAStartUpTransient() {
    SteadyState s = SteadyState.judge(intervals(new long[] {200, 300, 300, 300, 300, 300},
        new long[] {20_000, 3000, 3000, 3000, 3000, 3000}), noFailures(6));
    assertFalse(s.steady());
    assertTrue(s.reason().contains("start-up transient: the first interval's p50 is 6.7x the level's"), s.reason());
  }

  @Test
  void shortLevelsAreNotJudgedAndCountAsSteady() {
    SteadyState s = SteadyState.judge(intervals(new long[] {300, 300, 100}, new long[] {3000, 3000, 9000}), noFailures(3));
    assertFalse(s.judged());
    assertTrue(s.steady());
    assertEquals("too short to judge: 3 intervals, 4 needed", s.reason());
  }

  private static LevelIntervals with(SteadyState verdict) {
    return new LevelIntervals(List.of(), List.of(), verdict);
  }

  private static LevelMetrics level(int c, double qps) {
    return new LevelMetrics("c" + c, c, 0, 1000, 1000 / qps, qps, qps, c / qps * 1000, 5, 10, 12, 20, 1, 2, 1000, 0,
        0, null, 0, null, "results");
  }

  @Test
  void theKneeSkipsAnUnsteadyLevelUnlessAsked() {
    // 1 → 2 → 4 → 8: scaling stops at 4 → 8, but the 4 level was unsteady (its QPS a transient's).
    List<LevelMetrics> levels = List.of(level(1, 100), level(2, 195), level(4, 220), level(8, 600));
    SteadyState steady = new SteadyState(true, true, 1.0, 1.0, "");
    SteadyState unsteady = new SteadyState(true, false, -40.0, 5.0, "QPS drifted -40 % between the halves");
    List<Histogram> none = new ArrayList<>(Collections.nCopies(4, (Histogram) null));
    RunData run = new RunData(Path.of("results.json"), Path.of("."), "results", "r", "closed", levels, none, null, 2,
        List.of(), List.of(with(steady), with(steady), with(unsteady), with(steady)));
    Knee skipping = Analyzer.analyze(run, AnalyzerOptions.defaults()).knee();
    assertFalse(skipping.found(), skipping.message()); // 2 → 8 scales at 0.69 efficiency
    Knee including = Analyzer.analyze(run, AnalyzerOptions.defaults().toBuilder().kneeIncludesUnsteady(true).build()).knee();
    assertTrue(including.found());
    assertEquals(2, including.fromLoad(), 0);
    assertEquals(4, including.toLoad(), 0);
  }
}
