package org.milvusbench.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.milvusbench.analyzer.AnalysisReport;
import org.milvusbench.analyzer.AnalyzerOptions;
import org.milvusbench.analyzer.BottleneckHint;
import org.milvusbench.analyzer.CapacityPlan;
import org.milvusbench.analyzer.Knee;
import org.milvusbench.analyzer.LevelMetrics;
import org.milvusbench.analyzer.LittlesLawCheck;
import org.milvusbench.analyzer.RunData;
import org.milvusbench.analyzer.ScalingStep;
import org.milvusbench.analyzer.SlaCheck;
import org.milvusbench.analyzer.SteadyState;
import org.milvusbench.analyzer.UslModel;
import org.milvusbench.rundir.LevelResult;
import org.milvusbench.rundir.ResultsJson;

/**
 * {@code analysis.json}: the report as data. Numbers are JSON numbers (never formatted strings),
 * units are in the key names ({@code p95Ms}, {@code qps}, {@code failureRatePct}), unknown values
 * are null.
 */
public final class AnalysisJson {
  public static final String FILE_NAME = "analysis.json";
  public static final String SCHEMA = "milvusbench.analysis/1";

  private AnalysisJson() {}

  public static void write(AnalysisReport r, Path file) {
    try {
      ResultsJson.mapper().writeValue(file.toFile(), toJson(r));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  public static ObjectNode toJson(AnalysisReport r) {
    ObjectNode root = ResultsJson.mapper().createObjectNode();
    root.put("schema", SCHEMA);
    root.put("source", r.run().source().toString());
    root.put("format", r.run().format());
    root.put("runId", r.run().runId());
    root.put("mode", r.run().mode());
    root.put("cpuCores", r.run().cpuCores());
    root.put("operation", r.operation());
    root.set("options", options(r.options()));
    ArrayNode levels = root.putArray("levels");
    for (LevelMetrics l : r.levels()) levels.add(level(r, r.run(), l));
    if (r.run().abBaseline() != null) {
      // The A/B mode's baseline target, pooled over its trials like the levels above; the paired
      // verdicts are in sla. Changes "vs first" would mix the two targets, so they are left out.
      ArrayNode base = root.putObject("abBaseline").putArray("levels");
      for (LevelMetrics l : r.run().abBaseline().levels()) {
        base.add(level(r, r.run().abBaseline(), l));
      }
    }
    ObjectNode best = root.putObject("best");
    best.set("highestQps", r.bestQps() == null ? null : pick(r.bestQps()).put("qps", r.bestQps().qps()));
    best.set("lowestP95", r.lowestP95() == null ? null : pick(r.lowestP95()).put("p95Ms", r.lowestP95().p95Ms()));
    best.set("bestScore", r.bestScore() == null ? null : pick(r.bestScore()).put("score", r.bestScore().score()));
    ArrayNode steps = root.putArray("steps");
    for (ScalingStep s : r.steps()) steps.add(step(s));
    root.set("knee", knee(r.knee()));
    root.set("kneeByReferenceRule", knee(r.kneeByReferenceRule()));
    root.set("usl", usl(r.usl()));
    ArrayNode little = root.putArray("littlesLaw");
    for (LittlesLawCheck c : r.littlesLaw()) little.add(littlesLaw(c));
    ArrayNode hints = root.putArray("bottlenecks");
    for (BottleneckHint h : r.hints()) hints.add(hint(h));
    root.set("recommendation", recommendation(r));
    root.set("capacityPlan", plan(r.capacityPlan()));
    root.set("sla", sla(r));
    r.run().warnings().forEach(root.putArray("warnings")::add);
    SpreadJson.write(root, r);
    if (!r.operations().isEmpty()) {
      // Each other operation analysed as a run of its own rows (same shape, without the run's identity).
      ObjectNode operations = root.putObject("operations");
      r.operations().forEach((op, report) -> {
        ObjectNode one = toJson(report);
        one.remove(List.of("schema", "source", "format", "runId", "mode", "cpuCores"));
        operations.set(op, one);
      });
      r.run().integrityErrors().forEach(root.putArray("integrityErrors")::add);
    }
    return root;
  }

  private static ObjectNode step(ScalingStep s) {
    ObjectNode n = ResultsJson.mapper().createObjectNode();
    n.put("fromConcurrency", s.fromLoad());
    n.put("toConcurrency", s.toLoad());
    n.put("concurrencyRatio", s.loadRatio());
    n.put("qpsGainPct", s.qpsGainPct());
    n.put("p95IncreasePct", s.p95IncreasePct());
    n.put("efficiency", s.efficiency());
    return n;
  }

  private static ObjectNode littlesLaw(LittlesLawCheck c) {
    ObjectNode n = ResultsJson.mapper().createObjectNode();
    n.put("concurrency", c.concurrency());
    n.put("expectedInFlight", c.expectedInFlight());
    n.put("inFlightRatio", c.ratio());
    n.put("generatorBound", c.generatorBound());
    n.put("generatorCpuPercent", c.generatorCpuPercent());
    n.put("message", c.message());
    return n;
  }

  private static ObjectNode hint(BottleneckHint h) {
    ObjectNode n = ResultsJson.mapper().createObjectNode();
    n.put("kind", h.kind());
    n.put("where", h.where());
    n.put("evidence", h.evidence());
    h.advice().forEach(n.putArray("advice")::add);
    return n;
  }

  private static ObjectNode recommendation(AnalysisReport r) {
    ObjectNode rec = ResultsJson.mapper().createObjectNode();
    rec.put("found", r.recommendation().found());
    if (r.recommendation().found()) {
      LevelMetrics l = r.recommendation().level();
      rec.put("concurrency", l.load());
      rec.put("qps", l.qps());
      rec.put("p95Ms", l.p95Ms());
      rec.put("failureRatePct", l.failurePct());
      rec.put("score", l.score());
    }
    rec.put("reason", r.recommendation().reason());
    return rec;
  }

  private static ObjectNode sla(AnalysisReport r) {
    ObjectNode sla = ResultsJson.mapper().createObjectNode();
    sla.put("passed", r.passed());
    ArrayNode checks = sla.putArray("checks");
    for (SlaCheck c : r.sla()) {
      ObjectNode n = checks.addObject();
      n.put("name", c.name());
      n.put("description", c.description());
      n.put("passed", c.passed());
      n.put("message", c.message());
    }
    r.breaches().forEach(sla.putArray("breaches")::add);
    return sla;
  }

  private static ObjectNode pick(LevelMetrics l) {
    return ResultsJson.mapper().createObjectNode().put("concurrency", l.load());
  }

  private static ObjectNode options(AnalyzerOptions o) {
    ObjectNode n = ResultsJson.mapper().createObjectNode();
    n.put("targetQps", o.targetQps().isPresent() ? o.targetQps().getAsDouble() : null);
    n.put("redundancy", o.redundancy());
    n.put("slaP95Ms", o.slaP95Ms().isPresent() ? o.slaP95Ms().getAsDouble() : null);
    n.put("slaMaxFailurePct", o.slaMaxFailurePct().isPresent() ? o.slaMaxFailurePct().getAsDouble() : null);
    n.put("minRecall", o.minRecall().isPresent() ? o.minRecall().getAsDouble() : null);
    n.put("kneeNotBeforeConcurrency", o.kneeNotBefore().isPresent() ? o.kneeNotBefore().getAsInt() : null);
    n.put("kneeRule", o.kneeRule().name());
    n.put("kneeEfficiencyThreshold", o.kneeEfficiencyThreshold());
    return n;
  }

  /** A level of {@code run}: the report's own, or the A/B baseline's (without the changes vs the first level). */
  private static ObjectNode level(AnalysisReport r, RunData run, LevelMetrics l) {
    ObjectNode n = ResultsJson.mapper().createObjectNode();
    n.put("name", l.name());
    n.put("concurrency", l.concurrency());
    n.put("targetRatePerSec", l.targetRatePerSec());
    n.put("totalRequests", l.totalRequests());
    n.put("totalTimeSeconds", l.totalTimeSeconds());
    n.put("qps", l.qps());
    n.put("goodputPerSec", l.goodput());
    n.put("avgMs", l.avgMs());
    n.put("p50Ms", l.p50Ms());
    n.put("p95Ms", l.p95Ms());
    n.put("p99Ms", l.p99Ms());
    if (l.allRequestsMicros() != null) {
      // Every request, failures at their elapsed time (the columns above: successes).
      n.put("allRequestsP95Ms", l.allRequestsMicros().p95Micros() / 1000);
      n.put("allRequestsP99Ms", l.allRequestsMicros().p99Micros() / 1000);
    }
    if (l.serverP95Ms() != null) {
      n.put("serverP95Ms", l.serverP95Ms()); // the target's Prometheus histogram over the level
    }
    if (l.server() != null) {
      server(n.putObject("server"), l.server());
    }
    n.put("maxMs", l.maxMs());
    n.put("minMs", l.minMs());
    n.put("stdMs", l.stdMs());
    n.put("successes", l.successes());
    n.put("failures", l.failures());
    n.put("failureRatePct", l.failurePct());
    n.put("recall", l.recall());
    n.put("recallK", l.recall() == null ? null : l.recallK());
    n.put("score", l.score());
    if (run == r.run()) {
      n.put("qpsGainVsFirstPct", r.qpsGainPct(l));
      n.put("p95ChangeVsFirstPct", r.p95ChangePct(l));
    }
    n.put("latencySource", l.latencySource());
    n.put("targetCpuPercent", l.targetCpuPercent());
    n.put("targetRssBytes", l.targetRssBytes());
    n.put("generatorCpuPercent", l.generatorCpuPercent());
    n.put("generatorRssBytes", l.generatorRssBytes());
    SteadyState steady = run.steadiness(l);
    ObjectNode st = n.putObject("steadyState");
    st.put("judged", steady.judged());
    st.put("steady", steady.steady());
    st.put("qpsDriftPct", steady.qpsDriftPct());
    st.put("p50DriftPct", steady.p50DriftPct());
    st.put("reason", steady.reason());
    st.put("inKnee", steady.steady() || r.options().kneeIncludesUnsteady());
    return n;
  }

  static ObjectNode knee(Knee k) {
    ObjectNode n = ResultsJson.mapper().createObjectNode();
    n.put("rule", k.rule().name());
    n.put("found", k.found());
    n.put("afterConcurrency", k.fromLoad());
    n.put("toConcurrency", k.toLoad());
    n.put("qpsGainPct", k.qpsGainPct());
    n.put("p95IncreasePct", k.p95IncreasePct());
    n.put("efficiency", k.efficiency());
    n.put("message", k.message());
    return n;
  }

  private static ObjectNode usl(UslModel u) {
    ObjectNode n = ResultsJson.mapper().createObjectNode();
    n.put("fitted", u.fitted());
    n.put("reason", u.reason());
    n.put("lambdaQps", u.lambda());
    n.put("sigma", u.sigma());
    n.put("kappa", u.kappa());
    n.put("peakConcurrency", u.peakConcurrency());
    n.put("predictedMaxQps", u.predictedMaxQps());
    n.put("rmsErrorPct", u.rmsErrorPct());
    n.put("maxErrorPct", u.maxErrorPct());
    n.put("levelsFitted", u.points());
    return n;
  }

  private static ObjectNode plan(CapacityPlan p) {
    if (p == null) return null;
    ObjectNode n = ResultsJson.mapper().createObjectNode();
    n.put("targetQps", p.targetQps());
    n.put("concurrency", p.concurrency());
    n.put("qpsPerMachine", p.qpsPerMachine());
    n.put("p95Ms", p.p95Ms());
    n.put("machines", p.machines());
    n.put("redundancy", p.redundancy());
    n.put("machinesWithRedundancy", p.machinesWithRedundancy());
    n.put("message", p.message());
    return n;
  }

  /** Per server stage its p50 / p95 / p99 (ms) and count, the process CPU seconds, and what is absent. */
  private static void server(ObjectNode n, LevelResult.ServerPrometheus p) {
    for (String stage : List.of("proxy", "proxyQueue", "queryNode", "queryNodeQueue")) {
      LevelResult.Percentiles c = p.component(stage);
      if (c != null && (c.count() > 0 || !"proxy".equals(stage))) { // the proxy's: absent when never counted
        ObjectNode s = n.putObject(stage);
        s.put("p50Ms", c.p50Ms());
        s.put("p95Ms", c.p95Ms());
        s.put("p99Ms", c.p99Ms());
        s.put("count", c.count());
      }
    }
    if (p.cpuSeconds() != null) {
      n.put("cpuSeconds", p.cpuSeconds());
    }
    if (p.absent() != null) {
      p.absent().forEach(n.putArray("absent")::add);
    }
    n.put("source", p.source());
  }
}
