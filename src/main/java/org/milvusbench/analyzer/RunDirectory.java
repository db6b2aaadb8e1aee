package org.milvusbench.analyzer;

import org.milvusbench.rundir.RunLayout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.milvusbench.rundir.ResultsJson;
import org.milvusbench.rundir.SweepResults;

/**
 * Loads a run from what a user points at: a run directory (with {@code results.json}, or the
 * reference script's {@code concurrent_test_results.json}), our results file, or the reference
 * JSON itself. Every problem is an {@link IllegalArgumentException} whose message names the file.
 */
public final class RunDirectory {
  /** The file name the reference script writes. */
  public static final String REFERENCE_FILE_NAME = "concurrent_test_results.json";

  private RunDirectory() {}

  /** Loads the run at {@code path} (directory or file). */
  public static RunData load(Path path) {
    if (Files.isDirectory(path)) {
      Path results = path.resolve(RunLayout.RESULTS_FILE);
      if (Files.isRegularFile(results)) return loadFile(results);
      Path reference = path.resolve(REFERENCE_FILE_NAME);
      if (Files.isRegularFile(reference)) return loadFile(reference);
      throw new IllegalArgumentException(
          path + ": not a run directory (no " + RunLayout.RESULTS_FILE + " or "
              + REFERENCE_FILE_NAME + " in it)");
    }
    if (!Files.exists(path)) {
      throw new IllegalArgumentException(path + ": no such run directory or results file");
    }
    return loadFile(path);
  }

  /** Loads our results (as the sweep hands them over) with files resolved against {@code runDir}. */
  public static RunData of(SweepResults results, Path runDir) {
    if (results.levels() == null || results.levels().isEmpty()) {
      throw new IllegalArgumentException(runDir.resolve(RunLayout.RESULTS_FILE) + ": no levels");
    }
    return SweepResultsReader.read(runDir.resolve(RunLayout.RESULTS_FILE), results);
  }

  private static RunData loadFile(Path file) {
    JsonNode root;
    try {
      root = ResultsJson.mapper().readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + ": corrupt JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new IllegalArgumentException(file + ": empty file; a results JSON was expected");
    }
    if (ReferenceResultsReader.looksLikeReference(root)) {
      return ReferenceResultsReader.read(file, root);
    }
    if (!root.isObject() || !root.has("levels") || !root.get("levels").isArray()) {
      throw new IllegalArgumentException(
          file + ": not a results file (neither results.json with \"levels\" nor the reference's"
              + " per-level list with \"并发数\")");
    }
    SweepResults results;
    try {
      results = ResultsJson.mapper().treeToValue(root, SweepResults.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + ": corrupt results: " + e.getOriginalMessage(), e);
    }
    return SweepResultsReader.read(file, results);
  }
}
