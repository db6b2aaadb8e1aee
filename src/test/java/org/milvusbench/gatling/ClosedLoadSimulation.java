package org.milvusbench.gatling;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static org.milvusbench.gatling.MilvusDsl.milvus;
import static org.milvusbench.gatling.MilvusDsl.search;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import org.milvusbench.gatling.core.QueryVectors;

/**
 * One injector of {@link InjectorScalingBenchmark}: {@code bench.users} closed-model users searching
 * in a loop for {@code bench.seconds} against {@code bench.uri}.
 */
public class ClosedLoadSimulation extends Simulation {
  {
    int users = Integer.getInteger("bench.users", 100);
    Duration seconds = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));
    QueryVectors queries = QueryVectors.uniform(256, 768, 42);
    setUp(scenario("c=" + users).during(seconds).on(exec(search("search").collection("noop").annsField("embedding")
            .vectors(queries).topK(10).ef(64)))
        .injectOpen(atOnceUsers(users)))
        .protocols(milvus().uri(System.getProperty("bench.uri")));
  }
}
