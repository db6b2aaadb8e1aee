package org.milvusbench.sweep.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.milvusbench.milvus.PromScrape;
import org.milvusbench.rundir.LevelResult;

/** A level's server view is the difference of its boundary scrapes, stage by stage, worked by hand. */
class ServerScrapesTest {
  private static final String BEGIN = """
      milvus_proxy_sq_latency_bucket{node_id="1",query_type="search",le="1.0"} 2
      milvus_proxy_sq_latency_bucket{node_id="1",query_type="search",le="2.0"} 4
      milvus_proxy_sq_latency_bucket{node_id="1",query_type="search",le="+Inf"} 4
      process_cpu_seconds_total 10.0
      """;
  /** 10 more proxy searches (2 ≤ 1 ms, 8 in (1, 2]) and the query node's first 10 (4 ≤ 1 ms, 6 in (1, 2]). */
  private static final String END = """
      milvus_proxy_sq_latency_bucket{node_id="1",query_type="search",le="1.0"} 4
      milvus_proxy_sq_latency_bucket{node_id="1",query_type="search",le="2.0"} 14
      milvus_proxy_sq_latency_bucket{node_id="1",query_type="search",le="+Inf"} 14
      milvus_querynode_sq_req_latency_bucket{node_id="1",query_type="search",scope="OnLeader",le="1.0"} 4
      milvus_querynode_sq_req_latency_bucket{node_id="1",query_type="search",scope="OnLeader",le="2.0"} 10
      milvus_querynode_sq_req_latency_bucket{node_id="1",query_type="search",scope="OnLeader",le="+Inf"} 10
      process_cpu_seconds_total 13.5
      """;

  @Test
  void eachStageOverTheLevelAndWhatTheServerLacks() {
    LevelResult.ServerPrometheus p = ServerScrapes.of(PromScrape.parse(BEGIN), PromScrape.parse(END), "http://x/metrics");
    // proxy over the level: 2 at ≤ 1, 8 in (1, 2]; p50 rank 5 → 1 + (5 − 2) / 8 = 1.375, p95 rank 9.5 → 1.9375
    assertEquals(10, p.count());
    assertEquals(1.375, p.p50Ms(), 1e-12);
    assertEquals(1.9375, p.p95Ms(), 1e-12);
    // query node (absent at the start, so counted from zero): p50 rank 5 → 1 + (5 − 4) / 6, p99 rank 9.9 → 1 + 5.9 / 6
    LevelResult.Percentiles qn = p.component("queryNode");
    assertEquals(10, qn.count());
    assertEquals(1 + 1.0 / 6, qn.p50Ms(), 1e-12);
    assertEquals(1 + 5.9 / 6, qn.p99Ms(), 1e-12);
    assertEquals(3.5, p.cpuSeconds(), 1e-12);
    assertNull(p.component("queryNodeQueue"));
    assertEquals(List.of("milvus_proxy_req_in_queue_latency", "milvus_querynode_sq_queue_latency"), p.absent());
  }

  @Test
  void aRestartedServersCpuCounterIsTakenWhole() {
    LevelResult.ServerPrometheus p = ServerScrapes.of(PromScrape.parse(END), PromScrape.parse(BEGIN), "u");
    assertEquals(10.0, p.cpuSeconds(), 1e-12);
  }
}
