package org.milvusbench.milvus;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Scrapes a Milvus's Prometheus endpoint for its search latency histograms ({@link ServerMetric}:
 * proxy, proxy queue, query node, query node queue; milliseconds) and its process CPU. A scrape that fails returns null
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
    String body = body();
    return body == null ? null : PromText.histogram(body, SEARCH_LATENCY, SEARCH);
  }

  /** Every {@link ServerMetric} and the process CPU now; null when the scrape failed. */
  public synchronized PromScrape scrape() {
    String body = body();
    return body == null ? null : PromScrape.parse(body);
  }

  private String body() {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new java.io.IOException("HTTP " + r.statusCode());
      }
      return r.body();
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
