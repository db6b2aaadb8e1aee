package org.milvusbench.gatling;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static org.milvusbench.gatling.MilvusDsl.milvus;
import static org.milvusbench.gatling.MilvusDsl.search;
import static org.milvusbench.gatling.MilvusDsl.uniformQueryVectors;

import io.gatling.javaapi.core.Simulation;
import java.util.concurrent.atomic.AtomicLong;
import org.milvusbench.recorder.LevelRecorder;

/**
 * A user-style simulation for {@link MilvusDslGatlingTest}: the DSL inside a real Gatling run
 * (protocol registry, shared channels, action glue, assertions) against {@code dsl.uri}.
 */
public class DslSimulation extends Simulation {
  static volatile LevelRecorder recorder;
  static final AtomicLong FEEDER_CALLS = new AtomicLong();

  {
    recorder = new LevelRecorder("search", true, null);
    int repeat = Integer.getInteger("dsl.repeat", 50);
    int p95Ms = Integer.getInteger("dsl.p95Ms", 10_000);
    setUp(
        scenario("queries").repeat(repeat).on(
            search("from a query set").collection("c").vectors(uniformQueryVectors(8, 16, 1)).topK(10).ef(16)
                .observer(recorder),
            search("from a function").collection("c").vectors(session -> {
              FEEDER_CALLS.incrementAndGet();
              return new float[16];
            }))
            .injectOpen(atOnceUsers(4)))
        .protocols(milvus().uri(System.getProperty("dsl.uri")).channels(2))
        .assertions(global().responseTime().percentile(95.0).lt(p95Ms), global().failedRequests().count().is(0L));
  }
}
