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
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/metrics", exchange -> {
      byte[] body = PromHistogramTest.END.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      List<String> warnings = new ArrayList<>();
      MetricsScraper scraper = new MetricsScraper("http://127.0.0.1:" + server.getAddress().getPort() + "/metrics", warnings::add);
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
}
