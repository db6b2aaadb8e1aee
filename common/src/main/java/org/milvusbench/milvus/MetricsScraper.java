package org.milvusbench.milvus;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Scrapes a Milvus's Prometheus endpoint for its search latency histograms ({@link ServerMetric}:
 * proxy, proxy queue, query node, query node queue; milliseconds) and its process CPU. A scrape that fails returns null
 * and, the first time only, says why through {@code warn}: the load goes on without it.
 *
 * <p>Several endpoints (comma-separated: a cluster's proxy and query nodes each serve their own) are
 * scraped together and read as one exposition, so each histogram is summed per bucket and the CPU
 * counters added across them, as PromQL's {@code sum by (le)} over the cluster; one failing endpoint
 * fails the scrape, since a sum without it would be silently low.
 */
public final class MetricsScraper {
  /** Milvus's histogram of successful searches and queries, in ms (pkg/metrics/proxy_metrics.go, ProxySQLatency). */
  public static final String SEARCH_LATENCY = "milvus_proxy_sq_latency";
  private static final Map<String, String> SEARCH = Map.of("query_type", "search");

  private final List<URI> urls;
  private final Consumer<String> warn;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private boolean warned;

  /** @param urls one endpoint, or several separated by commas */
  public MetricsScraper(String urls, Consumer<String> warn) {
    this.urls = Arrays.stream(urls.split(",")).map(String::trim).filter(u -> !u.isEmpty()).map(URI::create).toList();
    if (this.urls.isEmpty()) {
      throw new IllegalArgumentException("no metrics endpoint in \"" + urls + "\"");
    }
    this.warn = warn;
  }

  /** The endpoints, comma-separated as given. */
  public String url() {
    return String.join(",", urls.stream().map(URI::toString).toList());
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

  /** Every endpoint's exposition, one after the other; null when any of them failed. */
  private String body() {
    StringBuilder all = new StringBuilder();
    for (URI url : urls) {
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
          throw new java.io.IOException("HTTP " + r.statusCode());
        }
        all.append(r.body()).append('\n');
      } catch (java.io.IOException | RuntimeException e) {
        failed(url, e.toString());
        return null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failed(url, "interrupted");
        return null;
      }
    }
    return all.toString();
  }

  private void failed(URI url, String why) {
    if (!warned) {
      warned = true;
      warn.accept("cannot scrape " + url + " (" + why + "); levels go on without the server's Prometheus percentiles");
    }
  }
}
