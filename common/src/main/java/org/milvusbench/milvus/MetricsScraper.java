package org.milvusbench.milvus;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Scrapes a Milvus's Prometheus endpoint for its search latency histogram, Milvus's
 * {@code milvus_proxy_sq_latency{query_type="search"}} (milliseconds). A scrape that fails returns null
 * and, the first time only, says why through {@code warn}: the load goes on without it.
 */
public final class MetricsScraper {
  /** Milvus's histogram of successful searches and queries, in ms (pkg/metrics/proxy_metrics.go, ProxySQLatency). */
  public static final String SEARCH_LATENCY = "milvus_proxy_sq_latency";
  private static final Map<String, String> SEARCH = Map.of("query_type", "search");

  private final URI url;
  private final Consumer<String> warn;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private boolean warned;

  public MetricsScraper(String url, Consumer<String> warn) {
    this.url = URI.create(url);
    this.warn = warn;
  }

  public String url() {
    return url.toString();
  }

  /** The search histogram now (cumulative since the server started); null when the scrape failed. */
  public synchronized PromHistogram searchLatency() {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new java.io.IOException("HTTP " + r.statusCode());
      }
      return PromText.histogram(r.body(), SEARCH_LATENCY, SEARCH);
    } catch (java.io.IOException | RuntimeException e) {
      failed(e.toString());
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failed("interrupted");
      return null;
    }
  }

  private void failed(String why) {
    if (!warned) {
      warned = true;
      warn.accept("cannot scrape " + url + " (" + why + "); levels go on without the server's Prometheus percentiles");
    }
  }
}
