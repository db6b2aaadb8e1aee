package org.milvusbench.analyzer;

import org.milvusbench.rundir.LevelResult;

/**
 * One row of the per-level table, in the reference's units: times in ms, failure rate as a
 * fraction, plus what the reference did not have (goodput, recall, measured resources).
 *
 * @param concurrency closed model: virtual users; open model: 0 (see {@link #load()})
 * @param targetRatePerSec open model: arrival rate; closed model: 0
 * @param totalTimeSeconds the level's wall-clock window
 * @param qps total requests (failures included, as the reference) per second of window
 * @param goodput successes per second of window
 * @param failureRate failures / total requests, 0..1
 * @param recall recall@k under load; null when not measured
 * @param recallK the k of {@link #recall}; 0 when not measured
 * @param resources measured CPU / RSS of target and generator; null when not measured
 * @param latencySource where the latency figures come from: {@code raw} (per-request values,
 *     numpy-compatible), {@code histogram} (HdrHistogram log), {@code results} (results.json
 *     summary) or {@code reference} (the reference script's JSON)
 * @param allRequestsMicros when some requests failed: latency over every request, failures at their
 *     elapsed time; null otherwise (the columns above cover successes, as the reference's)
 * @param server the target's own search percentiles over the level from its Prometheus histograms, per
 *     stage, and its CPU ({@link LevelResult.ServerPrometheus}); null when not scraped
 */
public record LevelMetrics(
    String name,
    int concurrency,
    double targetRatePerSec,
    long totalRequests,
    double totalTimeSeconds,
    double qps,
    double goodput,
    double avgMs,
    double p50Ms,
    double p95Ms,
    double p99Ms,
    double maxMs,
    double minMs,
    double stdMs,
    long successes,
    long failures,
    double failureRate,
    Double recall,
    int recallK,
    LevelResult.Resources resources,
    String latencySource,
    org.milvusbench.rundir.LatencyStats allRequestsMicros,
    LevelResult.ServerPrometheus server) {

  /** Without latency over all requests (every level succeeded, or the source did not keep it). */
  public LevelMetrics(String name, int concurrency, double targetRatePerSec, long totalRequests, double totalTimeSeconds,
      double qps, double goodput, double avgMs, double p50Ms, double p95Ms, double p99Ms, double maxMs, double minMs,
      double stdMs, long successes, long failures, double failureRate, Double recall, int recallK,
      LevelResult.Resources resources, String latencySource) {
    this(name, concurrency, targetRatePerSec, totalRequests, totalTimeSeconds, qps, goodput, avgMs, p50Ms, p95Ms, p99Ms,
        maxMs, minMs, stdMs, successes, failures, failureRate, recall, recallK, resources, latencySource, null);
  }

  /** Without the server's Prometheus P95 (not scraped, or a source that has none). */
  public LevelMetrics(String name, int concurrency, double targetRatePerSec, long totalRequests, double totalTimeSeconds,
      double qps, double goodput, double avgMs, double p50Ms, double p95Ms, double p99Ms, double maxMs, double minMs,
      double stdMs, long successes, long failures, double failureRate, Double recall, int recallK,
      LevelResult.Resources resources, String latencySource, org.milvusbench.rundir.LatencyStats allRequestsMicros) {
    this(name, concurrency, targetRatePerSec, totalRequests, totalTimeSeconds, qps, goodput, avgMs, p50Ms, p95Ms, p99Ms,
        maxMs, minMs, stdMs, successes, failures, failureRate, recall, recallK, resources, latencySource, allRequestsMicros,
        null);
  }

  /** The proxy's search P95 from the server's Prometheus histogram; null when not scraped. */
  public Double serverP95Ms() {
    return server == null ? null : server.p95Ms();
  }

  /** The P95 of one server stage ({@code proxy}, {@code queryNode}, …); null when not scraped or absent. */
  public Double serverP95Ms(String stage) {
    LevelResult.Percentiles p = server == null ? null : server.component(stage);
    return p == null ? null : p.p95Ms();
  }

  /** The x value of this level: concurrency, or the arrival rate for open-model levels. */
  public double load() {
    return concurrency > 0 ? concurrency : targetRatePerSec;
  }

  /** Failure rate in percent (1.0 = 1 %). */
  public double failurePct() {
    return failureRate * 100.0;
  }

  /** True when latencies exist (at least one success with a positive P95). */
  public boolean hasLatency() {
    return successes > 0 && p95Ms > 0;
  }

  /** The reference's score QPS ÷ P95 (ms); null when the level has no latency to divide by. */
  public Double score() {
    return hasLatency() ? qps / p95Ms : null;
  }

  /** Target CPU in percent of one core; null when not measured. */
  public Double targetCpuPercent() {
    return resources == null || resources.target() == null ? null : resources.target().cpuPercent();
  }

  /** Generator CPU in percent of one core; null when not measured. */
  public Double generatorCpuPercent() {
    return resources == null || resources.generator() == null
        ? null
        : resources.generator().cpuPercent();
  }

  /** Target RSS in bytes; null when not measured. */
  public Long targetRssBytes() {
    return resources == null || resources.target() == null ? null : resources.target().rssBytes();
  }

  /** Generator RSS in bytes; null when not measured. */
  public Long generatorRssBytes() {
    return resources == null || resources.generator() == null
        ? null
        : resources.generator().rssBytes();
  }
}
