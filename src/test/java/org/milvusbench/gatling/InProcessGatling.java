package org.milvusbench.gatling;

import io.gatling.javaapi.core.Simulation;
import java.util.Map;

/**
 * Runs a benchmark's simulation in this JVM (so the benchmark can read the simulation's static
 * recorders and this process's CPU), its settings passed as system properties, without reports.
 */
final class InProcessGatling {
  private InProcessGatling() {}

  /**
   * Sets {@code properties}, runs {@code simulation}, returns when it has finished.
   *
   * @throws IllegalStateException if Gatling exits other than 0
   */
  static void run(Class<? extends Simulation> simulation, Map<String, String> properties) {
    properties.forEach(System::setProperty);
    int exit = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {
        "-s", simulation.getName(), "-rf", "target/gatling-bench", "-nr"});
    if (exit != 0) {
      throw new IllegalStateException("Gatling exited with " + exit + " running " + simulation.getSimpleName());
    }
  }
}
