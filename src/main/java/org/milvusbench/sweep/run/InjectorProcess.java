package org.milvusbench.sweep.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One local injector: a JVM on this JVM's class path running the sweep simulation with Gatling's
 * own main, as {@code mvn gatling:test} does, its output in {@code dir/output.log}, its run
 * directory and Gatling report under {@code dir}.
 */
record InjectorProcess(int index, Path dir, Path log, Process process) {

  static InjectorProcess start(int index, Path dir, Map<String, String> props, Class<?> simulation, List<String> jvmFlags) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    props.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.gatling.app.Gatling",
        "-s", simulation.getName(), "-rf", dir.resolve("gatling").toString()));
    Path log = dir.resolve("output.log");
    try {
      Files.createDirectories(dir);
      // Same working directory as this JVM: relative data paths (data/querypool) resolve alike.
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      return new InjectorProcess(index, dir, log, process);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start injector " + index + " (log " + log + ")", e);
    }
  }

  /** Its output so far. */
  String output() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }

  /** Its last {@code [milvus-sweep] error:} line, without the prefix; null if none. */
  String lastError() {
    String prefix = "[milvus-sweep] error: ";
    String last = null;
    for (String line : output().split("\n")) {
      if (line.startsWith(prefix)) {
        last = line.substring(prefix.length()).strip();
      }
    }
    return last;
  }

  /** The run directory it wrote (the one holding results.json under {@link #dir}). */
  Path runDir() {
    try (Stream<Path> entries = Files.list(dir)) {
      List<Path> runs = entries.filter(d -> Files.isRegularFile(d.resolve("results.json"))).toList();
      if (runs.size() != 1) {
        throw new IllegalStateException("injector " + index + " exited normally but left " + runs.size()
            + " run directories with results.json in " + dir + " (log " + log + ")");
      }
      return runs.get(0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir, e);
    }
  }

  void destroy() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}
