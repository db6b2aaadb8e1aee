package org.milvusbench.analyzer;

import static org.milvusbench.analyzer.Format.load;
import static org.milvusbench.analyzer.Format.num;

/**
 * How many machines reach a target throughput at the recommended operating point: {@code
 * machines = ⌈targetQps / QPS per machine⌉}, then × redundancy.
 *
 * @param concurrency per machine, the recommended level
 * @param machines without redundancy
 * @param machinesWithRedundancy {@code machines × redundancy}
 */
public record CapacityPlan(
    double targetQps,
    int concurrency,
    double qpsPerMachine,
    double p95Ms,
    int machines,
    int redundancy,
    int machinesWithRedundancy,
    String message) {

  static CapacityPlan of(double targetQps, LevelMetrics perMachine, int redundancy, String sla) {
    // The tiny slack keeps exact multiples (e.g. 1000 / 500) from rounding up on float noise.
    int machines = (int) Math.max(1, Math.ceil(targetQps / perMachine.qps() - 1e-9));
    int total = machines * redundancy;
    String message =
        load(targetQps) + " QPS" + (sla.isEmpty() ? "" : " at " + sla) + " → " + machines
            + " machine" + (machines == 1 ? "" : "s") + " at concurrency "
            + load(perMachine.load()) + " (" + num(perMachine.qps()) + " QPS, P95 "
            + num(perMachine.p95Ms()) + " ms each); " + total + " with ×" + redundancy
            + " redundancy";
    return new CapacityPlan(targetQps, perMachine.concurrency(), perMachine.qps(),
        perMachine.p95Ms(), machines, redundancy, total, message);
  }
}
