package org.milvusbench.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare}: deltas at equal concurrency, geometric-mean verdict, recall. */
class ComparisonTest {
  private static RunData run(Path dir, long seed, double qpsFactor, double latencyFactor, double recall)
      throws Exception {
    List<SyntheticRun.Level> levels = List.of(
        new SyntheticRun.Level(1, 400, 0, 90 * qpsFactor, 10 * latencyFactor, true, recall, null),
        new SyntheticRun.Level(4, 400, 0, 340 * qpsFactor, 11 * latencyFactor, true, recall, null),
        new SyntheticRun.Level(8, 400, 0, 560 * qpsFactor, 14 * latencyFactor, true, recall, null));
    SyntheticRun.write(dir, seed, levels, Map.of());
    return RunDirectory.load(dir);
  }

  @Test
  void fasterRunWithLowerRecall(@TempDir Path tmp) throws Exception {
    RunData a = run(tmp.resolve("a"), 1, 1.0, 1.0, 0.95);
    RunData b = run(tmp.resolve("b"), 1, 1.5, 0.6, 0.90);
    Comparison c = Comparison.compare(a, b);
    assertEquals(3, c.rows().size());
    for (Comparison.Row row : c.rows()) {
      assertEquals(50.0, row.qpsDeltaPct(), 1e-3); // windows are whole µs
      assertEquals(-40.0, row.p95DeltaPct(), 0.2); // same seed: latencies scaled by 0.6 (µs rounding)
      assertEquals(-0.05, row.recallDelta(), 1e-12);
    }
    assertEquals(50.0, c.qpsChangePct(), 1e-3);
    assertTrue(c.verdict().startsWith("B: +50.0 % QPS, −40."), c.verdict());
    assertTrue(c.verdict().endsWith("— faster, but recall −0.050"), c.verdict());
  }

  @Test
  void verdictWords(@TempDir Path tmp) throws Exception {
    RunData a = run(tmp.resolve("a"), 1, 1.0, 1.0, 0.95);
    assertTrue(Comparison.compare(a, run(tmp.resolve("same"), 1, 1.01, 1.0, 0.95)).verdict()
        .endsWith("— no significant difference"));
    assertTrue(Comparison.compare(a, run(tmp.resolve("slow"), 1, 0.7, 1.4, 0.95)).verdict()
        .endsWith("— slower"));
    assertTrue(Comparison.compare(a, run(tmp.resolve("mixed"), 1, 1.3, 1.3, 0.95)).verdict()
        .endsWith("— mixed"));
  }

  @Test
  void nothingInCommonIsAnError(@TempDir Path tmp) throws Exception {
    RunData a = run(tmp.resolve("a"), 1, 1.0, 1.0, 0.95);
    SyntheticRun.write(tmp.resolve("b"), 2,
        List.of(new SyntheticRun.Level(3, 100, 0, 200, 10, false, null, null)), Map.of());
    RunData b = RunDirectory.load(tmp.resolve("b"));
    String msg = assertThrows(IllegalArgumentException.class, () -> Comparison.compare(a, b)).getMessage();
    assertTrue(msg.contains("no concurrency level in common"), msg);
  }
}
