package org.milvusbench.rundir;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.milvusbench.recorder.LevelRecorder;

/**
 * Reads a run directory ({@link RunLayout}): {@code results.json}, and per level the HdrHistogram
 * log and the raw latency list (µs) the sweep's {@link RunWriter} wrote.
 */
public final class RunReader {
  private RunReader() {}

  /** {@code results.json} of {@code runDir}; a missing or corrupt file is an error naming it. */
  public static SweepResults results(Path runDir) {
    return ResultsJson.read(runDir.resolve(RunLayout.RESULTS_FILE));
  }

  /**
   * All intervals of an HdrHistogram log (HistogramLogWriter format, µs) merged into one
   * histogram. A file that is not such a log is an error naming it.
   */
  public static Histogram readMergedLog(Path file) {
    return merge(readIntervals(file));
  }

  /** The intervals of a level added into one histogram: the whole level. */
  public static Histogram merge(List<Histogram> intervals) {
    Histogram merged = new Histogram(LevelRecorder.SIGNIFICANT_DIGITS);
    intervals.forEach(merged::add);
    return merged;
  }

  /**
   * The intervals of an HdrHistogram log in file order, each stamped with its wall-clock bounds
   * (epoch ms). A file that is not such a log is an error naming it.
   */
  public static List<Histogram> readIntervals(Path file) {
    List<Histogram> intervals = new ArrayList<>();
    try {
      HistogramLogReader reader = new HistogramLogReader(file.toFile());
      try {
        EncodableHistogram interval;
        while ((interval = reader.nextIntervalHistogram()) != null) {
          if (!(interval instanceof Histogram h)) {
            throw new IllegalArgumentException(
                file + ": holds a " + interval.getClass().getSimpleName()
                    + "; integer µs histograms expected");
          }
          intervals.add(h);
        }
        if (intervals.isEmpty()) {
          rejectGarbage(file);
        }
      } finally {
        reader.close();
      }
    } catch (FileNotFoundException e) {
      throw new IllegalArgumentException(file + ": no such histogram log");
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (RuntimeException e) {
      // HistogramLogReader reports bad lines as assorted runtime exceptions (parse, base64, zip).
      throw new IllegalArgumentException(file + ": not an HdrHistogram log (" + e + ")", e);
    }
    return intervals;
  }

  /**
   * HistogramLogReader skips lines it cannot parse, so a corrupt file reads as an empty log. An
   * empty log is legitimate (a level without successes) only if every line is a comment, the
   * legend or blank.
   */
  private static void rejectGarbage(Path file) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      String line;
      int n = 0;
      while ((line = in.readLine()) != null) {
        n++;
        String t = line.trim();
        if (t.isEmpty() || t.startsWith("#") || t.startsWith("\"StartTimestamp\"")) continue;
        throw new IllegalArgumentException(
            file + ": not an HdrHistogram log (line " + n + " is not an interval, comment or legend)");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
  }

  /** One latency (µs, an integer) per line; blank lines are ignored. */
  public static long[] readRawMicros(Path file) {
    long[] values = new long[1024];
    int n = 0;
    int lineNumber = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        lineNumber++;
        String t = line.trim();
        if (t.isEmpty()) continue;
        if (n == values.length) values = java.util.Arrays.copyOf(values, n * 2);
        try {
          values[n++] = Long.parseLong(t);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              file + ": line " + lineNumber + ": \"" + t + "\" is not an integer latency in µs");
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read raw latencies (" + e + ")", e);
    }
    return java.util.Arrays.copyOf(values, n);
  }
}
