package org.milvusbench.gatling.example;

// README.md's "Using the Milvus DSL in your own simulation", compiled outside the DSL's packages as
// a user's would be. ReadmeExampleTest keeps the README identical to everything from the imports on.

import static io.gatling.javaapi.core.CoreDsl.*;
import static org.milvusbench.gatling.MilvusDsl.*;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import org.milvusbench.gatling.MilvusProtocolBuilder;
import org.milvusbench.gatling.core.Metric;
import org.milvusbench.gatling.core.QueryVectors;

public class MySearchSimulation extends Simulation {
  MilvusProtocolBuilder protocol = milvus().uri("http://localhost:19530")
      .token(System.getenv("MILVUS_TOKEN"))                   // optional; sent as milvus-sdk-java does
      .deadline(Duration.ofSeconds(5));                       // .channels(n): connections per Gatling event loop
  QueryVectors queries = uniformQueryVectors(1000, 768, 42);  // or queryVectors(vectors, groundTruthIds)

  ScenarioBuilder scn = scenario("search").during(Duration.ofSeconds(60)).on(
      exec(search("top10 ef64").collection("benchmark_concurrent").annsField("embedding")
          .vectors(queries)            // or .vectors("vector") from a feeder, or .vectors(session -> float[])
          .topK(10).ef(64).metric(Metric.L2).filter("category == \"B\"")));  // metric("l2") works too

  { setUp(scn.injectOpen(atOnceUsers(20))).protocols(protocol)
        .assertions(global().responseTime().percentile(95.0).lt(100)); }
}
