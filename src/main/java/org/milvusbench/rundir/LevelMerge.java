package org.milvusbench.rundir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.HdrHistogram.Histogram;

/**
 * One level (one operation's row, then its other operations') of N injectors merged: what
 * {@link RunMerge} does per row. Statistics come from the merged raw latencies when every injector
 * kept them (numpy-exact, as for one generator), else from the added histograms.
 *
 * <p>Not merged, because no exact merge exists from what a run keeps: the target's own service time
 * and Prometheus percentiles (each injector saw them over its own window) and, with several
 * injectors, the row-count check (each injector counted the rows while the others wrote).
 */
final class LevelMerge {
  private static final Pattern STEM = Pattern.compile("^level-(\\d+)-");

  private LevelMerge() {}

  /** {@code rows.get(i)} is injector i's row, from {@code dirs.get(i)}. */
  static LevelResult merge(List<LevelResult> rows, List<Path> dirs, Path out, Duration interval) {
    LevelResult first = rows.get(0);
    int concurrency = rows.stream().mapToInt(LevelResult::concurrency).sum();
    double rate = rows.stream().mapToDouble(LevelResult::targetRatePerSec).sum();
    long start = rows.stream().mapToLong(LevelResult::windowStartEpochMicros).min().orElseThrow();
    long end = rows.stream().mapToLong(LevelResult::windowEndEpochMicros).max().orElseThrow();
    String stem = mergedStem(first, concurrency, rate);
    IntervalBuckets buckets = new IntervalBuckets(start / 1000, end / 1000, interval.toMillis());

    List<List<Histogram>> intervals = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      intervals.add(RunReader.readIntervals(dirs.get(i).resolve(histogramFile(rows.get(i), dirs.get(i)))));
    }
    List<Histogram> merged = buckets.histograms(intervals);
    Histogram level = RunReader.merge(merged);
    String histogramFile = stem + RunLayout.HISTOGRAM_SUFFIX;
    long[] raw = raw(rows, dirs);
    String rawFile = raw == null ? null : stem + RunLayout.RAW_SUFFIX;
    LatencyStats allRequests = allRequests(rows, dirs, intervals, out, histogramFile, start, end);
    LevelResult.Freshness freshness = freshness(rows, dirs, out, stem);
    try {
      RunWriter.writeHistogramLog(out.resolve(histogramFile), "milvus-sweep " + first.operationName() + " "
          + label(first, concurrency, rate) + ": latency of successful requests of " + rows.size()
          + " injectors, merged, microseconds", start / 1000, merged);
      if (raw != null) {
        RunWriter.writeValues(out.resolve(rawFile), raw);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write merged level files in " + out, e);
    }

    List<LevelResult> operations = null;
    if (first.operations() != null) {
      operations = new ArrayList<>();
      for (LevelResult op : first.operations()) {
        List<LevelResult> opRows = rows.stream().map(r -> r.forOperation(op.operationName())).toList();
        operations.add(merge(opRows, dirs, out, interval));
      }
    }
    boolean allIntervals = rows.stream().allMatch(r -> r.intervals() != null);
    Long sentRows = rows.stream().anyMatch(r -> r.rows() != null)
        ? rows.stream().mapToLong(r -> r.rows() == null ? 0 : r.rows()).sum() : null;
    return new LevelResult(label(first, concurrency, rate), concurrency, rate, sum(rows, LevelResult::totalRequests),
        sum(rows, LevelResult::successes), sum(rows, LevelResult::failures), start, end,
        raw != null ? LatencyStats.fromRawMicros(raw) : LatencyStats.fromHistogram(level), histogramFile, rawFile,
        recall(rows), null, resources(rows),
        allIntervals ? buckets.counts(rows.stream().map(LevelResult::intervals).toList()) : null,
        first.operation(), sentRows, freshness, operations, rows.size() == 1 ? first.writes() : null, first.trial(),
        allRequests, null, injectors(rows, dirs));
  }

  private static String histogramFile(LevelResult row, Path dir) {
    if (row.histogramFile() == null) {
      throw new IllegalArgumentException(dir.resolve(RunLayout.RESULTS_FILE) + ": level " + row.name()
          + " kept no histogram log; it cannot be merged exactly");
    }
    return row.histogramFile();
  }

  /** {@code level-NN-c<sum>…}: the first injector's stem with the merged load in it. */
  private static String mergedStem(LevelResult first, int concurrency, double rate) {
    String own = first.histogramFile().substring(0, first.histogramFile().length() - RunLayout.HISTOGRAM_SUFFIX.length());
    Matcher m = STEM.matcher(own);
    if (!m.find()) {
      return own;
    }
    int index = Integer.parseInt(m.group(1)) - 1;
    String ownLevel = RunLayout.levelStem(index, first.concurrency(), first.targetRatePerSec());
    String rest = own.startsWith(ownLevel) ? own.substring(ownLevel.length()) : "";
    return RunLayout.levelStem(index, concurrency, rate) + rest;
  }

  private static String label(LevelResult first, int concurrency, double rate) {
    String own = RunLayout.levelLabel(first.concurrency(), first.targetRatePerSec());
    String name = first.name() == null ? own : first.name();
    return name.startsWith(own) ? RunLayout.levelLabel(concurrency, rate) + name.substring(own.length()) : name;
  }

  private static long[] raw(List<LevelResult> rows, List<Path> dirs) {
    if (rows.stream().anyMatch(r -> r.rawLatencyFile() == null)) {
      return null;
    }
    LongStream all = LongStream.empty();
    for (int i = 0; i < rows.size(); i++) {
      all = LongStream.concat(all, LongStream.of(RunReader.readRawMicros(dirs.get(i).resolve(rows.get(i).rawLatencyFile()))));
    }
    return all.toArray();
  }

  /**
   * Every request's latency, failures included: an injector without failures contributes its
   * successes; one with failures its own all-requests log (without it, no exact merge: null).
   */
  private static LatencyStats allRequests(List<LevelResult> rows, List<Path> dirs, List<List<Histogram>> successes,
      Path out, String histogramFile, long start, long end) {
    if (rows.stream().allMatch(r -> r.failures() == 0)) {
      return null;
    }
    Histogram all = new Histogram(org.milvusbench.recorder.LevelRecorder.SIGNIFICANT_DIGITS);
    for (int i = 0; i < rows.size(); i++) {
      LevelResult row = rows.get(i);
      if (row.failures() == 0) {
        successes.get(i).forEach(all::add);
        continue;
      }
      Path file = dirs.get(i).resolve(RunLayout.allRequestsFile(row.histogramFile()));
      if (!Files.isRegularFile(file)) {
        return null;
      }
      all.add(RunReader.readMergedLog(file));
    }
    all.setStartTimeStamp(start / 1000);
    all.setEndTimeStamp(end / 1000);
    try {
      RunWriter.writeHistogramLog(out.resolve(RunLayout.allRequestsFile(histogramFile)),
          "milvus-sweep: latency of every request of " + rows.size() + " injectors, failures at their elapsed time, µs",
          start / 1000, List.of(all));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write merged level files in " + out, e);
    }
    return LatencyStats.fromHistogram(all);
  }

  private static LevelResult.Freshness freshness(List<LevelResult> rows, List<Path> dirs, Path out, String stem) {
    if (rows.stream().allMatch(r -> r.freshness() == null)) {
      return null;
    }
    LongStream visible = LongStream.empty();
    long notVisible = 0;
    LevelResult.Freshness first = null;
    for (int i = 0; i < rows.size(); i++) {
      LevelResult.Freshness f = rows.get(i).freshness();
      if (f == null) continue;
      first = first == null ? f : first;
      notVisible += f.notVisible();
      if (f.rawFile() != null) {
        visible = LongStream.concat(visible, LongStream.of(RunReader.readRawMicros(dirs.get(i).resolve(f.rawFile()))));
      }
    }
    return RunWriter.writeFreshness(out, stem, first.consistency(), visible.toArray(), notVisible, first.timeoutMillis());
  }

  /** Recall weighted by each injector's samples (each sample one query's recall@k). */
  private static LevelResult.Recall recall(List<LevelResult> rows) {
    long samples = 0;
    double sum = 0;
    LevelResult.Recall any = null;
    for (LevelResult r : rows) {
      if (r.recall() == null) continue;
      if (any != null && any.k() != r.recall().k()) {
        throw new IllegalArgumentException("level " + r.name() + ": injectors measured recall@" + any.k() + " and @"
            + r.recall().k() + "; not one sweep");
      }
      any = r.recall();
      samples += r.recall().samples();
      sum += r.recall().mean() * r.recall().samples();
    }
    return any == null ? null : new LevelResult.Recall(any.k(), samples, samples == 0 ? 0 : sum / samples);
  }

  /** The target as injector 0 saw it (one target); the generators' CPU and RSS added (all of them together). */
  private static LevelResult.Resources resources(List<LevelResult> rows) {
    LevelResult.ProcessUsage target = rows.get(0).resources() == null ? null : rows.get(0).resources().target();
    double cpu = 0;
    long rss = 0;
    long peak = 0;
    boolean any = false;
    for (LevelResult r : rows) {
      if (r.resources() == null || r.resources().generator() == null) continue;
      any = true;
      cpu += r.resources().generator().cpuPercent();
      rss += r.resources().generator().rssBytes();
      peak += r.resources().generator().peakRssBytes();
    }
    LevelResult.ProcessUsage generator = any ? new LevelResult.ProcessUsage(cpu, rss, peak) : null;
    return target == null && generator == null ? null : new LevelResult.Resources(target, generator);
  }

  /** Each injector's share, and the fraction of the merged window in which all of them were loading. */
  private static LevelResult.Injectors injectors(List<LevelResult> rows, List<Path> dirs) {
    long union = rows.stream().mapToLong(LevelResult::windowEndEpochMicros).max().orElseThrow()
        - rows.stream().mapToLong(LevelResult::windowStartEpochMicros).min().orElseThrow();
    long together = rows.stream().mapToLong(LevelResult::windowEndEpochMicros).min().orElseThrow()
        - rows.stream().mapToLong(LevelResult::windowStartEpochMicros).max().orElseThrow();
    double overlap = union <= 0 ? 1 : Math.max(0, together) / (double) union;
    List<LevelResult.Share> shares = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      LevelResult r = rows.get(i);
      shares.add(new LevelResult.Share(dirs.get(i).toString(), r.concurrency(), r.targetRatePerSec(), r.totalRequests(),
          r.successes(), r.failures(), r.windowStartEpochMicros(), r.windowEndEpochMicros(),
          r.resources() == null ? null : r.resources().generator()));
    }
    return new LevelResult.Injectors(overlap, shares);
  }

  private static long sum(List<LevelResult> rows, java.util.function.ToLongFunction<LevelResult> f) {
    return rows.stream().mapToLong(f).sum();
  }
}
