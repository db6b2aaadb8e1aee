package org.milvusbench.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.milvusbench.analyzer.AnalysisReport;
import org.milvusbench.analyzer.Analyzer;
import org.milvusbench.analyzer.AnalyzerOptions;
import org.milvusbench.analyzer.LevelMetrics;
import org.milvusbench.analyzer.SlaCheck;

/**
 * The baseline gate's false-positive rate and power, measured on the embedded target. K sweeps of one
 * configuration (smoke collection, a few levels, short levels, several trials each) are gated against
 * each other, every ordered pair: the fraction that fails is the false-positive rate (goal ≤ 5 %). The
 * target is then restarted with {@code --service-delay-ms} = 20 % of the undelayed P50 at the lowest
 * level (measured here, rounded up, at least 1 ms), D sweeps run against it, and each is gated against
 * each undelayed run: the fraction that fails is the power. A throw-away sweep warms each target first.
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt
 * java -Dbench.runs=6 -Dbench.delayedRuns=4 -cp $PWD/target/test-classes:$PWD/target/classes:$(cat target/test-cp.txt) \
 *     org.milvusbench.faults.BaselineGateRateBenchmark
 * </pre>
 *
 * Properties (defaults): bench.runs (6), bench.delayedRuns (4), bench.levels (1,4), bench.duration (3s),
 * bench.trials (3), bench.nq (8: queries per request, so that a service time of a few ms makes a 1 ms
 * delay close to 20 %), bench.maxRegressionPct (10), bench.work (a fresh temp directory).
 * {@code -Dbench.regate=true} with an earlier bench.work sweeps nothing: it gates that work directory's
 * runs again (after a change to the gate, on the same data). Beside the gate's own verdict it counts, on
 * the same pairs, what the uncorrected rule would fail (a large change whose check alone has one-sided
 * p &lt; 2.5 %, which is the earlier gate's two-sided 95 % interval lying wholly on the worse side).
 * On the same runs it also gates with a multi-run baseline ({@code -Dbaseline=a,b,c}): each undelayed
 * run against the other undelayed runs as one baseline (false positives, of bench.runs) and each delayed
 * run against all undelayed runs (power, of bench.delayedRuns), printed beside the pairwise figures.
 */
public final class BaselineGateRateBenchmark {
  private static final double EFFECT = 0.20;

  private final Path work;
  private final Map<String, String> sweepProps;
  private int sweeps;

  private BaselineGateRateBenchmark(Path work) {
    this.work = work;
    sweepProps = Map.of("prepare", "true", "profile", "smoke", "sweep.levels", prop("bench.levels", "1,4"),
        "sweep.duration", prop("bench.duration", "3s"), "sweep.trials", prop("bench.trials", "3"),
        "sweep.pause", "0s", "search.nq", prop("bench.nq", "8"));
  }

  public static void main(String[] args) throws Exception {
    int runs = Integer.parseInt(prop("bench.runs", "6"));
    int delayedRuns = Integer.parseInt(prop("bench.delayedRuns", "4"));
    double maxPct = Double.parseDouble(prop("bench.maxRegressionPct", "10"));
    String workProp = System.getProperty("bench.work");
    Path work = workProp != null ? Files.createDirectories(Path.of(workProp)) : Files.createTempDirectory("gate-rate");
    BaselineGateRateBenchmark bench = new BaselineGateRateBenchmark(work);
    long started = System.nanoTime();
    String loadBefore = loadAverage();

    boolean regate = Boolean.getBoolean("bench.regate");
    List<Path> same = new ArrayList<>();
    if (regate) {
      for (int i = 0; i < runs; i++) same.add(RunDirs.only(work.resolve("same-" + i)));
    } else {
      try (TargetChild target = TargetChild.start(work.resolve("target.txt"), work.resolve("data"), 0)) {
        bench.sweep(target, "warm");
        for (int i = 0; i < runs; i++) same.add(bench.sweep(target, "same-" + i));
      }
    }
    List<AnalysisReport> plain = same.stream().map(d -> Analyzer.analyze(d, AnalyzerOptions.defaults())).toList();
    double p50Ms = plain.stream().mapToDouble(r -> r.levels().get(0).p50Ms()).average().orElseThrow();
    long delayMs = Math.max(1, (long) Math.ceil(EFFECT * p50Ms));

    List<Path> delayed = new ArrayList<>();
    if (regate) {
      for (int i = 0; i < delayedRuns; i++) delayed.add(RunDirs.only(work.resolve("delayed-" + i)));
    } else {
      try (TargetChild slow = TargetChild.start(work.resolve("slow.txt"), work.resolve("data"), 0,
          "--service-delay-ms", Long.toString(delayMs))) {
        bench.sweep(slow, "warm-slow");
        for (int i = 0; i < delayedRuns; i++) delayed.add(bench.sweep(slow, "delayed-" + i));
      }
    }

    Tally fp = new Tally();
    for (Path current : same) {
      for (Path baseline : same) {
        if (current != baseline) fp.add(gate(current, baseline, maxPct));
      }
    }
    Tally power = new Tally();
    for (Path current : delayed) {
      for (Path baseline : same) power.add(gate(current, baseline, maxPct));
    }
    // The multi-run baseline on the same runs: each undelayed run against the other undelayed runs as
    // one baseline, each delayed run against all of them.
    Tally multiFp = new Tally();
    for (Path current : same) {
      multiFp.add(gate(current, same.stream().filter(b -> b != current).toList(), maxPct));
    }
    Tally multiPower = new Tally();
    for (Path current : delayed) multiPower.add(gate(current, same, maxPct));

    System.out.printf(Locale.ROOT, "%nbaseline gate false-positive rate and power, %s%n", bench.sweepProps);
    System.out.printf(Locale.ROOT, "  %d cores, load average before %s, after %s; %d sweeps in %.0f s; allowance %.0f %%%n",
        Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage(), bench.sweeps,
        (System.nanoTime() - started) / 1e9, maxPct);
    System.out.printf(Locale.ROOT, "  undelayed P50 at c=%s: %.2f ms (runs: %s); delay %d ms = %+.1f %% of it%n",
        plain.get(0).levels().get(0).name(), p50Ms, perRun(plain), delayMs, 100.0 * delayMs / p50Ms);
    System.out.printf(Locale.ROOT, "  false positives: %d of %d ordered pairs fail = %.1f %% (goal <= 5 %%);"
        + " uncorrected rule: %d%n", fp.failedPairs, fp.pairs, fp.rate(), fp.uncorrectedFailedPairs);
    fp.print();
    System.out.printf(Locale.ROOT, "  power: %d of %d (delayed run, undelayed baseline) pairs fail = %.1f %%;"
        + " uncorrected rule: %d%n", power.failedPairs, power.pairs, power.rate(), power.uncorrectedFailedPairs);
    power.print();
    System.out.printf(Locale.ROOT, "  multi-run baseline, false positives: %d of %d undelayed runs fail against the"
        + " other %d as one baseline = %.1f %% (pairwise above: %.1f %%)%n", multiFp.failedPairs, multiFp.pairs,
        runs - 1, multiFp.rate(), fp.rate());
    multiFp.print();
    System.out.printf(Locale.ROOT, "  multi-run baseline, power: %d of %d delayed runs fail against all %d undelayed"
        + " runs = %.1f %% (pairwise above: %.1f %%)%n", multiPower.failedPairs, multiPower.pairs, runs,
        multiPower.rate(), power.rate());
    multiPower.print();
    System.out.println("  work directory: " + work);
    System.exit(0);
  }

  private Path sweep(TargetChild target, String name) throws Exception {
    Map<String, String> props = new HashMap<>(sweepProps);
    props.put("milvus.uri", target.uri());
    props.put("sweep.runDir", work.resolve(name).toString());
    if (name.startsWith("warm")) {
      props.put("sweep.duration", "1s");
      props.put("sweep.trials", "1");
    }
    try (JavaChild child = JavaChild.sweep(work, name, props)) {
      int status = child.waitFor(600);
      if (status != 0) throw new IllegalStateException(name + ": sweep exited " + status + "\n" + child.output());
    }
    sweeps++;
    System.out.printf(Locale.ROOT, "  sweep %s done (load %s)%n", name, loadAverage());
    return RunDirs.only(work.resolve(name));
  }

  private static List<SlaCheck> gate(Path current, Path baseline, double maxPct) {
    return gate(current, List.of(baseline), maxPct);
  }

  private static List<SlaCheck> gate(Path current, List<Path> baselines, double maxPct) {
    AnalyzerOptions options = AnalyzerOptions.builder().baselines(baselines).maxRegressionPct(maxPct).build();
    return Analyzer.analyze(current, options).sla().stream().filter(c -> c.name().startsWith("baseline.")).toList();
  }

  private static String perRun(List<AnalysisReport> reports) {
    List<String> out = new ArrayList<>();
    for (AnalysisReport r : reports) {
      LevelMetrics first = r.levels().get(0);
      out.add(String.format(Locale.ROOT, "%.2f", first.p50Ms()));
    }
    return String.join(" / ", out);
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (Exception e) {
      return "?";
    }
  }

  private static String prop(String key, String fallback) {
    return System.getProperty(key, fallback);
  }

  /** Pairs gated, pairs with any failing check, and per check how often it failed, with its messages. */
  static final class Tally {
    /** The check message's whole-level change, "(+12.3 %;" (the A/B checks': "(+12.3 %,"). */
    static final java.util.regex.Pattern CHANGE = java.util.regex.Pattern.compile("\\(([+-][0-9.]+) %[;,]");
    /** The check's one-sided p-value, "p = 0.0123,". */
    static final java.util.regex.Pattern P = java.util.regex.Pattern.compile("; p = ([0-9.]+),");
    int pairs;
    int failedPairs;
    int uncorrectedFailedPairs;
    final Map<String, int[]> failsByCheck = new TreeMap<>();
    final Map<String, List<String>> messagesByCheck = new TreeMap<>();

    void add(List<SlaCheck> checks) {
      pairs++;
      if (checks.stream().anyMatch(c -> !c.passed())) failedPairs++;
      if (checks.stream().anyMatch(Tally::failsUncorrected)) uncorrectedFailedPairs++;
      for (SlaCheck c : checks) {
        int[] counts = failsByCheck.computeIfAbsent(c.name(), k -> new int[2]);
        counts[0] += c.passed() ? 0 : 1;
        counts[1]++;
        // failures first, so that the examples printed show what failed
        List<String> messages = messagesByCheck.computeIfAbsent(c.name(), k -> new ArrayList<>());
        messages.add(c.passed() ? messages.size() : counts[0] - 1, (c.passed() ? "" : "FAIL ") + c.message());
      }
    }

    /** Large (the message's verdict says so) and p < 0.025 alone, without Holm. */
    static boolean failsUncorrected(SlaCheck c) {
      java.util.regex.Matcher m = P.matcher(c.message());
      boolean large = c.message().endsWith("REGRESSION") || c.message().endsWith("larger than allowed, not rejected by Holm");
      return large && m.find() && Double.parseDouble(m.group(1)) < 0.025;
    }

    double rate() {
      return pairs == 0 ? 0 : 100.0 * failedPairs / pairs;
    }

    void print() {
      failsByCheck.forEach((name, counts) -> {
        double[] changes = messagesByCheck.get(name).stream().map(CHANGE::matcher).filter(java.util.regex.Matcher::find)
            .mapToDouble(m -> Double.parseDouble(m.group(1))).toArray();
        java.util.DoubleSummaryStatistics st = java.util.Arrays.stream(changes).summaryStatistics();
        System.out.printf(Locale.ROOT, "    %-20s fails %d of %d; change mean %+.1f %%, range %+.1f .. %+.1f %%%n", name,
            counts[0], counts[1], st.getAverage(), st.getMin(), st.getMax());
        messagesByCheck.get(name).stream().limit(3).forEach(m -> System.out.println("      e.g. " + m));
      });
    }
  }
}
