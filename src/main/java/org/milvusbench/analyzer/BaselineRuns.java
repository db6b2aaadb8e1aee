package org.milvusbench.analyzer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.milvusbench.rundir.RunLayout;

/**
 * The {@code baseline} key's runs, loaded, and the gate they call for: one run is the single-run gate
 * ({@link BaselineGate}, exactly as before), {@value #MIN_RUNS} or more the multi-run one ({@link
 * PredictionGate}). Two runs are refused: a spread estimated from two values has one degree of
 * freedom, and t(1)'s one-sided critical value at Holm's smallest threshold over six checks (0.83 %)
 * is 38.2, so a check would fail only 38.2 · √(3/2) ≈ 47 of the two runs' standard deviations (of
 * the log values) away from them; pooling the two into one Welch
 * baseline instead would hide the very run-to-run difference a multi-run baseline is for.
 */
final class BaselineRuns {
  /** The fewest baseline runs whose spread the multi-run gate estimates. */
  static final int MIN_RUNS = 3;

  private BaselineRuns() {}

  /** The checks by operation against {@code given} (as the key lists them); empty when none is given. */
  static Map<String, List<SlaCheck>> gate(RunData current, List<Path> given, double maxPct) {
    if (given.isEmpty()) {
      return Map.of();
    }
    List<RunData> runs = load(given, current.runDirectory());
    if (runs.size() == 1) {
      return BaselineGate.byOperation(current, runs.get(0), maxPct);
    }
    if (runs.size() < MIN_RUNS) {
      throw new IllegalArgumentException("baseline: " + runs.size() + " runs given (" + runs.stream()
          .map(r -> r.runDirectory().toString()).toList() + "); give one run (the single-run gate) or at least "
          + MIN_RUNS + " (a prediction interval over their spread: from 2 runs it has 1 degree of freedom and"
          + " fails almost nothing)");
    }
    return PredictionGate.byOperation(current, runs, maxPct);
  }

  /**
   * Each given path loaded; a directory that is no run but holds run directories (each with a {@value
   * RunLayout#RESULTS_FILE} or the reference's results file) stands for them, in name order; the current run itself is skipped there (a
   * directory of the last runs may already hold it), never when named. A path that is neither is an error naming it.
   */
  static List<RunData> load(List<Path> given, Path currentRun) {
    Path self = currentRun == null ? null : currentRun.toAbsolutePath().normalize();
    List<RunData> out = new ArrayList<>();
    for (Path path : given) {
      List<Path> dirs = expand(path);
      for (Path dir : dirs) {
        if (dirs.size() == 1 && dirs.get(0) == path || !dir.toAbsolutePath().normalize().equals(self)) {
          out.add(loadOne(dir));
        }
      }
    }
    return out;
  }

  private static List<Path> expand(Path path) {
    if (!Files.isDirectory(path) || isRun(path)) {
      return List.of(path);
    }
    try (Stream<Path> s = Files.list(path)) {
      List<Path> runs = s.filter(BaselineRuns::isRun).sorted().toList();
      return runs.isEmpty() ? List.of(path) : runs; // none: loading it says why it is no run
    } catch (IOException e) {
      throw new UncheckedIOException("baseline: " + path + ": cannot list (" + e.getMessage() + ")", e);
    }
  }

  private static boolean isRun(Path dir) {
    return Files.isRegularFile(dir.resolve(RunLayout.RESULTS_FILE))
        || Files.isRegularFile(dir.resolve(RunDirectory.REFERENCE_FILE_NAME));
  }

  private static RunData loadOne(Path dir) {
    try {
      return RunDirectory.load(dir);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("baseline: " + e.getMessage(), e);
    }
  }
}
