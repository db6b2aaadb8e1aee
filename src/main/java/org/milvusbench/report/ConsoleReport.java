package org.milvusbench.report;

import org.milvusbench.analyzer.AnalysisReport;
import org.milvusbench.analyzer.SlaCheck;

/** Renders an {@link AnalysisReport} as the console text: tables, the five sections, verdicts. */
public final class ConsoleReport {
  private ConsoleReport() {}

  public static String render(AnalysisReport r) {
    StringBuilder sb = new StringBuilder();
    String rule = "=".repeat(60) + "\n";
    sb.append(rule).append("Concurrency sweep analysis: ").append(r.run().source()).append('\n').append(rule);
    r.run().warnings().forEach(w -> sb.append("warning: ").append(w).append('\n'));
    sb.append("\nPer-level results").append(r.operations().isEmpty() ? "" : " (" + r.operation() + ")").append('\n').append(ReportTables.levels(r).render());
    if (ReportTables.latencyNote(r) != null) sb.append("  ").append(ReportTables.latencyNote(r)).append('\n');
    if (r.run().abBaseline() != null) {
      sb.append("\nA/B mode: the rows above are the candidate target's; the baseline target's (compare.uri), trials pooled\n")
          .append(ReportTables.abBaseline(r).render());
    }
    sb.append("\n1. QPS analysis\n").append(ReportTables.qps(r).render());
    sb.append("\n2. P95 latency analysis\n").append(ReportTables.p95(r).render());
    sb.append("\n3. Stability (std, failure rate)\n").append(ReportTables.stability(r).render());
    sb.append("\n4. Best concurrency\n");
    ReportTables.best(r).forEach(l -> sb.append("  ").append(l).append('\n'));
    sb.append("\n5. Knee (").append(r.knee().rule() == org.milvusbench.analyzer.KneeRule.REFERENCE
        ? "reference rule: QPS gain < 10 % and P95 > +50 %" : "marginal scaling efficiency < "
            + r.options().kneeEfficiencyThreshold()).append(")\n");
    if (!r.steps().isEmpty()) sb.append(ReportTables.steps(r).render());
    sb.append("  ").append(r.knee().found() ? "KNEE: " : "").append(r.knee().message()).append('\n');
    if (r.knee().rule() != org.milvusbench.analyzer.KneeRule.REFERENCE) {
      sb.append("  reference's literal rule: ").append(r.kneeByReferenceRule().message()).append('\n');
    }
    sb.append("\nUniversal Scalability Law\n");
    ReportTables.usl(r).forEach(l -> sb.append("  ").append(l).append('\n'));
    if (!r.littlesLaw().isEmpty()) {
      sb.append("\nLittle's law (in flight = QPS × mean latency vs users)\n").append(ReportTables.little(r).render());
    }
    sb.append("\nBottleneck hints\n");
    ReportTables.hints(r).forEach(l -> sb.append("  ").append(l).append('\n'));
    if (r.trials() != null) {
      sb.append("\nTrials (").append(r.trials().trials()).append(", the schedule repeated; mean and 95 % interval across"
          + " trials, Student's t)\n").append(ReportTables.trials(r).render());
      ReportTables.trialKnees(r).forEach(l -> sb.append("  ").append(l).append('\n'));
    }
    if (!r.levelSpread().isEmpty()) {
      sb.append("\nWithin-level spread (one trial: 95 % block bootstrap over each level's intervals; how sure a level"
          + " is of its own numbers, not how a rerun would differ: sweep.trials measures that)\n")
          .append(ReportTables.levelSpread(r).render());
    }
    sb.append("\nRecommendation\n  ").append(r.recommendation().reason()).append('\n');
    if (r.trials() != null && r.recommendation().found()) {
      var row = r.trials().row(r.recommendation().level().load());
      sb.append(String.format(java.util.Locale.ROOT, "  across trials: QPS %.2f (%.2f .. %.2f), P95 %.2f ms (%.2f .. %.2f)%n",
          row.qps().mean(), row.qps().low(), row.qps().high(), row.p95Ms().mean(), row.p95Ms().low(), row.p95Ms().high()));
    }
    if (r.capacityPlan() != null) sb.append("  capacity: ").append(r.capacityPlan().message()).append('\n');
    else if (r.options().targetQps().isPresent()) sb.append("  capacity: no plan — no level qualifies\n");
    r.operations().forEach((op, report) -> operation(sb, op, report));
    r.run().integrityErrors().forEach(e -> sb.append("\nROW COUNT MISMATCH: ").append(e).append('\n'));
    if (!r.sla().isEmpty() || !r.passed()) {
      sb.append("\nSLA gate: ").append(r.passed() ? "PASS" : "FAIL").append('\n');
      for (SlaCheck c : r.sla()) sb.append("  [").append(c.passed() ? "pass" : "FAIL").append("] ").append(c.message()).append('\n');
      r.operations().forEach((op, report) -> report.sla().forEach(c -> sb.append("  [").append(c.passed() ? "pass" : "FAIL")
          .append("] ").append(op).append(": ").append(c.message()).append('\n')));
    }
    return sb.toString();
  }

  /** Another operation of the run: its table, knee and recommendation (its SLA checks go with the gate). */
  private static void operation(StringBuilder sb, String op, AnalysisReport r) {
    sb.append("\nOperation: ").append(op).append('\n').append(ReportTables.levels(r).render());
    sb.append("  ").append(r.knee().found() ? "KNEE: " : "").append(r.knee().message()).append('\n');
    sb.append("  recommendation: ").append(r.recommendation().reason()).append('\n');
  }
}
