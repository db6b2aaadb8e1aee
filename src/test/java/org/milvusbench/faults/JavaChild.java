package org.milvusbench.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started from the test class path (the surefire class path: modules' classes of this
 * reactor), output to a file, always killed at the end: the fault tests drive the real CLIs and
 * the real sweep as a user would, and read their exit status and output.
 */
final class JavaChild implements AutoCloseable {
  final Process process;
  final Path output;
  final long startedNanos = System.nanoTime();

  private JavaChild(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  /**
   * Starts {@code mainClass} with {@code -D} properties and arguments in the directory of {@code output},
   * where its stdout and stderr go.
   */
  static JavaChild start(Path output, Map<String, String> props, String mainClass, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "--add-opens", "java.base/java.lang=ALL-UNNAMED"));
    props.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(mainClass);
    cmd.addAll(List.of(args));
    Files.createDirectories(output.toAbsolutePath().getParent());
    // Relative defaults (data/querypool, data/embedded, target/milvus-sweep) land next to the output.
    Process p = new ProcessBuilder(cmd).directory(output.toAbsolutePath().getParent().toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    return new JavaChild(p, output);
  }

  /** The sweep exactly as {@code mvn gatling:test} runs it (Gatling's main, the sweep simulation). */
  static JavaChild sweep(Path work, Map<String, String> props) throws IOException {
    return sweep(work, "sweep", props);
  }

  /** A sweep whose output goes to {@code name-output.txt} and Gatling's report to {@code gatling-name}. */
  static JavaChild sweep(Path work, String name, Map<String, String> props) throws IOException {
    return start(work.resolve(name + "-output.txt"), props, "io.gatling.app.Gatling",
        "-s", "org.milvusbench.simulations.ConcurrencySweepSimulation", "-rf", work.resolve("gatling-" + name).toString());
  }

  /**
   * Runs sweep {@code name} to its end (at most 240 s) and returns its output; asserts exit 0 when
   * {@code passes}, else a failure status (not 0, and not the -1 of a sweep that never ended).
   */
  static String sweepToEnd(Path work, String name, Map<String, String> props, boolean passes) throws Exception {
    try (JavaChild sweep = sweep(work, name, props)) {
      int status = sweep.waitFor(240);
      String out = sweep.output();
      if (passes) {
        org.junit.jupiter.api.Assertions.assertEquals(0, status, out);
      } else {
        org.junit.jupiter.api.Assertions.assertNotEquals(-1, status, out);
        org.junit.jupiter.api.Assertions.assertNotEquals(0, status, out);
      }
      return out;
    }
  }

  /** Waits up to {@code seconds}; kills the child and fails the caller's assertion (-1) when it does not end. */
  int waitFor(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      return -1;
    }
    return process.exitValue();
  }

  double elapsedSeconds() {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  String output() throws IOException {
    return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
