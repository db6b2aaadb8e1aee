package org.milvusbench.rundir;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.milvusbench.recorder.LevelRecorder.Interval;
import org.milvusbench.recorder.LevelRecorder.LevelSnapshot;

/**
 * Writes a run directory ({@link RunLayout}): each level's HdrHistogram log and raw latencies as the
 * level ends, then {@code results.json} and {@code config.json}. {@link RunReader} reads them back.
 */
public final class RunWriter {
  private RunWriter() {}

  /**
   * Writes one level's files and returns its row of {@code results.json}. Latency statistics come
   * from the raw values when kept (numpy-exact), else from the histogram.
   *
   * @param stem the level's {@link RunLayout#levelStem file-name stem}
   * @param serverService the target's own service time over the level; null if unknown
   */
  public static LevelResult writeLevel(Path runDir, String stem, String label, int concurrency, double ratePerSecond,
      LevelSnapshot snap, LatencyStats serverService, LevelResult.Resources resources) {
    return writeLevel(runDir, stem, LevelResult.SEARCH, label, concurrency, ratePerSecond, snap, serverService, resources);
  }

  /**
   * Writes one operation's files of a level, named {@code <stem>-<operation>} unless it is a
   * search workload's search (plain {@code <stem>}, as before operations), and returns its row.
   */
  public static LevelResult writeLevel(Path runDir, String stem, String operation, String label, int concurrency,
      double ratePerSecond, LevelSnapshot snap, LatencyStats serverService, LevelResult.Resources resources) {
    return write(runDir, RunLayout.operationStem(stem, operation), operation, label, concurrency, ratePerSecond, snap,
        serverService, resources);
  }

  private static LevelResult write(Path runDir, String stem, String operation, String label, int concurrency,
      double ratePerSecond, LevelSnapshot snap, LatencyStats serverService, LevelResult.Resources resources) {
    String histogramFile = stem + RunLayout.HISTOGRAM_SUFFIX;
    String rawFile = snap.rawMicros() == null ? null : stem + RunLayout.RAW_SUFFIX;
    try {
      // One line per interval (HdrHistogram's log format): latency over time inside the level;
      // merged, they are the whole level.
      writeHistogramLog(runDir.resolve(histogramFile), "milvus-sweep " + snap.name() + ": latency of successful "
          + operation + " requests, microseconds", snap.windowStartEpochMicros() / 1000,
          snap.intervals().stream().map(Interval::histogramMicros).toList());
      if (snap.failures() > 0) {
        Histogram all = snap.allRequestsMicros().copy();
        all.setStartTimeStamp(snap.windowStartEpochMicros() / 1000);
        all.setEndTimeStamp(snap.windowEndEpochMicros() / 1000);
        writeHistogramLog(runDir.resolve(RunLayout.allRequestsFile(histogramFile)), "milvus-sweep " + snap.name()
            + ": latency of every " + operation + " request, failures at their elapsed time, microseconds",
            snap.windowStartEpochMicros() / 1000, List.of(all));
      }
      if (rawFile != null) {
        writeValues(runDir.resolve(rawFile), snap.rawMicros());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write level files in " + runDir, e);
    }
    LatencyStats latency = snap.rawMicros() != null
        ? LatencyStats.fromRawMicros(snap.rawMicros()) : LatencyStats.fromHistogram(snap.histogramMicros());
    LevelResult.Recall recall = snap.recallK() < 0 ? null
        : new LevelResult.Recall(snap.recallK(), snap.recallSamples(), snap.recallMean());
    boolean search = operation.equals(LevelResult.SEARCH) || operation.equals(LevelResult.SEARCH_NO_INGEST);
    return new LevelResult(label, concurrency, ratePerSecond, snap.total(), snap.successes(), snap.failures(),
        snap.windowStartEpochMicros(), snap.windowEndEpochMicros(), latency, histogramFile, rawFile, recall,
        serverService, resources, intervalCounts(snap), operation, search ? null : snap.rows(), null, null, null, null,
        snap.failures() > 0 ? LatencyStats.fromHistogram(snap.allRequestsMicros()) : null, null, null);
  }

  /**
   * Writes an HdrHistogram log (µs) of {@code intervals}, each stamped with its wall-clock bounds
   * (epoch ms), relative to {@code startEpochMillis}.
   */
  public static void writeHistogramLog(Path file, String comment, long startEpochMillis,
      List<? extends AbstractHistogram> intervals) throws IOException {
    try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8)) {
      HistogramLogWriter writer = new HistogramLogWriter(out);
      writer.outputComment(comment);
      writer.outputLogFormatVersion();
      writer.outputStartTime(startEpochMillis);
      writer.setBaseTime(startEpochMillis);
      writer.outputLegend();
      for (AbstractHistogram interval : intervals) {
        writer.outputIntervalHistogram(interval);
      }
    }
  }

  /** One value per line. */
  public static void writeValues(Path file, long[] values) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
      for (long v : values) {
        out.write(Long.toString(v));
        out.write('\n');
      }
    }
  }

  /**
   * Writes a streaming level's freshness delays (µs, one per line) as {@code <stem>-freshness.txt}
   * and returns their summary.
   */
  public static LevelResult.Freshness writeFreshness(Path runDir, String stem, String consistency, long[] visibleMicros,
      long notVisible, long timeoutMillis) {
    String file = stem + RunLayout.FRESHNESS_SUFFIX;
    try {
      writeValues(runDir.resolve(file), visibleMicros);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + " in " + runDir, e);
    }
    LatencyStats micros = visibleMicros.length == 0 ? null : LatencyStats.fromRawMicros(visibleMicros);
    return new LevelResult.Freshness(consistency, visibleMicros.length + notVisible, notVisible, timeoutMillis, micros, file);
  }

  private static List<LevelResult.IntervalCount> intervalCounts(LevelSnapshot snap) {
    List<LevelResult.IntervalCount> out = new ArrayList<>();
    for (Interval i : snap.intervals()) {
      out.add(new LevelResult.IntervalCount(i.histogramMicros().getStartTimeStamp(), i.histogramMicros().getEndTimeStamp(),
          i.histogramMicros().getTotalCount(), i.failures()));
    }
    return out;
  }

  /** Writes {@code results.json} and {@code config.json}; returns the results file. */
  public static Path writeRun(Path runDir, SweepResults results, Map<String, String> effectiveConfig) {
    Path file = runDir.resolve(RunLayout.RESULTS_FILE);
    ResultsJson.write(results, file);
    try {
      ResultsJson.mapper().writeValue(runDir.resolve(RunLayout.CONFIG_FILE).toFile(), effectiveConfig);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + RunLayout.CONFIG_FILE + " in " + runDir, e);
    }
    return file;
  }
}
