package org.milvusbench.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.milvusbench.rundir.LevelResult;

/** The reference's memory heuristic, with measured RSS as evidence, and its CPU one when saturated. */
class BottleneckHintsTest {
  private static LevelMetrics level(int c, double qps, double p95, double targetCpu, long rssMiB) {
    var usage = new LevelResult.ProcessUsage(targetCpu, rssMiB << 20, rssMiB << 20);
    return new LevelMetrics("c" + c, c, 0, 1000, 1000 / qps, qps, qps, c / qps * 1000, p95 * 0.7,
        p95, p95 * 1.3, p95 * 2, 1, p95 / 5, 1000, 0, 0, null, 0,
        new LevelResult.Resources(usage, new LevelResult.ProcessUsage(20, 300L << 20, 300L << 20)), "results");
  }

  @Test
  void memoryHintWhenP95DoublesOnLessThanDoubleConcurrency() {
    List<LevelMetrics> levels = List.of(level(10, 500, 20, 150, 900), level(15, 520, 45, 160, 3900));
    List<BottleneckHint> hints = BottleneckHints.find(levels, LittlesLawCheck.check(levels, 2), 2);
    assertEquals(1, hints.size(), hints.toString());
    assertEquals("MEMORY", hints.get(0).kind());
    assertEquals("10→15", hints.get(0).where());
    assertEquals("P95 +125.0% while concurrency only ×1.50; target RSS 900.0 MiB → 3900.0 MiB",
        hints.get(0).evidence());
    assertEquals(List.of("use a quantized index", "add memory", "use partitions to load less data"),
        hints.get(0).advice());
  }

  @Test
  void cpuHintWithSaturatedTargetCpu() {
    List<LevelMetrics> levels = List.of(level(20, 800, 40, 190, 900), level(40, 840, 80, 196, 910));
    List<BottleneckHint> hints = BottleneckHints.find(levels, LittlesLawCheck.check(levels, 2), 2);
    assertEquals(1, hints.size(), hints.toString());
    assertEquals("CPU", hints.get(0).kind());
    assertEquals("QPS +5.0% while concurrency ×2.00; target CPU 196 % of 200 %", hints.get(0).evidence());
  }
}
