package org.milvusbench.lucene.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.lang.management.ManagementFactory;

/**
 * The Prometheus metrics the embedded target exposes, under the names, labels and buckets Milvus 2.5 /
 * 2.6 uses for the same facts, so dashboards and queries written for Milvus read it unchanged. From
 * milvus-io/milvus {@code pkg/metrics/proxy_metrics.go} (ProxySQLatency, ProxyFunctionCall) and
 * {@code pkg/metrics/metrics.go} ({@code buckets = prometheus.ExponentialBuckets(1, 2, 18)}, milliseconds;
 * label names {@code node_id}, {@code query_type}, {@code function_name}, {@code status},
 * {@code db_name}, {@code collection_name}):
 * <ul>
 *   <li>{@code milvus_proxy_sq_latency} histogram (ms) of successful searches ({@code query_type="search"})
 *       and queries ({@code "query"}). Milvus observes whole milliseconds; this observes fractions,
 *       in the same buckets.
 *   <li>{@code milvus_proxy_req_count} per RPC ({@code function_name="Search"}, {@code "Insert"}, …)
 *       and {@code status="success"} / {@code "fail"}. A gauge that only rises: the Java client's
 *       counters are exposed with a {@code _total} suffix, Milvus's (Go client) are not.
 *   <li>{@code milvus_querynode_sq_req_latency} histogram (ms) of successful searches on the query node
 *       ({@code pkg/metrics/querynode_metrics.go}, QueryNodeSQReqLatency; labels {@code node_id},
 *       {@code query_type}, {@code scope}): here the search's service time inside the target, from the
 *       handler's start to the reply handed to gRPC, with {@code scope="OnLeader"} (one node is its
 *       own shard leader, and answers the whole request).
 *   <li>{@code process_cpu_seconds_total}, as Go's process collector names it.
 * </ul>
 * Not exposed, because the target has no such stage: the proxy's task queue
 * ({@code milvus_proxy_req_in_queue_latency}) and the query node's scheduler queue
 * ({@code milvus_querynode_sq_queue_latency}). gRPC hands each call to a thread of its unbounded
 * pool at once, so no search waits in a queue before it starts; a sweep reports them as absent.
 */
public final class MilvusMetrics {
  /** Milvus's {@code buckets}: 1, 2, 4, … 131072 ms. */
  static final double[] BUCKETS_MS = exponential(1, 2, 18);
  /** Milvus labels its metrics with the node's ID; there is one node here. */
  static final String NODE_ID = "1";

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Histogram sqLatency = Histogram.builder().name("milvus_proxy_sq_latency")
      .help("latency of search or query successfully").classicUpperBounds(BUCKETS_MS).classicOnly()
      .labelNames("node_id", "query_type", "db_name", "collection_name").register(registry);
  private final Histogram queryNodeLatency = Histogram.builder().name("milvus_querynode_sq_req_latency")
      .help("latency of Search or query requests").classicUpperBounds(BUCKETS_MS).classicOnly()
      .labelNames("node_id", "query_type", "scope").register(registry);
  private final Gauge reqCount = Gauge.builder().name("milvus_proxy_req_count").help("count of operation executed")
      .labelNames("node_id", "function_name", "status", "db_name", "collection_name").register(registry);

  public MilvusMetrics() {
    CounterWithCallback.builder().name("process_cpu_seconds").help("Total user and system CPU time spent in seconds.")
        .callback(cb -> cb.call(cpuSeconds())).register(registry);
  }

  /** What the HTTP endpoint serves. */
  public PrometheusRegistry registry() {
    return registry;
  }

  /**
   * One finished RPC.
   *
   * @param method gRPC's bare method name, Milvus's function name ({@code Search}, {@code Query}, …)
   * @param success whether the call and the reply's Milvus status both succeeded
   * @param millis its service time
   */
  public void record(String method, String db, String collection, boolean success, double millis) {
    reqCount.labelValues(NODE_ID, method, success ? "success" : "fail", db, collection).inc();
    String queryType = "Search".equals(method) ? "search" : "Query".equals(method) ? "query" : null;
    if (success && queryType != null) {
      sqLatency.labelValues(NODE_ID, queryType, db, collection).observe(millis);
    }
  }

  /** One successful search's service time inside the target, ms. */
  public void queryNodeSearch(double millis) {
    queryNodeLatency.labelValues(NODE_ID, "search", "OnLeader").observe(millis);
  }

  private static double cpuSeconds() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : 0;
  }

  private static double[] exponential(double start, double factor, int count) {
    double[] out = new double[count];
    for (int i = 0; i < count; i++) {
      out[i] = start * Math.pow(factor, i);
    }
    return out;
  }
}
