package org.milvusbench.milvus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Over real HTTP: a served exposition is read; a port nobody listens on is one warning and null. */
class MetricsScraperTest {

  @Test
  void readsTheSearchHistogramServedOverHttp() throws Exception {
    HttpServer server = serve(PromHistogramTest.END);
    try {
      List<String> warnings = new ArrayList<>();
      MetricsScraper scraper = new MetricsScraper(url(server), warnings::add);
      assertEquals(100, scraper.searchLatency().count());
      assertEquals(100, scraper.scrape().histograms().get(ServerMetric.PROXY_SEARCH).count());
      assertTrue(warnings.isEmpty());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aFailedScrapeWarnsOnceAndReturnsNull() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    List<String> warnings = new ArrayList<>();
    MetricsScraper scraper = new MetricsScraper("http://127.0.0.1:" + port + "/metrics", warnings::add);
    assertNull(scraper.searchLatency());
    assertNull(scraper.scrape());
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).contains("cannot scrape http://127.0.0.1:" + port), warnings.get(0));
  }

  @Test
  void severalEndpointsAreSummedAsOneCluster() throws Exception {
    HttpServer proxy = serve(PromHistogramTest.END);
    HttpServer node1 = serve(PromScrapeTest.CLUSTER);
    HttpServer node2 = serve(PromScrapeTest.CLUSTER);
    try {
      List<String> warnings = new ArrayList<>();
      MetricsScraper scraper = new MetricsScraper(url(proxy) + ", " + url(node1) + "," + url(node2), warnings::add);
      PromScrape s = scraper.scrape();
      assertEquals(100, s.histograms().get(ServerMetric.PROXY_SEARCH).count());
      // Each query node's OnLeader searches: 10 + 10; the queue buckets add per le, so quantiles hold.
      assertEquals(20, s.histograms().get(ServerMetric.QUERY_NODE_SEARCH).count());
      assertEquals(0.9375, s.histograms().get(ServerMetric.QUERY_NODE_QUEUE).quantile(0.95), 1e-12);
      assertEquals(25.0, s.cpuSeconds());
      assertEquals(List.of(), s.absent());
      assertEquals(url(proxy) + "," + url(node1) + "," + url(node2), scraper.url());
      assertTrue(warnings.isEmpty(), warnings.toString());
    } finally {
      proxy.stop(0);
      node1.stop(0);
      node2.stop(0);
    }
  }

  @Test
  void oneFailingEndpointFailsTheScrapeAndIsNamed() throws Exception {
    HttpServer proxy = serve(PromHistogramTest.END);
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    try {
      List<String> warnings = new ArrayList<>();
      MetricsScraper scraper = new MetricsScraper(url(proxy) + ",http://127.0.0.1:" + port + "/metrics", warnings::add);
      assertNull(scraper.scrape());
      assertEquals(1, warnings.size(), warnings.toString());
      assertTrue(warnings.get(0).startsWith("cannot scrape http://127.0.0.1:" + port), warnings.get(0));
    } finally {
      proxy.stop(0);
    }
  }

  private static HttpServer serve(String exposition) throws java.io.IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/metrics", exchange -> {
      byte[] body = exposition.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    return server;
  }

  private static String url(HttpServer server) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/metrics";
  }
}
