package org.milvusbench.rundir;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The names inside a run directory, defined once for its writer and its reader:
 *
 * <pre>
 * &lt;runRoot&gt;/&lt;yyyyMMdd-HHmmss&gt;/
 *   results.json            what every level measured ({@link SweepResults}); the analyzer's input
 *   config.json             the effective configuration (no token)
 *   level-NN-cC.hlog        HdrHistogram log of level NN at concurrency C (open model: rR), µs
 *   level-NN-cC.raw.txt     every successful latency of that level, one µs integer per line
 *   level-NN-cC-all-requests.hlog  when some failed: every request, failures at their elapsed time, µs
 *   target.log              the embedded target's output
 * </pre>
 */
public final class RunLayout {
  public static final String RESULTS_FILE = "results.json";
  public static final String CONFIG_FILE = "config.json";
  public static final String HISTOGRAM_SUFFIX = ".hlog";
  public static final String RAW_SUFFIX = ".raw.txt";
  /** A streaming level's freshness delays (µs, one per line): {@code <level stem>-freshness.txt}. */
  public static final String FRESHNESS_SUFFIX = "-freshness.txt";
  public static final String TARGET_LOG = "target.log";
  /** A level's latency over every request, failures included: {@code <operation stem>-all-requests.hlog}. */
  public static final String ALL_REQUESTS_SUFFIX = "-all-requests" + HISTOGRAM_SUFFIX;

  private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private RunLayout() {}

  /** The run directory's name (UTC start time, second resolution). */
  public static String runId(Instant startedAt) {
    return RUN_ID.format(startedAt);
  }

  /**
   * File-name stem of a level, e.g. {@code level-03-c10} or {@code level-02-r200}.
   *
   * @param index zero-based position in the sweep
   * @param concurrency closed model: users; 0 for the open model
   * @param ratePerSecond open model: arrival rate
   */
  public static String levelStem(int index, int concurrency, double ratePerSecond) {
    return String.format("level-%02d-%s", index + 1, concurrency > 0 ? "c" + concurrency : "r" + formatRate(ratePerSecond));
  }

  /**
   * The file-name stem of one operation's files at a level: the level's stem for searches (as in
   * runs from before operations), else {@code <stem>-<operation>}, e.g. {@code level-03-c10-insert}.
   */
  public static String operationStem(String levelStem, String operation) {
    return operation == null || operation.equals(LevelResult.SEARCH) ? levelStem : levelStem + "-" + operation;
  }

  /** The all-requests histogram log beside an operation's histogram log {@code histogramFile}. */
  public static String allRequestsFile(String histogramFile) {
    return histogramFile.substring(0, histogramFile.length() - HISTOGRAM_SUFFIX.length()) + ALL_REQUESTS_SUFFIX;
  }

  /** A level's label as Gatling's request names and the tables show it: {@code c=10}, {@code r=200/s}. */
  public static String levelLabel(int concurrency, double ratePerSecond) {
    return concurrency > 0 ? "c=" + concurrency : "r=" + formatRate(ratePerSecond) + "/s";
  }

  /** A rate as users write it: {@code 100}, {@code 12.5}. */
  public static String formatRate(double rate) {
    return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
  }
}
