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
 * @param operation what these requests did: {@code search} (null in runs from before operations),
 *     {@code insert}, {@code upsert}, {@code delete}, {@code query}, {@code search-no-ingest} (a
 *     streaming level's search before its ingest started), or {@code all} (every operation of a
 *     mixed level together)
 * @param rows rows the successful replies reported (written, deleted, returned); null for searches
 * @param freshness streaming: how long inserted rows took to become searchable; null otherwise
 * @param operations the level's other operations, each a row of its own (its name, files and
 *     window), measured at the same load; null when the level ran one operation
 * @param writes streaming and mixed: the collection's row count checked against the level's
 *     acknowledged writes; null otherwise
 * @param allRequestsMicros when some requests failed: latency over every request, each failure at
 *     its elapsed time (a deadline KO at the deadline); null when all succeeded or not recorded
 * @param trial which repetition of the schedule ({@code sweep.trials}) this row is, from 1; null
 *     when the run had one
 * @param serverPrometheus the target's search latency from its Prometheus histogram, scraped at the
 *     level's start and end; null when no endpoint was scraped (or a scrape failed)
 * @param injectors a merged row ({@link RunMerge}): what each injector contributed and how far their
 *     windows overlapped; null for a single generator's row
 * @param role A/B mode ({@code compare.uri}): which target this row measured, {@link #CANDIDATE} or {@link
 *     #BASELINE}; null in a run of one target (and in runs from before the mode), which is the candidate
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
    List<IntervalCount> intervals,
    String operation,
    Long rows,
    Freshness freshness,
    List<LevelResult> operations,
    Writes writes,
    Integer trial,
    LatencyStats allRequestsMicros,
    ServerPrometheus serverPrometheus,
    Injectors injectors,
    String role) {

  /** A/B mode: the row measured the candidate target ({@code milvus.uri}, or the embedded one). */
  public static final String CANDIDATE = "candidate";
  /** A/B mode: the row measured the baseline target ({@code compare.uri}). */
  public static final String BASELINE = "baseline";

  /** The operation of a search workload's levels (and of rows that name none). */
  public static final String SEARCH = "search";
  /** The operation of a mixed level's every-operation row. */
  public static final String ALL = "all";
  /** A streaming level's search before its background ingest started. */
  public static final String SEARCH_NO_INGEST = "search-no-ingest";

  /** One target's row (no role): the fields before the A/B mode. */
  public LevelResult(String name, int concurrency, double targetRatePerSec, long totalRequests, long successes,
      long failures, long windowStartEpochMicros, long windowEndEpochMicros, LatencyStats latencyMicros,
      String histogramFile, String rawLatencyFile, Recall recall, LatencyStats serverServiceMicros,
      Resources resources, List<IntervalCount> intervals, String operation, Long rows, Freshness freshness,
      List<LevelResult> operations, Writes writes, Integer trial, LatencyStats allRequestsMicros,
      ServerPrometheus serverPrometheus, Injectors injectors) {
    this(name, concurrency, targetRatePerSec, totalRequests, successes, failures, windowStartEpochMicros,
        windowEndEpochMicros, latencyMicros, histogramFile, rawLatencyFile, recall, serverServiceMicros, resources,
        intervals, operation, rows, freshness, operations, writes, trial, allRequestsMicros, serverPrometheus, injectors,
        null);
  }

  /** With intervals, one operation (search). */
  public LevelResult(String name, int concurrency, double targetRatePerSec, long totalRequests, long successes,
      long failures, long windowStartEpochMicros, long windowEndEpochMicros, LatencyStats latencyMicros,
      String histogramFile, String rawLatencyFile, Recall recall, LatencyStats serverServiceMicros,
      Resources resources, List<IntervalCount> intervals) {
    this(name, concurrency, targetRatePerSec, totalRequests, successes, failures, windowStartEpochMicros,
        windowEndEpochMicros, latencyMicros, histogramFile, rawLatencyFile, recall, serverServiceMicros, resources,
        intervals, null, null, null, null, null, null, null, null, null);
  }

  /** Without intervals (runs written before they were recorded, and the tests' synthetic runs). */
  public LevelResult(String name, int concurrency, double targetRatePerSec, long totalRequests, long successes,
      long failures, long windowStartEpochMicros, long windowEndEpochMicros, LatencyStats latencyMicros,
      String histogramFile, String rawLatencyFile, Recall recall, LatencyStats serverServiceMicros,
      Resources resources) {
    this(name, concurrency, targetRatePerSec, totalRequests, successes, failures, windowStartEpochMicros,
        windowEndEpochMicros, latencyMicros, histogramFile, rawLatencyFile, recall, serverServiceMicros, resources, null);
  }

  /** What these requests did; {@link #SEARCH} for rows that do not say. */
  public String operationName() {
    return operation == null ? SEARCH : operation;
  }

  /** This row with {@code operations} as the level's other operations. */
  public LevelResult withOperations(List<LevelResult> operations) {
    return new LevelResult(name, concurrency, targetRatePerSec, totalRequests, successes, failures,
        windowStartEpochMicros, windowEndEpochMicros, latencyMicros, histogramFile, rawLatencyFile, recall,
        serverServiceMicros, resources, intervals, operation, rows, freshness, operations, writes, trial, allRequestsMicros, serverPrometheus, injectors,
        role);
  }

  /** This row, and its operations' rows, as trial {@code trial}. */
  public LevelResult withTrial(Integer trial) {
    List<LevelResult> ops = operations == null ? null : operations.stream().map(o -> o.withTrial(trial)).toList();
    return new LevelResult(name, concurrency, targetRatePerSec, totalRequests, successes, failures,
        windowStartEpochMicros, windowEndEpochMicros, latencyMicros, histogramFile, rawLatencyFile, recall,
        serverServiceMicros, resources, intervals, operation, rows, freshness, ops, writes, trial, allRequestsMicros, serverPrometheus, injectors,
        role);
  }

  /** This row as measured on the A/B mode's {@code role} target ({@link #CANDIDATE} or {@link #BASELINE}). */
  public LevelResult withRole(String role) {
    return new LevelResult(name, concurrency, targetRatePerSec, totalRequests, successes, failures,
        windowStartEpochMicros, windowEndEpochMicros, latencyMicros, histogramFile, rawLatencyFile, recall,
        serverServiceMicros, resources, intervals, operation, rows, freshness, operations, writes, trial, allRequestsMicros,
        serverPrometheus, injectors, role);
  }

  /** Which target the row measured: its role, {@link #CANDIDATE} for rows that name none. */
  public String roleName() {
    return role == null ? CANDIDATE : role;
  }

  /** This row with the target's Prometheus percentiles over the level. */
  public LevelResult withServerPrometheus(ServerPrometheus serverPrometheus) {
    return new LevelResult(name, concurrency, targetRatePerSec, totalRequests, successes, failures,
        windowStartEpochMicros, windowEndEpochMicros, latencyMicros, histogramFile, rawLatencyFile, recall,
        serverServiceMicros, resources, intervals, operation, rows, freshness, operations, writes, trial, allRequestsMicros, serverPrometheus, injectors,
        role);
  }

  /** This row with {@code recall} (e.g. scored after the level against the rows then present). */
  public LevelResult withRecall(Recall recall) {
    return new LevelResult(name, concurrency, targetRatePerSec, totalRequests, successes, failures,
        windowStartEpochMicros, windowEndEpochMicros, latencyMicros, histogramFile, rawLatencyFile, recall,
        serverServiceMicros, resources, intervals, operation, rows, freshness, operations, writes, trial, allRequestsMicros, serverPrometheus, injectors,
        role);
  }

  /** This row with its streaming freshness and its write check. */
  public LevelResult withWriteFacts(Freshness freshness, Writes writes) {
    return new LevelResult(name, concurrency, targetRatePerSec, totalRequests, successes, failures,
        windowStartEpochMicros, windowEndEpochMicros, latencyMicros, histogramFile, rawLatencyFile, recall,
        serverServiceMicros, resources, intervals, operation, rows, freshness, operations, writes, trial, allRequestsMicros, serverPrometheus, injectors,
        role);
  }

  /**
   * The row of {@code operation} at this level: this one when it is that operation, else the one in
   * {@link #operations}; null when the level did not run it.
   */
  public LevelResult forOperation(String operation) {
    if (operationName().equals(operation)) {
      return this;
    }
    if (operations != null) {
      for (LevelResult r : operations) {
        if (r.operationName().equals(operation)) {
          return r;
        }
      }
    }
    return null;
  }

  public double windowSeconds() {
    return (windowEndEpochMicros - windowStartEpochMicros) / 1e6;
  }

  /**
   * The injectors of a merged level: their windows' overlap (the time all of them were loading, as
   * a fraction of the merged window; 1 = they started and ended together) and each one's share.
   */
  public record Injectors(double overlap, List<Share> shares) {
    /** Below this overlap the injectors did not load the target together; the level is flagged. */
    public static final double MIN_OVERLAP = 0.8;

    public boolean together() {
      return overlap >= MIN_OVERLAP;
    }
  }

  /**
   * One injector's part of a merged level: its run directory (as given to the merge), what it sent
   * and its window, its load (users, or arrivals per second), and its own CPU / RSS.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Share(String runDir, int concurrency, double targetRatePerSec, long totalRequests, long successes,
      long failures, long windowStartEpochMicros, long windowEndEpochMicros, ProcessUsage generator) {}

  /** One interval of the level: its wall-clock bounds (epoch ms) and what was answered in it. */
  public record IntervalCount(long startEpochMillis, long endEpochMillis, long successes, long failures) {}

  /**
   * Time from an insert's acknowledgement until a search with an inserted row's own vector returned
   * it, over a sample of inserted rows (µs).
   *
   * @param consistency the consistency level the probing searches asked for
   * @param samples rows probed
   * @param notVisible of those, rows no search returned within {@code timeoutMillis}
   * @param micros the visible ones' delays; null when none became visible
   * @param rawFile the visible ones' delays (µs), one per line, relative to the run directory
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Freshness(String consistency, long samples, long notVisible, long timeoutMillis, LatencyStats micros,
      String rawFile) {}

  /**
   * The collection's rows around a level that wrote: {@code counted} ({@code count(*)} at Strong
   * once the level's writes were acknowledged) must equal {@code expected} = {@code before} +
   * {@code inserted} − {@code deleted}, the rows the replies reported; a difference is a lost or
   * duplicated row. The level's rows are then deleted again, leaving {@code restored}.
   */
  public record Writes(long before, long inserted, long deleted, long expected, long counted, long restored) {
    public boolean exact() {
      return counted == expected;
    }
  }

  /**
   * Search latency as the target's own Prometheus histograms (ms) saw it over the level: the difference
   * of the scrapes at its start and end, percentiles as PromQL's {@code histogram_quantile} (linear
   * inside a bucket, so only as fine as Milvus's buckets). The top-level figures are the proxy's
   * ({@code milvus_proxy_sq_latency}, {@code query_type="search"}); the other stages are in
   * {@code components}.
   *
   * @param p50Ms null (like p95Ms, p99Ms) when the level's difference holds no search
   * @param count searches the histogram counted over the level
   * @param source the scraped URL
   * @param components by stage ({@code proxyQueue}, {@code queryNode}, {@code queryNodeQueue}), those the
   *     endpoint exposes; null in runs from before they were read
   * @param cpuSeconds the endpoint's {@code process_cpu_seconds_total} over the level; null when not exposed
   * @param absent the metrics' names the endpoint does not expose (a stage the server does not have)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ServerPrometheus(Double p50Ms, Double p95Ms, Double p99Ms, long count, String source,
      java.util.Map<String, Percentiles> components, Double cpuSeconds, List<String> absent) {

    /** The proxy's search histogram alone. */
    public ServerPrometheus(Double p50Ms, Double p95Ms, Double p99Ms, long count, String source) {
      this(p50Ms, p95Ms, p99Ms, count, source, null, null, null);
    }

    /** The stage's percentiles, {@code proxy} being the top-level ones; null when not read. */
    public Percentiles component(String key) {
      if ("proxy".equals(key)) {
        return new Percentiles(p50Ms, p95Ms, p99Ms, count);
      }
      return components == null ? null : components.get(key);
    }
  }

  /** One stage's percentiles over a level, ms; null percentiles when it counted nothing. */
  public record Percentiles(Double p50Ms, Double p95Ms, Double p99Ms, long count) {}

  /** Recall@k averaged over {@code samples} queries answered during the level. */
  public record Recall(int k, long samples, double mean) {}

  /** CPU (percent of one core, so 2 busy cores = 200) and RSS, averaged over the window. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Resources(ProcessUsage target, ProcessUsage generator) {}

  public record ProcessUsage(double cpuPercent, long rssBytes, long peakRssBytes) {}
}
