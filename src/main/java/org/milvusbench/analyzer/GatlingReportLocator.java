package org.milvusbench.analyzer;

import org.milvusbench.rundir.RunLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds Gatling's HTML report for a run: the directory the sweep recorded in {@code results.json}
 * ({@code gatlingReportDir}), else the {@code gatlingReport} config entry (relative to the run
 * directory, or absolute), else a report directory ({@code
 * index.html} + {@code js/}) beside the run directory or under {@code ../gatling/}, the one
 * modified closest to the run. Optional: null when none is found.
 */
final class GatlingReportLocator {
  static final String CONFIG_KEY = "gatlingReport";

  private GatlingReportLocator() {}

  /** @param recorded the report directory the sweep wrote down, or null */
  static Path locate(Path runDir, String recorded, Map<String, String> config) {
    if (recorded != null && !recorded.isBlank()) {
      Path p = runDir.resolve(recorded.trim()).normalize();
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    String configured = config == null ? null : config.get(CONFIG_KEY);
    if (configured != null && !configured.isBlank()) {
      Path p = runDir.resolve(configured.trim()).normalize();
      return Files.isDirectory(p) ? p : null;
    }
    Path parent = runDir.getParent();
    if (parent == null) return null;
    List<Path> candidates = new ArrayList<>();
    collect(parent, runDir, candidates);
    collect(parent.resolve("gatling"), runDir, candidates);
    long runTime = modified(runDir.resolve(RunLayout.RESULTS_FILE));
    return candidates.stream()
        .min(Comparator.comparingLong(p -> Math.abs(modified(p.resolve("index.html")) - runTime)))
        .orElse(null);
  }

  private static void collect(Path dir, Path runDir, List<Path> out) {
    if (!Files.isDirectory(dir)) return;
    try (Stream<Path> children = Files.list(dir)) {
      children
          .filter(p -> !p.equals(runDir))
          .filter(p -> Files.isRegularFile(p.resolve("index.html")) && Files.isDirectory(p.resolve("js")))
          .forEach(out::add);
    } catch (IOException e) {
      // An unreadable sibling directory just means no link; the report is optional.
    }
  }

  private static long modified(Path p) {
    try {
      return Files.getLastModifiedTime(p).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }
}
