package org.milvusbench.gatling.example;

// README.md's second example in "Using the Milvus DSL in your own simulation", compiled outside the
// DSL's packages as a user's would be. ReadmeExampleTest keeps the README identical to it from the imports on.

import static io.gatling.javaapi.core.CoreDsl.*;
import static org.milvusbench.gatling.MilvusDsl.*;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import org.milvusbench.gatling.core.ConsistencyLevel;

public class MyInsertQuerySimulation extends Simulation {
  ScenarioBuilder writers = scenario("writers").repeat(50).on(
      exec(insert("insert 100").collection("benchmark_concurrent")
          .rows(datasetRows().startingAt(50_000))  // data-prep's rows after the 50,000 it seeded; or .rows(session -> rows)
          .batchSize(100)));
  ScenarioBuilder readers = scenario("readers").during(Duration.ofSeconds(60)).on(
      exec(query("B rows").collection("benchmark_concurrent").filter("category == \"B\"").outputFields("category").limit(10),
          query("count").collection("benchmark_concurrent").countAll().consistencyLevel(ConsistencyLevel.STRONG)));

  { setUp(writers.injectOpen(atOnceUsers(2)), readers.injectOpen(atOnceUsers(10)))
        .protocols(milvus().uri("http://localhost:19530")); }
}
