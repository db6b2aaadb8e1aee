package org.milvusbench.analyzer;

import org.milvusbench.rundir.RunReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.milvusbench.rundir.LatencyStats;
import org.milvusbench.rundir.LevelResult;
import org.milvusbench.rundir.SweepResults;

/**
 * Turns our {@code results.json} into table rows. Latencies come from the most exact source the
 * run kept: raw per-request values (numpy-compatible percentiles, exactly the reference's), else
 * the HdrHistogram log, else the summary inside results.json.
 */
final class SweepResultsReader {
  private SweepResultsReader() {}

  /**
   * The run's main rows, and each other operation's rows as a run of its own; a run of several
   * trials is read trial by trial and pooled ({@link TrialPool}).
   */
  static RunData read(Path file, SweepResults results) {
    if (!results.comparesTargets()) {
      return readRole(file, results);
    }
    // An A/B run: the candidate's rows are the run (tables, knee, charts); the baseline's rows, read
    // the same way, ride along for the paired verdict. Only the trials both targets completed count, so
    // trial i of one is paired with trial i of the other.
    SweepResults candidate = results.ofRole(LevelResult.CANDIDATE);
    SweepResults baseline = results.ofRole(LevelResult.BASELINE);
    java.util.Set<Integer> both = trialsOf(candidate);
    both.retainAll(trialsOf(baseline));
    return readRole(file, onlyTrials(candidate, both)).withAbBaseline(readRole(file, onlyTrials(baseline, both)));
  }

  private static java.util.Set<Integer> trialsOf(SweepResults results) {
    java.util.Set<Integer> out = new java.util.TreeSet<>();
    results.levels().forEach(l -> out.add(l.trial() == null ? 1 : l.trial()));
    return out;
  }

  private static SweepResults onlyTrials(SweepResults results, java.util.Set<Integer> trials) {
    return results.withLevels(results.levels().stream().filter(l -> trials.contains(l.trial() == null ? 1 : l.trial()))
        .toList());
  }

  private static RunData readRole(Path file, SweepResults results) {
    java.util.Map<Integer, List<LevelResult>> byTrial = new java.util.TreeMap<>();
    for (LevelResult level : results.levels()) {
      if (level != null && level.trial() != null) {
        byTrial.computeIfAbsent(level.trial(), t -> new ArrayList<>()).add(level);
      }
    }
    if (byTrial.isEmpty()) {
      return readTrial(file, results);
    }
    List<RunData> trials = new ArrayList<>();
    byTrial.values().forEach(rows -> trials.add(readTrial(file, results.withLevels(rows))));
    return TrialPool.pool(trials);
  }

  private static RunData readTrial(Path file, SweepResults results) {
    java.util.Set<String> operations = new java.util.LinkedHashSet<>();
    List<String> integrity = new ArrayList<>();
    String main = LevelResult.SEARCH;
    for (LevelResult level : results.levels()) {
      if (level == null) continue;
      main = level.operationName();
      if (level.operations() != null) {
        level.operations().forEach(op -> operations.add(op.operationName()));
      }
      if (level.writes() != null && !level.writes().exact()) {
        LevelResult.Writes w = level.writes();
        integrity.add(levelName(level) + ": count(*) was " + w.counted() + " after the level's writes, expected "
            + w.expected() + " (" + w.before() + " + " + w.inserted() + " inserted - " + w.deleted()
            + " deleted): rows were lost or duplicated");
      }
    }
    java.util.Map<String, RunData> views = new java.util.LinkedHashMap<>();
    for (String op : operations) {
      List<LevelResult> rows = new ArrayList<>();
      for (LevelResult level : results.levels()) {
        LevelResult row = level == null ? null : level.forOperation(op);
        if (row != null) rows.add(row);
      }
      views.put(op, readOne(file, results, rows, op, java.util.Map.of(), List.of()));
    }
    return readOne(file, results, results.levels(), main, views, integrity);
  }

  private static RunData readOne(Path file, SweepResults results, List<LevelResult> rows, String operation,
      java.util.Map<String, RunData> operations, List<String> integrity) {
    Path dir = file.toAbsolutePath().getParent();
    List<LevelResult> sorted = new ArrayList<>(rows);
    sorted.removeIf(java.util.Objects::isNull);
    sorted.sort(
        Comparator.comparingDouble(
            l -> l.concurrency() > 0 ? l.concurrency() : l.targetRatePerSec()));
    List<LevelMetrics> levels = new ArrayList<>();
    List<Histogram> histograms = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<LevelIntervals> steadiness = new ArrayList<>();
    for (LevelResult level : sorted) {
      Histogram histogram = null;
      LevelIntervals steady = LevelIntervals.none("no intervals were recorded");
      if (level.histogramFile() != null) {
        Path h = dir.resolve(level.histogramFile());
        if (Files.isRegularFile(h)) {
          List<Histogram> intervals = RunReader.readIntervals(h);
          histogram = RunReader.merge(intervals);
          steady = steadiness(level, intervals);
        } else {
          warnings.add(levelName(level) + ": histogram file " + h + " is missing");
        }
      }
      if (level.injectors() != null && !level.injectors().together()) {
        warnings.add(String.format(java.util.Locale.ROOT, "%s: the %d injectors' windows overlap %.0f %% of the merged"
            + " window (< %.0f %%): they did not load the target together, so its QPS and latencies are not one load's",
            levelName(level), level.injectors().shares().size(), level.injectors().overlap() * 100,
            LevelResult.Injectors.MIN_OVERLAP * 100));
      }
      levels.add(metrics(level, histogram, dir, warnings));
      histograms.add(histogram);
      steadiness.add(steady);
    }
    if (levels.isEmpty()) {
      throw new IllegalArgumentException(file + ": no levels in this results file");
    }
    return new RunData(
        file,
        dir,
        "results",
        results.runId(),
        results.mode() == null ? "closed" : results.mode(),
        levels,
        histograms,
        GatlingReportLocator.locate(dir, results.gatlingReportDir(), results.config()),
        results.cpuCores(),
        warnings,
        steadiness,
        operation,
        operations,
        integrity,
        List.of());
  }

  /** The level's row, its latencies from the most exact source kept: raw values, the log, results.json. */
  private static LevelMetrics metrics(LevelResult level, Histogram histogram, Path dir, List<String> warnings) {
    LatencyStats stats = null;
    String source = "results";
    if (level.rawLatencyFile() != null) {
      Path raw = dir.resolve(level.rawLatencyFile());
      if (Files.isRegularFile(raw)) {
        stats = LatencyStats.fromRawMicros(RunReader.readRawMicros(raw));
        source = "raw";
      } else {
        warnings.add(levelName(level) + ": raw latency file " + raw + " is missing");
      }
    }
    if (stats == null && histogram != null) {
      stats = LatencyStats.fromHistogram(histogram);
      source = "histogram";
    }
    if (stats == null) {
      stats = level.latencyMicros() == null ? LatencyStats.EMPTY : level.latencyMicros();
    }
    return metrics(level, stats, source);
  }

  /** Judged when results.json's interval counts match the log's intervals (runs since intervals were kept). */
  private static LevelIntervals steadiness(LevelResult level, List<Histogram> intervals) {
    if (level.intervals() == null || level.intervals().size() != intervals.size()) {
      return LevelIntervals.none("no intervals were recorded");
    }
    return LevelIntervals.of(intervals, level.intervals().stream().map(LevelResult.IntervalCount::failures).toList());
  }

  private static String levelName(LevelResult level) {
    return level.name() != null ? level.name() : "level c=" + level.concurrency();
  }

  private static LevelMetrics metrics(LevelResult l, LatencyStats s, String source) {
    double seconds = Math.max(0, l.windowSeconds());
    long total = l.totalRequests();
    return new LevelMetrics(
        l.name() != null ? l.name() : "c" + l.concurrency(),
        l.concurrency(),
        l.targetRatePerSec(),
        total,
        seconds,
        seconds > 0 ? total / seconds : 0,
        seconds > 0 ? l.successes() / seconds : 0,
        s.meanMicros() / 1000.0,
        s.p50Micros() / 1000.0,
        s.p95Micros() / 1000.0,
        s.p99Micros() / 1000.0,
        s.maxMicros() / 1000.0,
        s.minMicros() / 1000.0,
        s.stdMicros() / 1000.0,
        l.successes(),
        l.failures(),
        total > 0 ? (double) l.failures() / total : 0,
        l.recall() == null ? null : l.recall().mean(),
        l.recall() == null ? 0 : l.recall().k(),
        l.resources(),
        source,
        l.allRequestsMicros(),
        l.serverPrometheus());
  }
}
