package org.milvusbench.simulations;

import io.gatling.javaapi.core.Simulation;
import org.milvusbench.sweep.run.SlaAssertions;
import org.milvusbench.sweep.run.SweepRun;
import org.milvusbench.sweep.run.SweepScenarios;

/**
 * What {@code mvn gatling:test} runs: the reference's concurrency sweep (levels 1 → 100, 1000
 * searches each) against {@code -Dmilvus.uri} or the embedded target, with a results directory
 * under {@code target/milvus-sweep/}. Settings: {@code -D} keys, see {@link org.milvusbench.config.ConfigKeys}.
 */
public class ConcurrencySweepSimulation extends Simulation {
  // Validated and prepared (target started, data seeded) before Gatling injects any load; a
  // failure here is one line on stderr and exit status 3.
  private final SweepRun run = SweepRun.startOrExit();

  {
    setUp(SweepScenarios.chain(run))
        .protocols(run.protocol())
        .assertions(SlaAssertions.of(run.config()));
  }

  @Override
  public void after() {
    run.finish();
  }
}
