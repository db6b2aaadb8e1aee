package org.milvusbench.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.milvusbench.analyzer.AnalysisReport;
import org.milvusbench.analyzer.Analyzer;
import org.milvusbench.analyzer.AnalyzerOptions;
import org.milvusbench.analyzer.SlaCheck;

/**
 * The A/B mode's false-positive rate and power ({@code compare.uri}), the sibling of {@link
 * BaselineGateRateBenchmark}: two undelayed embedded targets (child JVMs, data directories of their
 * own) are compared K times, each sweep alternating them level by level (ABBA by trial); the fraction
 * of sweeps with a failing A/B check is the false-positive rate (goal ≤ 5 %). The candidate is then
 * restarted with {@code --service-delay-ms} = 20 % of its undelayed P50 at the lowest level (measured
 * here, rounded up, at least 1 ms) and compared D times with the undelayed baseline: the fraction that
 * fails is the power. A throw-away A/B sweep warms both targets first.
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt
 * java -Dbench.runs=6 -Dbench.delayedRuns=4 -cp $PWD/target/test-classes:$PWD/target/classes:$(cat target/test-cp.txt) \
 *     org.milvusbench.faults.AbGateRateBenchmark
 * </pre>
 *
 * Properties (defaults): bench.runs (6), bench.delayedRuns (4), bench.levels (1,4), bench.duration (3s),
 * bench.trials (5), bench.nq (8), bench.maxRegressionPct (10), bench.work (a fresh temp directory).
 */
public final class AbGateRateBenchmark {
  private static final double EFFECT = 0.20;

  private final Path work;
  private final Map<String, String> sweepProps;
  private int sweeps;

  private AbGateRateBenchmark(Path work, double maxPct) {
    this.work = work;
    sweepProps = Map.of("prepare", "true", "profile", "smoke", "sweep.levels", prop("bench.levels", "1,4"),
        "sweep.duration", prop("bench.duration", "3s"), "sweep.trials", prop("bench.trials", "5"),
        "sweep.pause", "0s", "search.nq", prop("bench.nq", "8"), "sla.maxRegressionPct", Double.toString(maxPct));
  }

  public static void main(String[] args) throws Exception {
    int runs = Integer.parseInt(prop("bench.runs", "6"));
    int delayedRuns = Integer.parseInt(prop("bench.delayedRuns", "4"));
    double maxPct = Double.parseDouble(prop("bench.maxRegressionPct", "10"));
    String workProp = System.getProperty("bench.work");
    Path work = workProp != null ? Files.createDirectories(Path.of(workProp)) : Files.createTempDirectory("ab-rate");
    AbGateRateBenchmark bench = new AbGateRateBenchmark(work, maxPct);
    long started = System.nanoTime();
    String loadBefore = BaselineGateRateBenchmark.loadAverage();

    List<Path> same = new ArrayList<>();
    List<Path> delayed = new ArrayList<>();
    long delayMs;
    double p50Ms;
    try (TargetChild baseline = TargetChild.start(work.resolve("baseline.txt"), work.resolve("data-b"), 0)) {
      try (TargetChild candidate = TargetChild.start(work.resolve("candidate.txt"), work.resolve("data-c"), 0)) {
        bench.sweep(candidate, baseline, "warm");
        for (int i = 0; i < runs; i++) same.add(bench.sweep(candidate, baseline, "same-" + i));
      }
      List<AnalysisReport> plain = same.stream().map(d -> Analyzer.analyze(d, AnalyzerOptions.defaults())).toList();
      p50Ms = plain.stream().mapToDouble(r -> r.levels().get(0).p50Ms()).average().orElseThrow();
      delayMs = Math.max(1, (long) Math.ceil(EFFECT * p50Ms));
      try (TargetChild slow = TargetChild.start(work.resolve("slow.txt"), work.resolve("data-c"), 0,
          "--service-delay-ms", Long.toString(delayMs))) {
        bench.sweep(slow, baseline, "warm-slow");
        for (int i = 0; i < delayedRuns; i++) delayed.add(bench.sweep(slow, baseline, "delayed-" + i));
      }
    }
    BaselineGateRateBenchmark.Tally fp = new BaselineGateRateBenchmark.Tally();
    same.forEach(run -> fp.add(abChecks(run)));
    BaselineGateRateBenchmark.Tally power = new BaselineGateRateBenchmark.Tally();
    delayed.forEach(run -> power.add(abChecks(run)));

    System.out.printf(Locale.ROOT, "%nA/B gate false-positive rate and power, %s%n", bench.sweepProps);
    System.out.printf(Locale.ROOT, "  %d cores, load average before %s, after %s; %d sweeps in %.0f s; allowance %.0f %%%n",
        Runtime.getRuntime().availableProcessors(), loadBefore, BaselineGateRateBenchmark.loadAverage(), bench.sweeps,
        (System.nanoTime() - started) / 1e9, maxPct);
    System.out.printf(Locale.ROOT, "  undelayed candidate P50 at the lowest level: %.2f ms; delay %d ms = %+.1f %% of it%n",
        p50Ms, delayMs, 100.0 * delayMs / p50Ms);
    System.out.printf(Locale.ROOT, "  false positives: %d of %d A/B sweeps of two undelayed targets fail = %.1f %%"
        + " (goal <= 5 %%); uncorrected rule: %d%n", fp.failedPairs, fp.pairs, fp.rate(), fp.uncorrectedFailedPairs);
    fp.print();
    System.out.printf(Locale.ROOT, "  power: %d of %d A/B sweeps of the delayed candidate fail = %.1f %%;"
        + " uncorrected rule: %d%n", power.failedPairs, power.pairs, power.rate(), power.uncorrectedFailedPairs);
    power.print();
    System.out.println("  work directory: " + work);
    System.exit(0);
  }

  /** One A/B sweep; its exit status is not asserted (a failing verdict is what is counted). */
  private Path sweep(TargetChild candidate, TargetChild baseline, String name) throws Exception {
    Map<String, String> props = new HashMap<>(sweepProps);
    props.put("milvus.uri", candidate.uri());
    props.put("compare.uri", baseline.uri());
    props.put("sweep.runDir", work.resolve(name).toString());
    if (name.startsWith("warm")) {
      props.put("sweep.duration", "1s");
      props.put("sweep.trials", "3");
    }
    try (JavaChild child = JavaChild.sweep(work, name, props)) {
      int status = child.waitFor(900);
      if (status != 0 && status != 1) {
        throw new IllegalStateException(name + ": sweep exited " + status + "\n" + child.output());
      }
    }
    sweeps++;
    System.out.printf(Locale.ROOT, "  sweep %s done (load %s)%n", name, BaselineGateRateBenchmark.loadAverage());
    return RunDirs.only(work.resolve(name));
  }

  /** The run's A/B checks, as {@code analyze} of its directory judges them. */
  private static List<SlaCheck> abChecks(Path run) {
    return Analyzer.analyze(run, AnalyzerOptions.defaults().toBuilder()
        .maxRegressionPct(Double.parseDouble(prop("bench.maxRegressionPct", "10"))).build())
        .sla().stream().filter(c -> c.name().startsWith("ab.")).toList();
  }

  private static String prop(String key, String fallback) {
    return System.getProperty(key, fallback);
  }
}
