package org.milvusbench.sweep.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.milvusbench.milvus.MetricsScraper;
import org.milvusbench.milvus.MilvusTarget;
import org.milvusbench.milvus.PromHistogram;
import org.milvusbench.milvus.PromScrape;
import org.milvusbench.milvus.ServerMetric;
import org.milvusbench.rundir.LevelResult;
import org.milvusbench.sweep.SweepLog;

/**
 * The level-boundary scrapes of the target's Prometheus endpoint ({@code milvus.metricsUrl}, else the
 * embedded target's own): the search latency histograms of each stage ({@link ServerMetric}) and the
 * process CPU at a level's start and end, whose differences give the server's percentiles and CPU
 * seconds over the level. Without an endpoint it does nothing; a failed scrape leaves that level
 * without them (one warning for the run); a metric the endpoint does not expose is named once in the
 * log and in every level's {@code absent}.
 */
final class ServerScrapes {
  private final MetricsScraper scraper;
  private boolean toldAbsent;

  private ServerScrapes(MetricsScraper scraper) {
    this.scraper = scraper;
  }

  static ServerScrapes of(String configuredUrl, MilvusTarget target) {
    String url = configuredUrl != null ? configuredUrl : target.metricsUrl();
    if (url == null) {
      return new ServerScrapes(null);
    }
    SweepLog.log("server percentiles: scraping " + url + " at every level's start and end");
    return new ServerScrapes(new MetricsScraper(url, message -> SweepLog.log("warning: " + message)));
  }

  /** The scrape at a level's start; null without an endpoint or when the scrape failed. */
  PromScrape begin() {
    return scraper == null ? null : scraper.scrape();
  }

  /** The level's percentiles and CPU from its start's scrape; null when either scrape is missing. */
  LevelResult.ServerPrometheus end(PromScrape begin) {
    if (scraper == null || begin == null) {
      return null;
    }
    PromScrape end = scraper.scrape();
    if (end == null) {
      return null;
    }
    if (!toldAbsent && !end.absent().isEmpty()) {
      toldAbsent = true;
      SweepLog.log("server view: " + scraper.url() + " does not expose " + String.join(", ", end.absent())
          + " (a stage this server does not have, or a component behind another endpoint); left out");
    }
    return of(begin, end, scraper.url());
  }

  static LevelResult.ServerPrometheus of(PromScrape begin, PromScrape end, String source) {
    LevelResult.Percentiles proxy = percentiles(level(begin, end, ServerMetric.PROXY_SEARCH));
    Map<String, LevelResult.Percentiles> components = new LinkedHashMap<>();
    for (ServerMetric m : ServerMetric.values()) {
      PromHistogram h = level(begin, end, m);
      if (m != ServerMetric.PROXY_SEARCH && h != null) {
        components.put(m.key(), percentiles(h));
      }
    }
    Double cpu = end.cpuSeconds();
    if (cpu != null && begin.cpuSeconds() != null && cpu >= begin.cpuSeconds()) {
      cpu -= begin.cpuSeconds(); // else the server restarted: its counter began again, take it whole
    }
    List<String> absent = end.absent();
    return proxy == null
        ? new LevelResult.ServerPrometheus(null, null, null, 0, source, components, cpu, absent)
        : new LevelResult.ServerPrometheus(proxy.p50Ms(), proxy.p95Ms(), proxy.p99Ms(), proxy.count(), source,
            components, cpu, absent);
  }

  /** The observations of {@code m} over the level; null when the end scrape does not have it. */
  private static PromHistogram level(PromScrape begin, PromScrape end, ServerMetric m) {
    PromHistogram last = end.histograms().get(m);
    return last == null ? null : last.minus(begin.histograms().get(m));
  }

  private static LevelResult.Percentiles percentiles(PromHistogram level) {
    if (level == null) {
      return null;
    }
    return new LevelResult.Percentiles(ms(level.quantile(0.50)), ms(level.quantile(0.95)), ms(level.quantile(0.99)),
        Math.round(level.count()));
  }

  private static Double ms(double value) {
    return Double.isNaN(value) ? null : value;
  }
}
