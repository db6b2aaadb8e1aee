package org.milvusbench.sweep.run;

import org.milvusbench.rundir.RunWriter;
import org.milvusbench.sweep.setup.TargetSetup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.milvusbench.rundir.LevelResult;
import org.milvusbench.rundir.SweepResults;

/**
 * The sweep's end of the run directory: what {@code results.json} says about this run (through
 * {@link RunWriter}), where Gatling put its report, and each level's console line.
 */
final class RunFiles {
  private RunFiles() {}

  static Path writeRun(SweepRun run) {
    List<LevelResult> levels = new ArrayList<>();
    for (Level level : run.levels()) {
      if (level.result() != null) {
        levels.add(level.result());
      }
    }
    TargetSetup.Prepared target = run.target();
    SweepResults results = new SweepResults(SweepResults.SCHEMA, run.runDir().getFileName().toString(),
        run.startedAt().toString(), run.config().mode().name().toLowerCase(),
        new SweepResults.Target(target.target().displayUri(), target.target().embedded(), target.serverVersion()),
        run.config().effective(), Runtime.getRuntime().availableProcessors(), levels, null,
        run.baseline() == null ? null : new SweepResults.Target(run.baseline().target().target().displayUri(), false,
            run.baseline().target().serverVersion()));
    return RunWriter.writeRun(run.runDir(), results, run.config().effective());
  }

  /**
   * Gatling 3.15 creates its report directory only after the simulation (and its {@code after}
   * hook) has finished, so the path is added to {@code results.json} when this JVM exits: the
   * newest directory under {@code target/gatling} created since the run started.
   */
  static String gatlingRunDir(long sinceMillis) {
    Path root = Path.of("target", "gatling").toAbsolutePath();
    if (!Files.isDirectory(root)) {
      return null;
    }
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve("index.html")))
          .filter(d -> d.toFile().lastModified() >= sinceMillis)
          .max(Comparator.comparingLong(d -> d.toFile().lastModified()))
          .map(Path::toString).orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  static String freshnessLine(LevelResult.Freshness f) {
    String delays = f.micros() == null ? "none visible"
        : String.format("p50 %.2f ms  p95 %.2f ms  max %.2f ms", f.micros().p50Micros() / 1000,
            f.micros().p95Micros() / 1000, f.micros().maxMicros() / 1000);
    return String.format("  freshness (%s consistency): %d rows probed, %d not searchable within %d s; %s",
        f.consistency(), f.samples(), f.notVisible(), f.timeoutMillis() / 1000, delays);
  }

  /** A level's main row's line: its name, and the operation unless it is the search. */
  static String summaryLine(LevelResult r) {
    return summaryLine(r, !r.operationName().equals(LevelResult.SEARCH));
  }

  /** A row's line, e.g. {@code insert c=10   40 req  0 KO …}. */
  static String summaryLine(LevelResult r, boolean withOperation) {
    double window = r.windowSeconds();
    String name = withOperation ? r.operationName() + " " + r.name() : r.name();
    StringBuilder sb = new StringBuilder(String.format("%-10s %6d req %4d KO  %9.1f req/s  p50 %8.2f ms  p95 %8.2f ms  p99 %8.2f ms",
        name, r.totalRequests(), r.failures(), window > 0 ? r.totalRequests() / window : 0,
        r.latencyMicros().p50Micros() / 1000, r.latencyMicros().p95Micros() / 1000, r.latencyMicros().p99Micros() / 1000));
    if (r.rows() != null) {
      sb.append(String.format("  %d rows (%.0f rows/s)", r.rows(), window > 0 ? r.rows() / window : 0));
    }
    if (r.recall() != null && r.recall().samples() > 0) {
      sb.append(String.format("  recall@%d %.3f", r.recall().k(), r.recall().mean()));
    }
    if (r.serverServiceMicros() != null) {
      sb.append(String.format("  server p50 %.2f ms", r.serverServiceMicros().p50Micros() / 1000));
    }
    if (r.serverPrometheus() != null) {
      sb.append(serverPrometheus(r.serverPrometheus(), window));
    }
    if (r.resources() != null) {
      if (r.resources().target() != null) {
        sb.append(String.format("  target CPU %.0f%%", r.resources().target().cpuPercent()));
      }
      if (r.resources().generator() != null) {
        double cpu = r.resources().generator().cpuPercent();
        sb.append(String.format("  generator CPU %.0f%%", cpu));
        if (r.totalRequests() > 0 && window > 0) {
          // CPU time per request: what one more request costs this JVM (at low rates mostly wake-ups).
          sb.append(String.format(" (%.0f µs/req)", cpu / 100 * window * 1e6 / r.totalRequests()));
        }
      }
    }
    return sb.toString();
  }

  /** Each stage's percentiles the endpoint exposed (proxy, its queue, query node, its queue), then its CPU. */
  private static String serverPrometheus(LevelResult.ServerPrometheus p, double window) {
    StringBuilder sb = new StringBuilder();
    for (String stage : List.of("proxy", "proxyQueue", "queryNode", "queryNodeQueue")) {
      LevelResult.Percentiles c = p.component(stage);
      if (c != null && c.p95Ms() != null) {
        sb.append(String.format("  server %s p50 %.2f ms  p95 %.2f ms  p99 %.2f ms", stage, c.p50Ms(), c.p95Ms(),
            c.p99Ms()));
      }
    }
    if (p.cpuSeconds() != null) {
      sb.append(String.format("  server CPU %.1f s", p.cpuSeconds()));
      if (window > 0) {
        sb.append(String.format(" (%.0f%%)", p.cpuSeconds() / window * 100));
      }
    }
    return sb.toString();
  }
}
