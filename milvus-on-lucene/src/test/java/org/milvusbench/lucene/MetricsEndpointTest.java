package org.milvusbench.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.data.FloatVec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --metrics-port: a real server's /metrics over HTTP, under Milvus's names, moves with searches over gRPC. */
class MetricsEndpointTest {
  private static final int SEARCHES = 7;

  @TempDir
  Path dataDir;

  @Test
  void searchesOverGrpcMoveTheCountAndTheSearchHistogram() throws Exception {
    try (TargetServer server = TargetServer.start(TargetConfig.builder().port(0).metricsPort(0).dataDir(dataDir).build())) {
      assertTrue(server.metricsPort() > 0);
      String before = scrape(server);
      assertEquals(0, value(before, "milvus_proxy_sq_latency_count", "query_type=\"search\""));
      MilvusClientV2 client = TargetFixture.connect(server, null);
      float[][] data = TestData.uniform(50, 8, 1);
      TargetFixture.createReferenceCollection(client, "metered", 8);
      TargetFixture.insertIndexAndLoad(client, "metered", TestData.rows(data, 0, data.length));
      for (int i = 0; i < SEARCHES; i++) {
        client.search(SearchReq.builder().collectionName("metered").data(List.of(new FloatVec(data[i]))).limit(3).build());
      }
      assertThrows(RuntimeException.class, () -> client.search(SearchReq.builder().collectionName("metered")
          .data(List.of(new FloatVec(data[0]))).filter("no_such_field > 1").limit(3).build()));
      client.close();
      String after = scrape(server);
      String search = "function_name=\"Search\"";
      assertEquals(SEARCHES, value(after, "milvus_proxy_req_count", search, "status=\"success\"", "collection_name=\"metered\""));
      assertEquals(1, value(after, "milvus_proxy_req_count", search, "status=\"fail\""));
      assertEquals(1, value(after, "milvus_proxy_req_count", "function_name=\"Insert\"", "status=\"success\""));
      // Failed searches are not in the latency histogram (as in Milvus); every success is in +Inf.
      assertEquals(SEARCHES, value(after, "milvus_proxy_sq_latency_count", "query_type=\"search\"", "db_name=\"default\""));
      assertEquals(SEARCHES, value(after, "milvus_proxy_sq_latency_bucket", "query_type=\"search\"", "le=\"+Inf\""));
      assertTrue(after.contains("le=\"131072.0\""), "Milvus's 18 exponential ms buckets end at 131072");
      // The query node's histogram: the same successful searches, the failed one not, scope OnLeader.
      String qn = "milvus_querynode_sq_req_latency";
      assertEquals(SEARCHES, value(after, qn + "_count", "query_type=\"search\"", "scope=\"OnLeader\""));
      assertEquals(SEARCHES, value(after, qn + "_bucket", "query_type=\"search\"", "le=\"+Inf\""));
      assertEquals(SEARCHES, org.milvusbench.milvus.PromScrape.parse(after).histograms()
          .get(org.milvusbench.milvus.ServerMetric.QUERY_NODE_SEARCH).minus(org.milvusbench.milvus.PromScrape
              .parse(before).histograms().get(org.milvusbench.milvus.ServerMetric.QUERY_NODE_SEARCH)).count());
      // No queues in this target, so neither queue histogram is exposed (a sweep reports them absent).
      assertEquals(List.of("milvus_proxy_req_in_queue_latency", "milvus_querynode_sq_queue_latency"),
          org.milvusbench.milvus.PromScrape.parse(after).absent());
      assertTrue(value(after, "process_cpu_seconds_total") > 0);
    }
  }

  @Test
  void offByDefault() throws Exception {
    try (TargetServer server = TargetServer.start(TargetConfig.builder().port(0).dataDir(dataDir).build())) {
      assertEquals(TargetConfig.METRICS_OFF, server.metricsPort());
    }
  }

  static String scrape(TargetServer server) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.metricsPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode());
    return r.body();
  }

  /** The value of the one sample of {@code name} whose labels contain all of {@code labels}; 0 if none. */
  static double value(String exposition, String name, String... labels) {
    double found = 0;
    int matches = 0;
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? (\\S+)$").matcher(exposition);
    while (m.find()) {
      String l = m.group(1) == null ? "" : m.group(1);
      if (java.util.Arrays.stream(labels).allMatch(l::contains)) {
        found = Double.parseDouble(m.group(2));
        matches++;
      }
    }
    assertTrue(matches <= 1, matches + " samples of " + name + " match " + List.of(labels));
    return found;
  }
}
