package org.milvusbench.gatling;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static org.milvusbench.gatling.MilvusDsl.datasetRows;
import static org.milvusbench.gatling.MilvusDsl.delete;
import static org.milvusbench.gatling.MilvusDsl.insert;
import static org.milvusbench.gatling.MilvusDsl.milvus;
import static org.milvusbench.gatling.MilvusDsl.query;
import static org.milvusbench.gatling.MilvusDsl.search;
import static org.milvusbench.gatling.MilvusDsl.uniformQueryVectors;
import static org.milvusbench.gatling.MilvusDsl.upsert;

import io.gatling.javaapi.core.Simulation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.milvusbench.recorder.LevelRecorder;

/**
 * A user-style simulation for {@link MilvusDslGatlingTest}: the DSL inside a real Gatling run
 * (protocol registry, shared channels, action glue, assertions) against {@code dsl.uri}: searches,
 * and every data operation.
 */
public class DslSimulation extends Simulation {
  static volatile LevelRecorder recorder;
  static final AtomicLong FEEDER_CALLS = new AtomicLong();
  /** Rows the data actions' observer heard of: written, deleted and counted. */
  static final AtomicLong ROWS = new AtomicLong();

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
            .injectOpen(atOnceUsers(4)),
        scenario("data").repeat(repeat).on(
            insert("insert").collection("c").rows(datasetRows(16, 1)).batchSize(10).observer(DslSimulation::rows),
            upsert("upsert").collection("c").rows(session -> List.of(Map.of("id", 1L, "embedding", new float[16])))
                .observer(DslSimulation::rows),
            delete("delete").collection("c").ids(session -> new long[] {1, 2}).observer(DslSimulation::rows),
            query("count").collection("c").countAll().observer(DslSimulation::rows))
            .injectOpen(atOnceUsers(2)))
        .protocols(milvus().uri(System.getProperty("dsl.uri")).channels(2))
        .assertions(global().responseTime().percentile(95.0).lt(p95Ms), global().failedRequests().count().is(0L));
  }

  private static void rows(boolean ok, long startEpochMicros, long latencyMicros, long rows) {
    ROWS.addAndGet(rows);
  }
}
