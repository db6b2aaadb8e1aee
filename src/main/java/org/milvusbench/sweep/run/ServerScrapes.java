package org.milvusbench.sweep.run;

import org.milvusbench.milvus.MetricsScraper;
import org.milvusbench.milvus.MilvusTarget;
import org.milvusbench.milvus.PromHistogram;
import org.milvusbench.rundir.LevelResult;
import org.milvusbench.sweep.SweepLog;

/**
 * The level-boundary scrapes of the target's Prometheus endpoint ({@code milvus.metricsUrl}, else the
 * embedded target's own): the search latency histogram at a level's start and end, whose difference
 * gives the server's percentiles over the level. Without an endpoint it does nothing; a failed scrape
 * leaves that level without them (one warning for the run).
 */
final class ServerScrapes {
  private final MetricsScraper scraper;

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

  /** The histogram at a level's start; null without an endpoint or when the scrape failed. */
  PromHistogram begin() {
    return scraper == null ? null : scraper.searchLatency();
  }

  /** The level's percentiles from its start's histogram; null when either scrape is missing. */
  LevelResult.ServerPrometheus end(PromHistogram begin) {
    if (scraper == null || begin == null) {
      return null;
    }
    PromHistogram end = scraper.searchLatency();
    return end == null ? null : of(end.minus(begin), scraper.url());
  }

  static LevelResult.ServerPrometheus of(PromHistogram level, String source) {
    long count = Math.round(level.count());
    return new LevelResult.ServerPrometheus(ms(level.quantile(0.50)), ms(level.quantile(0.95)), ms(level.quantile(0.99)),
        count, source);
  }

  private static Double ms(double value) {
    return Double.isNaN(value) ? null : value;
  }
}
