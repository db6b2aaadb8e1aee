package org.milvusbench.gatling;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static org.milvusbench.gatling.MilvusDsl.milvus;
import static org.milvusbench.gatling.MilvusDsl.search;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import org.milvusbench.gatling.core.QueryVectors;

/**
 * The Gatling side of {@link GeneratorIdleBenchmark}: an open model of {@code bench.rate} searches
 * a second for {@code bench.seconds}, one search per user (as the sweep's open model), against
 * {@code bench.uri}.
 */
public class IdleRateSimulation extends Simulation {
  {
    double rate = Double.parseDouble(System.getProperty("bench.rate", "200"));
    Duration seconds = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));
    QueryVectors queries = QueryVectors.uniform(256, 768, 42);
    setUp(scenario("r=" + rate).exec(search("search").collection("noop").annsField("embedding").vectors(queries)
            .topK(10).ef(64))
        .injectOpen(constantUsersPerSec(rate).during(seconds)))
        .protocols(milvus().uri(System.getProperty("bench.uri")));
  }
}
