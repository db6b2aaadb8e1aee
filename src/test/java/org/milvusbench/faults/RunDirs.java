package org.milvusbench.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.milvusbench.rundir.ResultsJson;

/** Reading what a sweep child left behind, and waiting for lines in its output. */
final class RunDirs {
  private RunDirs() {}

  /** The one run directory under {@code runs}. */
  static Path only(Path runs) throws IOException {
    try (Stream<Path> s = Files.list(runs)) {
      List<Path> dirs = s.filter(Files::isDirectory).toList();
      if (dirs.size() != 1) {
        throw new AssertionError("expected one run directory in " + runs + ", found " + dirs);
      }
      return dirs.get(0);
    }
  }

  static JsonNode results(Path runDir) throws IOException {
    return ResultsJson.mapper().readTree(runDir.resolve("results.json").toFile());
  }

  /** Waits until the child's output contains {@code text}; false on timeout or when it ended first. */
  static boolean awaitOutput(JavaChild child, String text, long seconds) throws Exception {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (child.output().contains(text)) {
        return true;
      }
      if (!child.process.isAlive()) {
        return child.output().contains(text);
      }
      Thread.sleep(50);
    }
    return false;
  }
}
