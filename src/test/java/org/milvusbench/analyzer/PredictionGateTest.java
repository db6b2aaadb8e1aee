package org.milvusbench.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The multi-run baseline: a prediction interval over the baseline runs' values. The numbers are by
 * hand with t(2), whose distribution function is closed: P(T ≤ t) = 1/2 + t / (2 √(2 + t²)).
 */
class PredictionGateTest {

  /** P(T ≤ t) under t(2). */
  private static double t2Cdf(double t) {
    return 0.5 + t / (2 * Math.sqrt(2 + t * t));
  }

  /**
   * Baselines 100, 110, 90 and a current 60, on the log scale: ln b = 4.6052, 4.7005, 4.4998, mean
   * 4.60182 (geometric mean 99.67), s = 0.100377, scale s·√(1 + 1/3) = 0.115906; ln 60 = 4.094345, so
   * t = −0.507475 / 0.115906 = −4.378 and P(T ≤ t) = 1/2 − 4.378 / (2 √21.17) = 0.0242. The 95 %
   * interval is exp(4.60182 ± 4.3027 · 0.115906) = 60.53 .. 164.1 (t(2)'s 97.5 % point is 4.3027).
   */
  @Test
  void theStatisticAndIntervalByHand() {
    Prediction p = Prediction.of(new double[] {100, 110, 90});
    double mean = (Math.log(100) + Math.log(110) + Math.log(90)) / 3;
    assertEquals(mean, p.center(), 1e-12);
    assertEquals(99.6655, p.typical(), 1e-4);
    assertEquals(2, p.df());
    assertEquals(0.115906, p.scale(), 1e-6);
    assertEquals(-4.3783, p.t(60), 1e-4);
    assertEquals(t2Cdf(p.t(60)), p.pBelow(60), 1e-9);
    assertEquals(0.02420, p.pBelow(60), 1e-5);
    assertEquals(1 - 0.02420, p.pAbove(60), 1e-5);
    assertEquals(60.53, p.low(0.95), 0.01);
    assertEquals(164.11, p.high(0.95), 0.01);
  }

  @Test
  void noSpreadIsCertainAndNonPositiveValuesHaveNoPrediction() {
    Prediction p = Prediction.of(new double[] {5, 5, 5});
    assertEquals(0, p.pAbove(6));
    assertEquals(1, p.pAbove(5));
    assertEquals(null, Prediction.of(new double[] {5, 0, 5}));
    assertEquals(null, Prediction.of(new double[] {5}));
  }

  /**
   * One level, three checks. QPS 60 against 100, 110, 90: p = 0.0242 is the smallest of the family
   * but above Holm's 0.05 / 3, so its −39.8 % is large and not rejected: passes. QPS 50 (t = −5.95,
   * p = 0.0136 ≤ 0.0167) fails; the latencies, equal to the baselines' middle run, pass.
   */
  @Test
  void holmDecidesOverThePredictionPValues() {
    List<RunData> baselines = List.of(run(100, 10, 20), run(110, 11, 22), run(90, 9, 18));
    List<SlaCheck> notRejected = checks(run(60, 10, 20), baselines);
    SlaCheck qps = notRejected.get(0);
    assertEquals("baseline.qps.1", qps.name());
    assertTrue(qps.passed(), qps.message());
    assertTrue(qps.message().startsWith("QPS at 1: 99.67 (geometric mean) → 60.00 (-39.8 %; prediction interval over 3"
        + " baseline runs: 60.53 .. 164.11 = -39.3 % .. +64.7 % at 95 %, t = -4.38, df 2; p = 0.0242, Holm threshold"
        + " 0.0167 (rank 1 of 3, family-wise 5 %)): larger than allowed, not rejected by Holm"), qps.message());
    assertTrue(qps.description().contains("prediction interval over 3 baseline runs"), qps.description());

    List<SlaCheck> rejected = checks(run(50, 10, 20), baselines);
    double t = (Math.log(50) - Math.log(99.6655)) / 0.115906;
    assertTrue(rejected.get(0).message().contains(String.format(Locale.ROOT, "p = %.4f,", t2Cdf(t))),
        rejected.get(0).message());
    assertFalse(rejected.get(0).passed(), rejected.get(0).message());
    assertTrue(rejected.get(0).message().endsWith("REGRESSION"), rejected.get(0).message());
    assertTrue(rejected.get(1).passed() && rejected.get(2).passed());
  }

  @Test
  void aLevelMissingInSomeBaselinesIsJudgedOnTheOthersAndBelowThreeNotAtAll() {
    RunData other = run(5, 100, 10, 20); // a run of level 5 only: no level 1
    List<RunData> fourWithOneMissing = List.of(run(100, 10, 20), run(110, 11, 22), run(90, 9, 18), other);
    SlaCheck qps = checks(run(100, 10, 20), fourWithOneMissing).get(0);
    assertTrue(qps.message().contains("prediction interval over 3 baseline runs (the level is missing in 1 of 4)"),
        qps.message());
    List<SlaCheck> twoOfFour = checks(run(30, 50, 90), List.of(run(100, 10, 20), run(110, 11, 22), other, other));
    assertEquals(3, twoOfFour.size());
    twoOfFour.forEach(c -> assertTrue(c.passed(), c.message()));
    assertTrue(twoOfFour.get(0).message().contains("not judged: only 2 of 4 baseline runs have a positive QPS"),
        twoOfFour.get(0).message());
  }

  @Test
  void aBaselineThatIsNoRunIsNamedAndTwoRunsAreRefused(@TempDir Path dir) throws Exception {
    Path empty = Files.createDirectory(dir.resolve("not-a-run"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BaselineRuns.load(List.of(empty), null));
    assertTrue(e.getMessage().startsWith("baseline: ") && e.getMessage().contains(empty.toString()), e.getMessage());

    Path runs = Files.createDirectory(dir.resolve("runs"));
    for (String name : List.of("a", "b")) {
      Path run = Files.createDirectory(runs.resolve(name));
      Files.writeString(run.resolve(RunDirectory.REFERENCE_FILE_NAME),
          "[{\"并发数\": 1, \"总请求数\": 100, \"QPS\": \"100.00\", \"P95延迟\": \"10.00ms\", \"失败率\": \"0.00%\"}]");
    }
    assertEquals(2, BaselineRuns.load(List.of(runs), null).size(), "a directory of runs stands for them");
    IllegalArgumentException two = assertThrows(IllegalArgumentException.class,
        () -> BaselineRuns.gate(run(100, 10, 20), List.of(runs), 10));
    assertTrue(two.getMessage().startsWith("baseline: 2 runs given"), two.getMessage());
    assertEquals(1, BaselineRuns.load(List.of(runs), runs.resolve("b")).size(), "the current run is no baseline");
  }

  private static List<SlaCheck> checks(RunData current, List<RunData> baselines) {
    Map<String, List<SlaCheck>> byOp = PredictionGate.byOperation(current, baselines, 10);
    List<SlaCheck> out = new ArrayList<>();
    byOp.values().forEach(out::addAll);
    return out;
  }

  private static RunData run(double qps, double p95, double p99) {
    return run(1, qps, p95, p99);
  }

  /** A run of one level at {@code load} with these whole-level values. */
  private static RunData run(int load, double qps, double p95, double p99) {
    LevelMetrics level = new LevelMetrics("c=" + load, load, 0, 100, 1, qps, qps, p95 / 2, p95 / 2, p95, p99, p99, 1,
        1, 100, 0, 0, null, 0, null, "results");
    return new RunData(Path.of("results.json"), Path.of("."), "results", "r", "closed", List.of(level),
        java.util.Collections.singletonList(null), null, 2, List.of(), List.of(LevelIntervals.none("test")), "search",
        java.util.Map.of(), List.of(), List.of());
  }
}
