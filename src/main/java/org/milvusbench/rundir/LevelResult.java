package org.milvusbench.rundir;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.milvusbench.rundir.LatencyStats;

/**
 * What one concurrency level measured. Everything here is reproducible from the raw files the
 * run saved next to {@code results.json} ({@link #histogramFile}, {@link #rawLatencyFile}).
 *
 * <p>The level's wall-clock window starts when its first recorded request is sent and ends when
 * its last recorded response arrives; {@code qps = totalRequests / window}, failures included, as
 * the reference does; {@code goodput = successes / window}.
 *
 * @param concurrency closed model: concurrent virtual users; open model: 0
 * @param targetRatePerSec open model: arrival rate; closed model: 0
 * @param latencyMicros successful requests only (the reference records successes only)
 * @param histogramFile HdrHistogram log (µs) of this level, relative to the run directory
 * @param rawLatencyFile one latency (µs) per line, successes only, relative to the run
 *     directory; null when not kept
 * @param recall recall@k sampled under load; null when no ground truth was available
 * @param serverServiceMicros the target's own service time over the window; null if unknown
 * @param intervals the level's intervals in time order (successes are the counts of the histogram
 *     log's interval lines, failures are counted only here); null in runs from before intervals
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LevelResult(
    String name,
    int concurrency,
    double targetRatePerSec,
    long totalRequests,
    long successes,
    long failures,
    long windowStartEpochMicros,
    long windowEndEpochMicros,
    LatencyStats latencyMicros,
    String histogramFile,
    String rawLatencyFile,
    Recall recall,
    LatencyStats serverServiceMicros,
    Resources resources,
    List<IntervalCount> intervals) {

  /** Without intervals (runs written before they were recorded, and the tests' synthetic runs). */
  public LevelResult(String name, int concurrency, double targetRatePerSec, long totalRequests, long successes,
      long failures, long windowStartEpochMicros, long windowEndEpochMicros, LatencyStats latencyMicros,
      String histogramFile, String rawLatencyFile, Recall recall, LatencyStats serverServiceMicros,
      Resources resources) {
    this(name, concurrency, targetRatePerSec, totalRequests, successes, failures, windowStartEpochMicros,
        windowEndEpochMicros, latencyMicros, histogramFile, rawLatencyFile, recall, serverServiceMicros, resources, null);
  }

  public double windowSeconds() {
    return (windowEndEpochMicros - windowStartEpochMicros) / 1e6;
  }

  /** One interval of the level: its wall-clock bounds (epoch ms) and what was answered in it. */
  public record IntervalCount(long startEpochMillis, long endEpochMillis, long successes, long failures) {}

  /** Recall@k averaged over {@code samples} queries answered during the level. */
  public record Recall(int k, long samples, double mean) {}

  /** CPU (percent of one core, so 2 busy cores = 200) and RSS, averaged over the window. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Resources(ProcessUsage target, ProcessUsage generator) {}

  public record ProcessUsage(double cpuPercent, long rssBytes, long peakRssBytes) {}
}
