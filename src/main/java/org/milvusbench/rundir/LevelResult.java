package org.milvusbench.rundir;

import com.fasterxml.jackson.annotation.JsonInclude;
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
    Resources resources) {

  public double windowSeconds() {
    return (windowEndEpochMicros - windowStartEpochMicros) / 1e6;
  }

  /** Recall@k averaged over {@code samples} queries answered during the level. */
  public record Recall(int k, long samples, double mean) {}

  /** CPU (percent of one core, so 2 busy cores = 200) and RSS, averaged over the window. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Resources(ProcessUsage target, ProcessUsage generator) {}

  public record ProcessUsage(double cpuPercent, long rssBytes, long peakRssBytes) {}
}
