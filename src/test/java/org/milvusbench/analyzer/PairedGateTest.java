package org.milvusbench.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The A/B mode's paired verdict. The numbers are by hand with t(2), whose distribution function is
 * closed: P(T ≤ t) = 1/2 + t / (2 √(2 + t²)); its 97.5 % point is 4.302653.
 */
class PairedGateTest {

  /**
   * d = 0.1, 0.2, 0.3: mean 0.2, s = 0.1, se = 0.1 / √3 = 0.0577350, t = 2√3 = 3.464102, df 2;
   * P(T ≥ t) = 1/2 − √12 / (2 √14) = 0.0370899; interval 0.2 ± 4.302653 · 0.0577350 = −0.048414 .. 0.448414.
   */
  @Test
  void thePairedStatisticByHand() {
    Welch w = Welch.paired(new double[] {0.1, 0.2, 0.3});
    assertEquals(0.2, w.difference(), 1e-12);
    assertEquals(0.1 / Math.sqrt(3), w.standardError(), 1e-12);
    assertEquals(2, w.df());
    assertEquals(3.464102, w.t(), 1e-6);
    assertEquals(0.5 - Math.sqrt(12) / (2 * Math.sqrt(14)), w.pAbove(), 1e-9);
    assertEquals(0.0370899, w.pAbove(), 1e-7);
    assertEquals(-0.048414, w.low(0.95), 1e-6);
    assertEquals(0.448414, w.high(0.95), 1e-6);
    assertEquals(null, Welch.paired(new double[] {0.1}));
  }

  /**
   * P95 of the candidate 10·e^0.1, 10·e^0.2, 10·e^0.3 against 10 in each trial: the ratio's geometric
   * mean is e^0.2 = +22.1 %, larger than the 10 % allowed, but p = 0.0371 is above Holm's 0.05 / 3 =
   * 0.0167 for the smallest of three: passes, saying why. QPS and P99 are equal: p = 1.
   */
  @Test
  void aLargeChangeThatHolmDoesNotRejectPasses() {
    List<SlaCheck> checks = checks(trials(new double[] {100, 100, 100}, new double[] {10 * Math.exp(0.1),
        10 * Math.exp(0.2), 10 * Math.exp(0.3)}, new double[] {20, 20, 20}), trials(new double[] {100, 100, 100},
        new double[] {10, 10, 10}, new double[] {20, 20, 20}));
    assertEquals(List.of("ab.qps.1", "ab.p95.1", "ab.p99.1"), checks.stream().map(SlaCheck::name).toList());
    SlaCheck p95 = checks.get(1);
    assertTrue(p95.passed(), p95.message());
    assertEquals("P95 at 1: baseline 10.00 → candidate 12.21 (+22.1 %, geometric mean of 3 paired trials; interval"
        + " -4.7 % .. +56.6 % at 95 %, t = 3.46, df 2; p = 0.0371, Holm threshold 0.0167 (rank 1 of 3, family-wise"
        + " 5 %)): larger than allowed, not rejected by Holm", p95.message());
    assertTrue(p95.description().contains("one-sided paired t over the trials of ln(candidate / baseline)"),
        p95.description());
    assertTrue(checks.get(0).passed() && checks.get(2).passed());
  }

  /**
   * The machine slows fourfold over the trials, both targets alike, and the candidate is 40 % slower in
   * each: ln 1.4 in every trial, no spread, so p = 0 and the change is certain: REGRESSION. Its QPS
   * (100, 50, 25 against the candidate's 5 % lower) is 5 % down in every trial: rejected by Holm
   * but within the allowed 10 %, so it passes.
   */
  @Test
  void driftCommonToBothTargetsCancelsInThePairs() {
    List<SlaCheck> checks = checks(trials(new double[] {95, 47.5, 23.75}, new double[] {14, 28, 56},
        new double[] {20, 40, 80}), trials(new double[] {100, 50, 25}, new double[] {10, 20, 40},
        new double[] {20, 40, 80}));
    SlaCheck qps = checks.get(0);
    assertTrue(qps.passed(), qps.message());
    // The ln ratios agree to rounding, so t is huge rather than infinite and the ranks of the two p = 0 may swap.
    assertTrue(qps.message().startsWith("QPS at 1: baseline 50.00 → candidate 47.50 (-5.0 %, geometric mean of 3"
        + " paired trials; interval -5.0 % .. -5.0 % at 95 %, t = -"), qps.message());
    assertTrue(qps.message().endsWith("rejected by Holm, within the allowed change"), qps.message());
    SlaCheck p95 = checks.get(1);
    assertFalse(p95.passed(), p95.message());
    assertTrue(p95.message().startsWith("P95 at 1: baseline 20.00 → candidate 28.00 (+40.0 %"), p95.message());
    assertTrue(p95.message().endsWith("REGRESSION"), p95.message());
  }

  @Test
  void fewerThanThreePairsAreNotJudged() {
    List<SlaCheck> checks = checks(trials(new double[] {50, 50}, new double[] {99, 99}, new double[] {99, 99}),
        trials(new double[] {100, 100}, new double[] {10, 10}, new double[] {20, 20}));
    assertEquals(3, checks.size());
    checks.forEach(c -> assertTrue(c.passed(), c.message()));
    assertEquals("QPS at 1: baseline 100.00 → candidate 50.00 (not judged: 2 paired trials, 3 needed): passes",
        checks.get(0).message());
  }

  private static List<SlaCheck> checks(RunData candidate, RunData baseline) {
    Map<String, List<SlaCheck>> byOp = PairedGate.byOperation(candidate, baseline, 10);
    List<SlaCheck> out = new ArrayList<>();
    byOp.values().forEach(out::addAll);
    return out;
  }

  /** A run of one level (c=1) and one trial per value; its pooled row is the first trial's. */
  private static RunData trials(double[] qps, double[] p95, double[] p99) {
    List<RunData> trials = new ArrayList<>();
    for (int i = 0; i < qps.length; i++) {
      trials.add(run(qps[i], p95[i], p99[i], List.of()));
    }
    return run(qps[0], p95[0], p99[0], trials);
  }

  private static RunData run(double qps, double p95, double p99, List<RunData> trials) {
    LevelMetrics level = new LevelMetrics("c=1", 1, 0, 100, 1, qps, qps, p95 / 2, p95 / 2, p95, p99, p99, 1,
        1, 100, 0, 0, null, 0, null, "results");
    return new RunData(Path.of("results.json"), Path.of("."), "results", "r", "closed", List.of(level),
        java.util.Collections.singletonList(null), null, 2, List.of(), List.of(LevelIntervals.none("test")), "search",
        Map.of(), List.of(), trials);
  }
}
