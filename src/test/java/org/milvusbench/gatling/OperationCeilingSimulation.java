package org.milvusbench.gatling;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static org.milvusbench.gatling.MilvusDsl.milvus;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * The Gatling side of {@link OperationCostBenchmark}: {@code bench.users} closed-model users each
 * repeating {@link #window}'s operation against {@code bench.uri}, and one more user that opens the
 * window after {@code bench.warmup} seconds and closes it {@code bench.seconds} later, a second
 * before the others stop.
 */
public class OperationCeilingSimulation extends Simulation {
  /** The window of the run about to start: set by the benchmark before each run. */
  static volatile MeasuredWindow window;

  {
    MeasuredWindow measured = window;
    String uri = System.getProperty("bench.uri");
    int users = Integer.getInteger("bench.users", 100);
    Duration warmUp = Duration.ofSeconds(Integer.getInteger("bench.warmup", 3));
    Duration seconds = Duration.ofSeconds(Integer.getInteger("bench.seconds", 10));
    BenchOperation operation = BenchOperation.valueOf(System.getProperty("bench.operation"));
    setUp(
        scenario(operation.label).during(warmUp.plus(seconds).plusSeconds(1)).on(exec(operation.observed(measured)))
            .injectOpen(atOnceUsers(users)),
        scenario("window").pause(warmUp)
            .exec(session -> {
              measured.open();
              return session;
            })
            .pause(seconds)
            .exec(session -> {
              measured.close();
              return session;
            })
            .injectOpen(atOnceUsers(1)))
        .protocols(milvus().uri(uri));
  }
}
