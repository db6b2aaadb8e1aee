package org.milvusbench.analyzer;

import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * A loaded run: the per-level rows in ascending load order, the merged per-level latency
 * histograms (µs) where the run kept them, and where it came from.
 *
 * @param source the file that was read (results.json or the reference JSON)
 * @param runDirectory the directory reports are written to by default (the source's directory)
 * @param format {@code results} (our results.json) or {@code reference} (the reference script's)
 * @param mode {@code closed} or {@code open}
 * @param histogramsMicros one entry per level, parallel to {@code levels}; null entries where no
 *     histogram exists
 * @param gatlingReport Gatling's report directory when known, else null
 * @param cpuCores cores of the generator's machine; 0 when unknown
 * @param warnings things the loader had to work around (a missing histogram file, say)
 * @param intervals each level's intervals and whether it ran steadily, parallel to {@code levels}
 * @param operation what the levels' rows measured: {@code search}, or {@code all} for a mixed run's
 *     every-operation rows, or the operation of a per-operation view
 * @param operations the run's other operations, each as a run of its own rows, by operation
 * @param integrityErrors levels whose row count did not match their acknowledged writes
 * @param trials with several trials ({@code sweep.trials}), each trial as a run of its own (the
 *     levels above are their pooled rows); empty otherwise
 * @param abBaseline an A/B run ({@code compare.uri}): the baseline target's rows, read as a run of their
 *     own with the same trials (this run is then the candidate's rows); null for a run of one target
 */
public record RunData(
    Path source,
    Path runDirectory,
    String format,
    String runId,
    String mode,
    List<LevelMetrics> levels,
    List<Histogram> histogramsMicros,
    Path gatlingReport,
    int cpuCores,
    List<String> warnings,
    List<LevelIntervals> intervals,
    String operation,
    java.util.Map<String, RunData> operations,
    List<String> integrityErrors,
    List<RunData> trials,
    RunData abBaseline) {

  /** A run of one target. */
  public RunData(Path source, Path runDirectory, String format, String runId, String mode, List<LevelMetrics> levels,
      List<Histogram> histogramsMicros, Path gatlingReport, int cpuCores, List<String> warnings,
      List<LevelIntervals> intervals, String operation, java.util.Map<String, RunData> operations,
      List<String> integrityErrors, List<RunData> trials) {
    this(source, runDirectory, format, runId, mode, levels, histogramsMicros, gatlingReport, cpuCores, warnings,
        intervals, operation, operations, integrityErrors, trials, null);
  }

  /** A run of one operation, search (all runs from before operations, the reference's). */
  public RunData(Path source, Path runDirectory, String format, String runId, String mode, List<LevelMetrics> levels,
      List<Histogram> histogramsMicros, Path gatlingReport, int cpuCores, List<String> warnings,
      List<LevelIntervals> intervals) {
    this(source, runDirectory, format, runId, mode, levels, histogramsMicros, gatlingReport, cpuCores, warnings,
        intervals, "search", java.util.Map.of(), List.of(), List.of());
  }

  public RunData {
    operations = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(operations));
    integrityErrors = List.copyOf(integrityErrors);
    trials = List.copyOf(trials);
    warnings = List.copyOf(warnings);
    levels = List.copyOf(levels);
    histogramsMicros = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(histogramsMicros));
    intervals = List.copyOf(intervals);
    if (levels.size() != histogramsMicros.size() || levels.size() != intervals.size()) {
      throw new IllegalArgumentException("one histogram slot and one steady-state verdict per level expected");
    }
  }

  /** This run as the candidate of an A/B run whose baseline target measured {@code baseline}. */
  public RunData withAbBaseline(RunData baseline) {
    return new RunData(source, runDirectory, format, runId, mode, levels, histogramsMicros, gatlingReport, cpuCores,
        warnings, intervals, operation, operations, integrityErrors, trials, baseline);
  }

  /** Whether {@code level} (one of {@link #levels()}) ran steadily. */
  public SteadyState steadiness(LevelMetrics level) {
    return intervals.get(levels.indexOf(level)).steadiness();
  }

  /** {@code level}'s intervals (one of {@link #levels()}); empty when the run kept none. */
  public LevelIntervals intervals(LevelMetrics level) {
    return intervals.get(levels.indexOf(level));
  }

  /** True for open-model runs, whose x axis is the arrival rate rather than concurrency. */
  public boolean openModel() {
    return "open".equalsIgnoreCase(mode);
  }
}
