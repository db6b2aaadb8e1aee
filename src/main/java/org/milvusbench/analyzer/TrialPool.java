package org.milvusbench.analyzer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.milvusbench.rundir.LatencyStats;

/**
 * A run of several trials ({@code sweep.trials}) as one: each load's trials pooled — requests,
 * successes and failures summed, windows added (QPS = all requests ÷ all windows), latencies from
 * the trials' histograms added (HdrHistogram, the run's precision), recall weighted by requests —
 * with the trials kept beside it for their spread and their knees.
 */
final class TrialPool {
  private TrialPool() {}

  static RunData pool(List<RunData> trials) {
    RunData first = trials.get(0);
    Map<Double, List<Integer>> byLoad = new TreeMap<>();
    for (int t = 0; t < trials.size(); t++) {
      for (LevelMetrics l : trials.get(t).levels()) {
        byLoad.computeIfAbsent(l.load(), k -> new ArrayList<>()).add(t);
      }
    }
    List<LevelMetrics> levels = new ArrayList<>();
    List<Histogram> histograms = new ArrayList<>();
    List<LevelIntervals> intervals = new ArrayList<>();
    byLoad.forEach((load, ts) -> {
      List<LevelMetrics> rows = new ArrayList<>();
      Histogram merged = null;
      List<Histogram> slices = new ArrayList<>();
      List<Long> failures = new ArrayList<>();
      boolean judged = true;
      boolean steady = true;
      for (int t : ts) {
        RunData trial = trials.get(t);
        LevelMetrics l = trial.levels().stream().filter(x -> x.load() == load).findFirst().orElseThrow();
        rows.add(l);
        Histogram h = trial.histogramsMicros().get(trial.levels().indexOf(l));
        if (h != null) {
          merged = merged == null ? h.copy() : add(merged, h);
        }
        LevelIntervals li = trial.intervals(l);
        slices.addAll(li.histogramsMicros());
        failures.addAll(li.failures());
        judged &= li.steadiness().judged();
        steady &= li.steadiness().steady();
      }
      levels.add(pooled(rows, merged));
      histograms.add(merged);
      SteadyState verdict = !judged ? SteadyState.notJudged("not every trial could be judged")
          : new SteadyState(true, steady, null, null, steady ? "" : "unsteady in at least one trial");
      intervals.add(new LevelIntervals(slices, failures, verdict));
    });
    Map<String, RunData> operations = new LinkedHashMap<>();
    for (String op : first.operations().keySet()) {
      List<RunData> ofOp = new ArrayList<>();
      trials.forEach(t -> {
        if (t.operations().containsKey(op)) ofOp.add(t.operations().get(op));
      });
      operations.put(op, pool(ofOp));
    }
    List<String> integrity = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    trials.forEach(t -> {
      integrity.addAll(t.integrityErrors());
      warnings.addAll(t.warnings());
    });
    return new RunData(first.source(), first.runDirectory(), first.format(), first.runId(), first.mode(), levels,
        histograms, first.gatlingReport(), first.cpuCores(), warnings, intervals, first.operation(), operations,
        integrity, trials);
  }

  private static Histogram add(Histogram into, Histogram h) {
    into.add(h);
    return into;
  }

  private static LevelMetrics pooled(List<LevelMetrics> rows, Histogram merged) {
    LevelMetrics one = rows.get(0);
    long total = 0, successes = 0, failures = 0;
    double seconds = 0, recallSum = 0;
    long recallWeight = 0;
    for (LevelMetrics l : rows) {
      total += l.totalRequests();
      successes += l.successes();
      failures += l.failures();
      seconds += l.totalTimeSeconds();
      if (l.recall() != null) {
        recallSum += l.recall() * l.successes();
        recallWeight += l.successes();
      }
    }
    LatencyStats s = merged == null ? LatencyStats.EMPTY : LatencyStats.fromHistogram(merged);
    String name = one.name().replaceFirst(" t\\d+$", "");
    return new LevelMetrics(name, one.concurrency(), one.targetRatePerSec(), total, seconds,
        seconds > 0 ? total / seconds : 0, seconds > 0 ? successes / seconds : 0, s.meanMicros() / 1000,
        s.p50Micros() / 1000, s.p95Micros() / 1000, s.p99Micros() / 1000, s.maxMicros() / 1000, s.minMicros() / 1000,
        s.stdMicros() / 1000, successes, failures, total > 0 ? (double) failures / total : 0,
        recallWeight > 0 ? recallSum / recallWeight : null, one.recallK(), rows.get(rows.size() - 1).resources(),
        "histogram");
  }
}
