package org.milvusbench.gatling;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static org.milvusbench.gatling.MilvusDsl.milvus;
import static org.milvusbench.gatling.MilvusDsl.search;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import org.milvusbench.gatling.core.QueryVectors;
import org.milvusbench.recorder.LevelRecorder;

/**
 * The Gatling side of {@link GeneratorCeilingBenchmark}: c=1 (measurement overhead) then c=N
 * (throughput ceiling), each looping for {@code bench.seconds}, against {@code bench.uri}.
 */
public class CeilingSimulation extends Simulation {
  static final LevelRecorder SINGLE = new LevelRecorder("search c=1", false, null);
  static volatile LevelRecorder MANY = new LevelRecorder("search c=N", false, null);

  {
    String uri = System.getProperty("bench.uri");
    int users = Integer.getInteger("bench.users", 100);
    Duration seconds = Duration.ofSeconds(Integer.getInteger("bench.seconds", 5));
    QueryVectors queries = QueryVectors.uniform(256, 768, 42);
    MilvusSearchActionBuilder base = search("search").collection("noop").annsField("embedding").vectors(queries).topK(10).ef(64);
    setUp(
        scenario("c=1").during(seconds).on(exec(base.observer(SINGLE))).injectOpen(atOnceUsers(1))
            .andThen(scenario("c=" + users).during(seconds).on(exec(search("search c=" + users).collection("noop")
                .annsField("embedding").vectors(queries).topK(10).ef(64).observer(MANY::onSearch)))
                .injectOpen(atOnceUsers(users))))
        .protocols(milvus().uri(uri));
  }
}
