package org.milvusbench.analyzer;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.milvusbench.rundir.SweepResults;

/**
 * The analyzer's entry point for code (the sweep calls it at the end of {@code mvn
 * gatling:test}); {@code cli.AnalyzerMain} is the one for people. Pure computation: no Gatling, no
 * I/O beyond reading the run's own files.
 *
 * <pre>{@code
 * AnalysisReport report = Analyzer.analyze(results, runDir, AnalyzerOptions.fromConfig(props));
 * ReportWriter.writeAll(runDir, report);
 * report.breaches().forEach(System.err::println);
 * }</pre>
 */
public final class Analyzer {
  private Analyzer() {}

  /** Analyses the sweep's results; histogram and raw files are resolved against {@code runDir}. */
  public static AnalysisReport analyze(SweepResults results, Path runDir, AnalyzerOptions options) {
    return analyze(RunDirectory.of(results, runDir), options);
  }

  /** Loads {@code path} (run directory, results.json or the reference JSON) and analyses it. */
  public static AnalysisReport analyze(Path path, AnalyzerOptions options) {
    return analyze(RunDirectory.load(path), options);
  }

  /** A knee whose next level is generator-bound may be the generator's knee: say so. */
  private static Knee caveat(Knee knee, List<LittlesLawCheck> little) {
    if (!knee.found()) return knee;
    boolean generatorBound = little.stream()
        .anyMatch(c -> c.generatorBound() && c.concurrency() == knee.toLoad());
    if (!generatorBound) return knee;
    return new Knee(knee.rule(), true, knee.fromLoad(), knee.toLoad(), knee.qpsGainPct(),
        knee.p95IncreasePct(), knee.efficiency(), knee.message()
            + " (caution: " + Format.load(knee.toLoad()) + " is generator-bound, so this may be the"
            + " generator's knee, not the target's)");
  }

  /**
   * Analyses a loaded run: its main rows with {@code sla.p95Ms} (or the main operation's own key),
   * and each other operation's rows as a run of their own, with that operation's {@code
   * sla.p95Ms.<operation>} and no capacity plan.
   */
  public static AnalysisReport analyze(RunData run, AnalyzerOptions options) {
    // The baseline gate judges every operation's checks as one family (Holm), so it runs once here.
    java.util.Map<String, List<SlaCheck>> gated =
        new java.util.LinkedHashMap<>(BaselineRuns.gate(run, options.baselines(), options.maxRegressionPct()));
    // An A/B run carries its baseline target's rows: their paired verdict is a family of its own.
    if (run.abBaseline() != null) {
      PairedGate.byOperation(run, run.abBaseline(), options.maxRegressionPct()).forEach((op, checks) -> gated.merge(op,
          checks, (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
    }
    java.util.Map<String, AnalysisReport> operations = new java.util.LinkedHashMap<>();
    run.operations().forEach((op, data) -> operations.put(op, analyzeOne(data, options.forOperation(op, false),
        java.util.Map.of(), false, gated.getOrDefault(op, List.of()), true)));
    return analyzeOne(run, options.forOperation(run.operation(), true), operations, true,
        gated.getOrDefault(run.operation(), List.of()), true);
  }

  /**
   * @param primary the run's main rows; another operation's users are the level's users, not its
   *     own, so Little's law (and the hints and caveats drawn from it) does not apply to its rows
   * @param withSpread compute a one-trial run's {@link IntervalBootstrap} (not for a trial read for its knee)
   */
  private static AnalysisReport analyzeOne(RunData run, AnalyzerOptions options,
      java.util.Map<String, AnalysisReport> operations, boolean primary, List<SlaCheck> baselineChecks,
      boolean withSpread) {
    List<LevelMetrics> levels = run.levels();
    LevelMetrics baseline = levels.get(0);
    List<LevelMetrics> measured = levels.stream().filter(LevelMetrics::hasLatency).toList();
    LevelMetrics bestQps = levels.stream().max(Comparator.comparingDouble(LevelMetrics::qps)).get();
    LevelMetrics lowestP95 =
        measured.stream().min(Comparator.comparingDouble(LevelMetrics::p95Ms)).orElse(null);
    LevelMetrics bestScore =
        measured.stream().max(Comparator.comparingDouble(LevelMetrics::score)).orElse(null);
    // An unsteady level measured a transient, not its load: the knee skips it unless asked not to.
    List<LevelMetrics> kneeLevels = options.kneeIncludesUnsteady() ? levels
        : levels.stream().filter(l -> run.steadiness(l).steady()).toList();
    Knee knee = KneeDetector.find(kneeLevels, options);
    Knee referenceKnee =
        options.kneeRule() == KneeRule.REFERENCE
            ? knee
            : KneeDetector.find(kneeLevels, options.toBuilder().kneeRule(KneeRule.REFERENCE).build());
    UslModel usl = UslFitter.fit(levels, run.openModel());
    List<LittlesLawCheck> little = primary ? LittlesLawCheck.check(levels, run.cpuCores()) : List.of();
    knee = caveat(knee, little);
    referenceKnee = options.kneeRule() == KneeRule.REFERENCE ? knee : caveat(referenceKnee, little);
    List<BottleneckHint> hints = BottleneckHints.find(levels, little, run.cpuCores());
    Recommendation rec = Recommendation.choose(levels, options);
    CapacityPlan plan = null;
    if (options.targetQps().isPresent() && rec.found()) {
      String sla = options.hasLevelSla() ? Recommendation.slaText(options) : "";
      plan = CapacityPlan.of(options.targetQps().getAsDouble(), rec.level(), options.redundancy(), sla);
    }
    List<SlaCheck> sla = new java.util.ArrayList<>(SlaGate.evaluate(levels, knee, rec, options));
    sla.addAll(baselineChecks);
    TrialSummary trials = trials(run, options, knee);
    return new AnalysisReport(run, options, baseline, bestQps, lowestP95, bestScore,
        KneeDetector.steps(levels), knee, referenceKnee, usl, little, hints, rec, plan, sla, operations,
        trials, trials == null && withSpread ? IntervalBootstrap.of(run) : List.of());
  }

  /** Each trial analysed alone for its knee, and the trials' spread per load. */
  private static TrialSummary trials(RunData run, AnalyzerOptions options, Knee pooledKnee) {
    if (run.trials().size() < 2) {
      return null;
    }
    List<Knee> knees = new java.util.ArrayList<>();
    for (RunData trial : run.trials()) {
      knees.add(analyzeOne(trial, options.toBuilder().baseline(null).targetQps(null).build(), java.util.Map.of(),
          true, List.of(), false).knee());
    }
    return TrialSummary.of(run, knees, pooledKnee);
  }
}
