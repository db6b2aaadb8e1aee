package org.milvusbench.milvus;

import java.util.Map;

/**
 * The server-side latency histograms a sweep reads at level boundaries, by their Milvus 2.5 / 2.6 names
 * (milvus-io/milvus {@code pkg/metrics/proxy_metrics.go} and {@code pkg/metrics/querynode_metrics.go};
 * all in milliseconds). Each selects its samples by labels and sums the rest (all nodes, databases,
 * collections): PromQL's {@code sum by (le)}.
 */
public enum ServerMetric {
  /** ProxySQLatency: a successful search at the proxy, arrival to reply. */
  PROXY_SEARCH("proxy", "milvus_proxy_sq_latency", Map.of("query_type", "search")),
  /** ProxyReqInQueueLatency: how long a Search request waited in the proxy's task queue. */
  PROXY_QUEUE("proxyQueue", "milvus_proxy_req_in_queue_latency", Map.of("function_name", "Search")),
  /**
   * QueryNodeSQReqLatency: a successful search on the query node. {@code scope="OnLeader"} is the
   * shard delegator's whole request; the sub-requests it sends to workers ({@code "FromLeader"}) are
   * parts of the same searches and would count them twice.
   */
  QUERY_NODE_SEARCH("queryNode", "milvus_querynode_sq_req_latency", Map.of("query_type", "search", "scope", "OnLeader")),
  /** QueryNodeSQLatencyInQueue: how long a search waited in the query node's scheduler queue. */
  QUERY_NODE_QUEUE("queryNodeQueue", "milvus_querynode_sq_queue_latency", Map.of("query_type", "search"));

  /** The Go client's process collector: user + system CPU seconds of the process serving the endpoint. */
  public static final String PROCESS_CPU = "process_cpu_seconds_total";

  private final String key;
  private final String metric;
  private final Map<String, String> labels;

  ServerMetric(String key, String metric, Map<String, String> labels) {
    this.key = key;
    this.metric = metric;
    this.labels = labels;
  }

  /** Its name in results.json and analysis.json. */
  public String key() {
    return key;
  }

  /** The Prometheus histogram's name. */
  public String metric() {
    return metric;
  }

  public Map<String, String> labels() {
    return labels;
  }
}
