package org.milvusbench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milvusbench.analyzer.Comparison;
import org.milvusbench.analyzer.RunDirectory;
import org.milvusbench.rundir.ResultsJson;

/**
 * The streaming and mixed workloads end to end, as {@code mvn gatling:test -Dsweep.workload=…}
 * runs them against the embedded target (child JVMs, like the fault tests; not tagged: they are
 * the workloads' main proof). Counts are exact: the mixed deal gives each operation its share of
 * every level's budget, every write is acknowledged with its rows, and the collection's count adds
 * up and is restored after each level.
 */
class WorkloadSweepTest {
  @TempDir
  Path work;

  private Map<String, String> smoke(String workload) {
    Map<String, String> p = new HashMap<>(Map.of("profile", "smoke", "sweep.levels", "1,3", "sweep.requests", "100",
        "sweep.pause", "0s", "sweep.warmup", "0", "embedded.warmup", "0", "embedded.heap", "1g",
        "embedded.data", work.resolve("data").toString(), "sweep.runDir", work.resolve("runs").toString()));
    p.put("sweep.workload", workload);
    return p;
  }

  private JsonNode run(Map<String, String> props) throws Exception {
    try (JavaChild sweep = JavaChild.sweep(work, props)) {
      int status = sweep.waitFor(300);
      assertEquals(0, status, sweep.output());
    }
    return RunDirs.results(RunDirs.only(work.resolve("runs")));
  }

  @Test
  void mixedLevelsRunEachOperationItsExactShare() throws Exception {
    Map<String, String> props = smoke("mixed");
    props.put("sweep.mix", "search:6,insert:2,upsert:1,delete:1");
    props.put("ingest.batch", "10");
    props.put("sla.p95Ms.insert", "5000");
    JsonNode results = run(props);
    assertEquals(2, results.get("levels").size());
    for (JsonNode level : results.get("levels")) {
      assertEquals("all", level.get("operation").asText());
      assertEquals(100, level.get("totalRequests").asLong(), level.toString());
      Map<String, JsonNode> ops = byOperation(level);
      assertEquals(60, ops.get("search").get("successes").asLong());
      assertEquals(20, ops.get("insert").get("successes").asLong());
      assertEquals(10, ops.get("upsert").get("successes").asLong());
      assertEquals(10, ops.get("delete").get("successes").asLong());
      assertEquals(200, ops.get("insert").get("rows").asLong(), "20 inserts of 10 rows");
      assertEquals(100, ops.get("delete").get("rows").asLong(), "10 deletes of 10 of the run's own rows");
      JsonNode writes = level.get("writes");
      assertEquals(writes.get("expected").asLong(), writes.get("counted").asLong(), writes.toString());
      // the reserve (10 batches) + 200 inserted − 100 deleted
      assertEquals(writes.get("before").asLong() + 100 + 200 - 100, writes.get("counted").asLong());
      assertEquals(writes.get("before").asLong(), writes.get("restored").asLong(), "the level's rows are gone again");
      for (JsonNode op : level.get("operations")) {
        assertTrue(Files.isRegularFile(runDir().resolve(op.get("histogramFile").asText())), op.toString());
      }
      // The embedded target's Prometheus histogram, scraped at the level's start and end, saw its 60 searches.
      JsonNode server = level.get("serverPrometheus");
      assertNotNull(server, level.toString());
      assertEquals(60, server.get("count").asLong(), server.toString());
      assertTrue(server.get("p95Ms").asDouble() > 0 && server.get("p95Ms").asDouble() <= server.get("p99Ms").asDouble(), server.toString());
      assertTrue(server.get("source").asText().matches("http://127\\.0\\.0\\.1:\\d+/metrics"), server.toString());
      // The query node's histogram saw the same 60; the target has no queues, and the run says so.
      assertEquals(60, server.get("components").get("queryNode").get("count").asLong(), server.toString());
      assertEquals("[\"milvus_proxy_req_in_queue_latency\",\"milvus_querynode_sq_queue_latency\"]",
          server.get("absent").toString());
      assertTrue(server.get("cpuSeconds").asDouble() > 0, server.toString());
    }
    assertTrue(Files.readString(runDir().resolve("analysis.txt")).contains("Server P95 (ms)"));
    JsonNode analysisLevel = ResultsJson.mapper().readTree(runDir().resolve("analysis.json").toFile()).get("levels").get(0);
    assertEquals(results.get("levels").get(0).get("serverPrometheus").get("p95Ms").asDouble(),
        analysisLevel.get("serverP95Ms").asDouble(), 1e-9, analysisLevel.toString());
    assertEquals(60, analysisLevel.get("server").get("queryNode").get("count").asLong(), analysisLevel.toString());
    assertTrue(Files.readString(runDir().resolve("analysis.txt")).contains("Query node P95 (ms)"));
    JsonNode analysis = ResultsJson.mapper().readTree(runDir().resolve("analysis.json").toFile());
    assertEquals("all", analysis.get("operation").asText());
    for (String op : new String[] {"search", "insert", "upsert", "delete"}) {
      assertEquals(2, analysis.get("operations").get(op).get("levels").size(), op);
    }
    assertTrue(analysis.get("operations").get("insert").get("sla").get("passed").asBoolean());
    assertTrue(Files.size(runDir().resolve("operations.png")) > 1000);

    Comparison self = Comparison.compare(RunDirectory.load(runDir()), RunDirectory.load(runDir()));
    assertEquals(java.util.List.of("search", "insert", "upsert", "delete"), java.util.List.copyOf(self.operations().keySet()));
    assertEquals(0.0, self.operations().get("insert").qpsChangePct(), 1e-9);
    assertTrue(self.render().contains("Operation: delete"), self.render());
  }

  @Test
  void streamingLevelsReportSearchBesideABaselineTheIngestAndFreshness() throws Exception {
    Map<String, String> props = smoke("streaming");
    props.put("ingest.rate", "200");
    props.put("ingest.batch", "20");
    props.put("search.consistency", "Strong");
    JsonNode results = run(props);
    for (JsonNode level : results.get("levels")) {
      assertEquals("search", level.get("operation").asText());
      assertEquals(100, level.get("successes").asLong());
      assertEquals(20, level.get("recall").get("samples").asLong(), "every 5th search beside the ingest is scored");
      Map<String, JsonNode> ops = byOperation(level);
      assertEquals(100, ops.get("search-no-ingest").get("successes").asLong());
      assertNotNull(ops.get("search-no-ingest").get("recall"), "the baseline searches the seeded rows: recall scored");
      JsonNode insert = ops.get("insert");
      assertTrue(insert.get("successes").asLong() >= 1, insert.toString());
      assertEquals(insert.get("successes").asLong() * 20, insert.get("rows").asLong());
      JsonNode freshness = level.get("freshness");
      assertEquals("Strong", freshness.get("consistency").asText());
      assertTrue(freshness.get("samples").asLong() >= 1, freshness.toString());
      assertEquals(0, freshness.get("notVisible").asLong(), "at Strong every inserted row is searchable");
      assertEquals(freshness.get("samples").asLong(),
          Files.readAllLines(runDir().resolve(freshness.get("rawFile").asText())).size());
      JsonNode writes = level.get("writes");
      assertEquals(writes.get("before").asLong() + insert.get("rows").asLong(), writes.get("counted").asLong());
      assertEquals(writes.get("before").asLong(), writes.get("restored").asLong());
    }
  }

  private Path runDir() throws Exception {
    return RunDirs.only(work.resolve("runs"));
  }

  private static Map<String, JsonNode> byOperation(JsonNode level) {
    Map<String, JsonNode> out = new HashMap<>();
    level.get("operations").forEach(op -> out.put(op.get("operation").asText(), op));
    return out;
  }
}
