package org.milvusbench.rundir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.milvusbench.config.DurationText;

/**
 * Merges the run directories of N injectors that ran one sweep together into one run directory
 * that every report, gate and {@code compare} reads as any other: level by level and operation by
 * operation, histograms added (never percentiles averaged), raw latencies concatenated when every
 * injector kept them, counts summed, each level's window the union of the injectors' windows (so
 * QPS = all completions ÷ that window) and recall weighted by samples ({@link LevelMerge}).
 *
 * <p>Injectors of one sweep have the same levels in the same order (trials and operations
 * included); anything else is refused with the first difference named.
 */
public final class RunMerge {
  /** The interval length when a run's configuration does not say ({@code sweep.interval}'s default). */
  private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

  private RunMerge() {}

  /**
   * Merges {@code injectorRunDirs} (injector 0 first) into {@code mergedRunDir} (created if absent;
   * it must not be one of the inputs) and returns the merged {@code results.json}.
   */
  public static SweepResults merge(List<Path> injectorRunDirs, Path mergedRunDir) {
    if (injectorRunDirs.isEmpty()) {
      throw new IllegalArgumentException("merge: no run directories given");
    }
    List<SweepResults> parts = new ArrayList<>();
    for (Path dir : injectorRunDirs) {
      if (dir.toAbsolutePath().normalize().equals(mergedRunDir.toAbsolutePath().normalize())) {
        throw new IllegalArgumentException(dir + ": the merged run directory cannot be one of the injectors' runs");
      }
      SweepResults part = RunReader.results(dir);
      if (part.levels() == null || part.levels().isEmpty()) {
        throw new IllegalArgumentException(dir.resolve(RunLayout.RESULTS_FILE) + ": no levels to merge");
      }
      if (part.comparesTargets()) {
        throw new IllegalArgumentException(dir + ": an A/B run (compare.uri) of one injector: there is nothing to merge"
            + " (analyze it alone)");
      }
      parts.add(part);
    }
    SweepResults first = parts.get(0);
    for (int i = 1; i < parts.size(); i++) {
      sameSweep(injectorRunDirs.get(0), first, injectorRunDirs.get(i), parts.get(i));
    }
    try {
      Files.createDirectories(mergedRunDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + mergedRunDir, e);
    }
    Duration interval = interval(first);
    List<LevelResult> levels = new ArrayList<>();
    for (int l = 0; l < first.levels().size(); l++) {
      List<LevelResult> rows = new ArrayList<>();
      for (SweepResults part : parts) {
        rows.add(part.levels().get(l));
      }
      levels.add(LevelMerge.merge(rows, injectorRunDirs, mergedRunDir, interval));
    }
    Map<String, String> config = new LinkedHashMap<>(first.config() == null ? Map.of() : first.config());
    config.remove("sweep.injectorIndex");
    config.put("sweep.injectors", Integer.toString(parts.size()));
    String startedAt = parts.stream().map(SweepResults::startedAt).filter(s -> s != null).min(String::compareTo)
        .orElse(first.startedAt());
    SweepResults merged = new SweepResults(SweepResults.SCHEMA, first.runId() + "-merged", startedAt, first.mode(),
        first.target(), config, first.cpuCores(), levels, null);
    RunWriter.writeRun(mergedRunDir, merged, config);
    return merged;
  }

  private static void sameSweep(Path firstDir, SweepResults first, Path dir, SweepResults other) {
    String where = dir + " and " + firstDir + " are not injectors of one sweep: ";
    if (!String.valueOf(first.mode()).equals(String.valueOf(other.mode()))) {
      throw new IllegalArgumentException(where + "modes " + other.mode() + " and " + first.mode());
    }
    if (first.levels().size() != other.levels().size()) {
      throw new IllegalArgumentException(where + other.levels().size() + " and " + first.levels().size() + " levels");
    }
    for (int l = 0; l < first.levels().size(); l++) {
      LevelResult a = first.levels().get(l);
      LevelResult b = other.levels().get(l);
      if (!a.operationName().equals(b.operationName()) || !java.util.Objects.equals(a.trial(), b.trial())
          || !operations(a).equals(operations(b))) {
        throw new IllegalArgumentException(where + "level " + (l + 1) + " is " + describe(b) + " and " + describe(a));
      }
    }
  }

  private static List<String> operations(LevelResult row) {
    return row.operations() == null ? List.of() : row.operations().stream().map(LevelResult::operationName).toList();
  }

  private static String describe(LevelResult row) {
    return row.operationName() + (row.trial() == null ? "" : " trial " + row.trial())
        + (row.operations() == null ? "" : " with " + operations(row));
  }

  private static Duration interval(SweepResults run) {
    String text = run.config() == null ? null : run.config().get("sweep.interval");
    return text == null ? DEFAULT_INTERVAL : DurationText.parse(text);
  }
}
