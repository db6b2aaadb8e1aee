package org.milvusbench.milvus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One exposition, every component: what is exposed is read by its labels, what is not is absent. */
class PromScrapeTest {
  /** A cluster's query node and proxy in one text: both scopes, a query, and a queue in sub-ms buckets. */
  static final String CLUSTER = """
      milvus_querynode_sq_req_latency_bucket{node_id="7",query_type="search",scope="OnLeader",le="1.0"} 3
      milvus_querynode_sq_req_latency_bucket{node_id="7",query_type="search",scope="OnLeader",le="2.0"} 9
      milvus_querynode_sq_req_latency_bucket{node_id="7",query_type="search",scope="OnLeader",le="+Inf"} 10
      milvus_querynode_sq_req_latency_bucket{node_id="7",query_type="search",scope="FromLeader",le="1.0"} 30
      milvus_querynode_sq_req_latency_bucket{node_id="7",query_type="search",scope="FromLeader",le="2.0"} 30
      milvus_querynode_sq_req_latency_bucket{node_id="7",query_type="search",scope="FromLeader",le="+Inf"} 30
      milvus_querynode_sq_req_latency_bucket{node_id="7",query_type="query",scope="OnLeader",le="+Inf"} 99
      milvus_querynode_sq_queue_latency_bucket{db_name="default",node_id="7",query_type="search",rg="__default",le="0.5"} 6
      milvus_querynode_sq_queue_latency_bucket{db_name="default",node_id="7",query_type="search",rg="__default",le="1.0"} 10
      milvus_querynode_sq_queue_latency_bucket{db_name="default",node_id="7",query_type="search",rg="__default",le="+Inf"} 10
      milvus_proxy_req_in_queue_latency_bucket{function_name="Search",node_id="1",le="1.0"} 4
      milvus_proxy_req_in_queue_latency_bucket{function_name="Search",node_id="1",le="+Inf"} 4
      milvus_proxy_req_in_queue_latency_bucket{function_name="Insert",node_id="1",le="+Inf"} 40
      # TYPE process_cpu_seconds_total counter
      process_cpu_seconds_total 12.5
      """;

  @Test
  void readsEachComponentByItsLabels() {
    PromScrape s = PromScrape.parse(CLUSTER);
    PromHistogram qn = s.histograms().get(ServerMetric.QUERY_NODE_SEARCH);
    // OnLeader only: 3, 9, 10 (the 30 FromLeader sub-requests and the 99 queries are left out)
    assertEquals(List.of(new PromHistogram.Bucket(1, 3), new PromHistogram.Bucket(2, 9),
        new PromHistogram.Bucket(Double.POSITIVE_INFINITY, 10)), qn.buckets());
    // rank 0.5 × 10 = 5 lies in (1, 2]: 1 + (5 − 3) / 6 = 1.3333
    assertEquals(1 + 2.0 / 6, qn.quantile(0.5), 1e-12);
    PromHistogram queue = s.histograms().get(ServerMetric.QUERY_NODE_QUEUE);
    // rank 0.95 × 10 = 9.5 lies in (0.5, 1]: 0.5 + 0.5 × (9.5 − 6) / 4 = 0.9375
    assertEquals(0.9375, queue.quantile(0.95), 1e-12);
    assertEquals(4, s.histograms().get(ServerMetric.PROXY_QUEUE).count());
    assertEquals(12.5, s.cpuSeconds());
    assertEquals(List.of("milvus_proxy_sq_latency"), s.absent());
  }

  @Test
  void anEndpointWithoutQueuesOrCpuSaysSo() {
    PromScrape s = PromScrape.parse(PromHistogramTest.END);
    assertEquals(100, s.histograms().get(ServerMetric.PROXY_SEARCH).count());
    assertFalse(s.histograms().containsKey(ServerMetric.QUERY_NODE_SEARCH));
    assertNull(s.cpuSeconds());
    assertEquals(List.of("milvus_proxy_req_in_queue_latency", "milvus_querynode_sq_req_latency",
        "milvus_querynode_sq_queue_latency", "process_cpu_seconds_total"), s.absent());
  }
}
