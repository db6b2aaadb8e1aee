package org.milvusbench.report;

import static org.milvusbench.analyzer.Format.load;
import static org.milvusbench.analyzer.Format.num;
import static org.milvusbench.analyzer.Format.signedPct;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.milvusbench.analyzer.AnalysisReport;
import org.milvusbench.analyzer.BottleneckHint;
import org.milvusbench.analyzer.LevelMetrics;
import org.milvusbench.analyzer.LittlesLawCheck;
import org.milvusbench.analyzer.ScalingStep;
import org.milvusbench.analyzer.SteadyState;

/**
 * The report's tables, built once and rendered as text (console) or HTML (summary): the
 * per-level table in the reference's columns, and the reference's analysis sections 1–3 and 5.
 */
final class ReportTables {
  /** Server stages beyond the proxy's search, by their key in results.json, with their column. */
  private static final List<java.util.Map.Entry<String, String>> SERVER_STAGES = List.of(
      java.util.Map.entry("proxyQueue", "Proxy queue P95 (ms)"), java.util.Map.entry("queryNode", "Query node P95 (ms)"),
      java.util.Map.entry("queryNodeQueue", "QN queue P95 (ms)"));

  private ReportTables() {}

  static String loadHeader(AnalysisReport r) {
    return r.run().openModel() ? "Rate (req/s)" : "Concurrency";
  }

  /** The reference's columns, plus goodput, recall@k and measured CPU. */
  static TextTable levels(AnalysisReport r) {
    List<String> h = new ArrayList<>(List.of(loadHeader(r), "Requests", "Time (s)", "QPS",
        "Goodput (/s)", "Avg (ms)", "P50 (ms)", "P95 (ms)", "P99 (ms)", "Max (ms)", "Min (ms)",
        "Std (ms)", "Successes", "Failures", "Failure rate", "Recall@k"));
    boolean cpu = r.levels().stream().anyMatch(l -> l.resources() != null);
    if (cpu) {
      h.add("Target CPU %");
      h.add("Generator CPU %");
    }
    boolean steadiness = anyJudged(r);
    if (steadiness) {
      h.add("Steady");
    }
    boolean all = r.levels().stream().anyMatch(l -> l.allRequestsMicros() != null);
    if (all) {
      h.add("P95 all (ms)");
      h.add("P99 all (ms)");
    }
    boolean server = r.levels().stream().anyMatch(l -> l.serverP95Ms() != null);
    if (server) {
      h.add("Server P95 (ms)");
    }
    // The other server stages the endpoint exposed, each as its own column (absent stages: none).
    List<java.util.Map.Entry<String, String>> stages = SERVER_STAGES.stream()
        .filter(st -> r.levels().stream().anyMatch(l -> l.serverP95Ms(st.getKey()) != null)).toList();
    stages.forEach(st -> h.add(st.getValue()));
    boolean serverCpu = r.levels().stream().anyMatch(l -> l.server() != null && l.server().cpuSeconds() != null);
    if (serverCpu) {
      h.add("Server CPU (s)");
    }
    TextTable t = new TextTable(h);
    for (LevelMetrics l : r.levels()) {
      List<String> row = new ArrayList<>(List.of(load(l.load()), Long.toString(l.totalRequests()),
          num(l.totalTimeSeconds()), num(l.qps()), num(l.goodput()), num(l.avgMs()),
          num(l.p50Ms()), num(l.p95Ms()), num(l.p99Ms()), num(l.maxMs()), num(l.minMs()),
          num(l.stdMs()), Long.toString(l.successes()), Long.toString(l.failures()),
          failureRate(l), recall(l)));
      if (cpu) {
        row.add(num(l.targetCpuPercent(), 0));
        row.add(num(l.generatorCpuPercent(), 0));
      }
      if (steadiness) {
        SteadyState st = r.run().steadiness(l);
        row.add(!st.judged() ? "n/a" : st.steady() ? "yes" : "no");
      }
      if (all) {
        var a = l.allRequestsMicros();
        row.add(a == null ? num(l.p95Ms()) : num(a.p95Micros() / 1000));
        row.add(a == null ? num(l.p99Ms()) : num(a.p99Micros() / 1000));
      }
      if (server) {
        row.add(l.serverP95Ms() == null ? "n/a" : num(l.serverP95Ms()));
      }
      stages.forEach(st -> row.add(l.serverP95Ms(st.getKey()) == null ? "n/a" : num(l.serverP95Ms(st.getKey()))));
      if (serverCpu) {
        row.add(l.server() == null || l.server().cpuSeconds() == null ? "n/a" : num(l.server().cpuSeconds()));
      }
      t.row(row);
    }
    return t;
  }

  /** True when some level kept intervals long enough to judge its steady state. */
  /** What the per-level table's latency columns cover, when it also shows every request's. */
  static String latencyNote(AnalysisReport r) {
    return r.levels().stream().anyMatch(l -> l.allRequestsMicros() != null)
        ? "Avg … Std: successful requests (as the reference); P95 / P99 all: every request, each failure at its"
            + " elapsed time (a deadline KO at the deadline)."
        : null;
  }

  static boolean anyJudged(AnalysisReport r) {
    return r.levels().stream().anyMatch(l -> r.run().steadiness(l).judged());
  }

  /** The reference's {@code f"{rate:.2%}"}. */
  static String failureRate(LevelMetrics l) {
    return String.format(Locale.ROOT, "%.2f%%", l.failurePct());
  }

  static String recall(LevelMetrics l) {
    return l.recall() == null ? "n/a" : "@" + l.recallK() + " " + num(l.recall(), 3);
  }

  /** Section 1: QPS and relative gain vs the first level. */
  /** The A/B mode's baseline target: its own pooled rows beside the candidate's table. */
  static TextTable abBaseline(AnalysisReport r) {
    TextTable t = new TextTable(List.of(loadHeader(r), "QPS", "P50 (ms)", "P95 (ms)", "P99 (ms)", "Failures"));
    for (LevelMetrics l : r.run().abBaseline().levels()) {
      t.row(List.of(load(l.load()), num(l.qps()), num(l.p50Ms()), num(l.p95Ms()), num(l.p99Ms()), Long.toString(l.failures())));
    }
    return t;
  }

  static TextTable qps(AnalysisReport r) {
    TextTable t = new TextTable(List.of(loadHeader(r), "QPS", "Relative gain"));
    for (LevelMetrics l : r.levels()) t.row(List.of(load(l.load()), num(l.qps()), signedPct(r.qpsGainPct(l))));
    return t;
  }

  /** Section 2: P95 and relative change vs the first level. */
  static TextTable p95(AnalysisReport r) {
    TextTable t = new TextTable(List.of(loadHeader(r), "P95 (ms)", "Relative change"));
    for (LevelMetrics l : r.levels()) {
      t.row(List.of(load(l.load()), l.hasLatency() ? num(l.p95Ms()) : "n/a", signedPct(r.p95ChangePct(l))));
    }
    return t;
  }

  /** Section 3: stability — std and failure rate. */
  static TextTable stability(AnalysisReport r) {
    if (!anyJudged(r)) {
      TextTable t = new TextTable(List.of(loadHeader(r), "Std (ms)", "Failure rate"));
      for (LevelMetrics l : r.levels()) t.row(List.of(load(l.load()), num(l.stdMs()), failureRate(l)));
      return t;
    }
    TextTable t = new TextTable(List.of(loadHeader(r), "Std (ms)", "Failure rate", "QPS drift", "P50 drift",
        "Steady state"));
    for (LevelMetrics l : r.levels()) {
      SteadyState st = r.run().steadiness(l);
      String verdict = !st.judged() ? st.reason() : st.steady() ? "steady"
          : st.reason() + (r.options().kneeIncludesUnsteady() ? "" : " (not used for the knee)");
      t.row(List.of(load(l.load()), num(l.stdMs()), failureRate(l), signedPct(st.qpsDriftPct()),
          signedPct(st.p50DriftPct()), verdict));
    }
    return t;
  }

  /** Section 4 as lines. */
  static List<String> best(AnalysisReport r) {
    List<String> lines = new ArrayList<>();
    lines.add("Highest QPS: concurrency=" + load(r.bestQps().load()) + ", QPS=" + num(r.bestQps().qps()));
    lines.add(r.lowestP95() == null ? "Lowest P95: n/a (no successful requests)"
        : "Lowest P95: concurrency=" + load(r.lowestP95().load()) + ", P95=" + num(r.lowestP95().p95Ms()) + " ms");
    lines.add(r.bestScore() == null ? "Best score (QPS / P95 ms): n/a (no successful requests)"
        : "Best score (QPS / P95 ms): concurrency=" + load(r.bestScore().load()) + ", score="
            + num(r.bestScore().score()));
    return lines;
  }

  /** Section 5: consecutive steps with the marginal scaling efficiency. */
  static TextTable steps(AnalysisReport r) {
    TextTable t = new TextTable(List.of("Step", "×" + (r.run().openModel() ? "rate" : "concurrency"),
        "QPS gain", "P95 change", "Efficiency"));
    for (ScalingStep s : r.steps()) {
      t.row(List.of(load(s.fromLoad()) + "→" + load(s.toLoad()), num(s.loadRatio()),
          signedPct(s.qpsGainPct()), signedPct(s.p95IncreasePct()), num(s.efficiency())));
    }
    return t;
  }

  static TextTable little(AnalysisReport r) {
    TextTable t = new TextTable(List.of("Concurrency", "In flight (QPS × mean)", "Of users", "Generator CPU %", "Verdict"));
    for (LittlesLawCheck c : r.littlesLaw()) {
      t.row(List.of(Integer.toString(c.concurrency()), num(c.expectedInFlight()),
          num(c.ratio() * 100, 0) + " %", num(c.generatorCpuPercent(), 0),
          c.generatorBound() ? "generator-bound" : "ok"));
    }
    return t;
  }

  static List<String> usl(AnalysisReport r) {
    var u = r.usl();
    if (!u.fitted()) return List.of("USL " + u.reason());
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "X(N) = λN / (1 + σ(N−1) + κN(N−1)): λ = %.2f QPS, σ = %.4f, κ = %.6f",
        u.lambda(), u.sigma(), u.kappa()));
    lines.add("peak concurrency N* = √((1−σ)/κ) = " + (u.peakConcurrency() == null ? "none (κ = 0: no retrograde region)" : num(u.peakConcurrency(), 1))
        + ", predicted max QPS = " + (u.predictedMaxQps() == null ? "unbounded" : num(u.predictedMaxQps())));
    lines.add("fit error over " + u.points() + " levels: RMS " + num(u.rmsErrorPct()) + " %, max " + num(u.maxErrorPct()) + " %");
    return lines;
  }

  static List<String> hints(AnalysisReport r) {
    List<String> lines = new ArrayList<>();
    for (BottleneckHint h : r.hints()) {
      lines.add(h.kind() + " bottleneck? at " + h.where() + ": " + h.evidence()
          + " — try: " + String.join("; ", h.advice()));
    }
    if (lines.isEmpty()) lines.add("none of the reference's bottleneck heuristics fired");
    return lines;
  }

  /** Several trials: per load, each metric's mean and 95 % interval across the trials. */
  static TextTable trials(AnalysisReport r) {
    return spread(r, r.trials().rows(), "QPS mean");
  }

  /** One trial's levels with their 95 % intervals from their own intervals (block bootstrap). */
  static TextTable levelSpread(AnalysisReport r) {
    return spread(r, r.levelSpread(), "QPS");
  }

  private static TextTable spread(AnalysisReport r, List<org.milvusbench.analyzer.TrialSummary.Row> rows,
      String qpsHeader) {
    TextTable t = new TextTable(List.of(loadHeader(r), qpsHeader, "QPS 95 % interval", "P50 (ms)", "P95 (ms)",
        "P95 95 % interval", "P99 (ms)", "P99 95 % interval"));
    for (org.milvusbench.analyzer.TrialSummary.Row row : rows) {
      t.row(List.of(load(row.load()), num(row.qps().mean()), interval(row.qps()), num(row.p50Ms().mean()),
          num(row.p95Ms().mean()), interval(row.p95Ms()), num(row.p99Ms().mean()), interval(row.p99Ms())));
    }
    return t;
  }

  /** Each trial's knee and how many agree with the pooled run's. */
  static List<String> trialKnees(AnalysisReport r) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < r.trials().knees().size(); i++) {
      out.add("trial " + (i + 1) + ": " + r.trials().knees().get(i).message());
    }
    out.add(r.trials().kneesAgreeing() + " of " + r.trials().trials() + " trials put the knee where the pooled run does");
    return out;
  }

  private static String interval(org.milvusbench.analyzer.TrialSummary.Spread s) {
    return num(s.low()) + " .. " + num(s.high());
  }
}
