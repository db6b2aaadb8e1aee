package org.milvusbench.report;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.milvusbench.analyzer.AnalysisReport;
import org.milvusbench.analyzer.KneeRule;
import org.milvusbench.analyzer.SlaCheck;

/**
 * {@code summary.html}: one self-contained page — inline CSS, charts as base64 {@code data:} URIs,
 * no scripts, no external requests — so it opens offline and survives being mailed or archived
 * as a CI artifact. Markup is kept well-formed (XHTML-compatible) so tests can parse it strictly.
 */
public final class SummaryHtml {
  private static final String CSS =
      "body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2em;color:#222}"
          + "h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ddd}"
          + "table{border-collapse:collapse;margin:.5em 0;font-size:.9em}"
          + "th,td{border:1px solid #ccc;padding:.25em .6em;text-align:right}"
          + "th{background:#f3f3f3}td{white-space:nowrap}td:first-child,th:first-child{text-align:left}"
          + "#sla td,#sla th,#little td:last-child{text-align:left;white-space:normal}"
          + ".verdict{font-size:1.1em;padding:.6em 1em;border-radius:4px;display:inline-block}"
          + ".pass{background:#e6f4ea;color:#137333}.fail{background:#fce8e6;color:#a50e0e}"
          + ".note{color:#555}img{max-width:100%;border:1px solid #eee}"
          + "li{margin:.2em 0}code{background:#f6f6f6;padding:0 .2em}";

  private SummaryHtml() {}

  /**
   * The page. {@code outDir} is where it will live (for the relative link to Gatling's report);
   * {@code percentilesPng} and {@code timelinePng} may be null.
   */
  public static String render(AnalysisReport r, Path outDir, byte[] overviewPng, byte[] percentilesPng,
      byte[] timelinePng) {
    return render(r, outDir, overviewPng, percentilesPng, timelinePng, null);
  }

  /** The page with the per-operation chart too ({@code operationsPng} may be null). */
  public static String render(AnalysisReport r, Path outDir, byte[] overviewPng, byte[] percentilesPng,
      byte[] timelinePng, byte[] operationsPng) {
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
        .append("<title>Concurrency sweep summary</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n");
    h.append("<h1>Concurrency sweep summary</h1>\n");
    h.append("<p class=\"note\">Source: <code>").append(esc(r.run().source().toString())).append("</code> (")
        .append(esc(r.run().format())).append(", ").append(r.levels().size()).append(" levels")
        .append(r.run().runId() == null ? "" : ", run " + esc(r.run().runId())).append(")</p>\n");
    if (r.run().gatlingReport() != null) {
      String link = outDir.toAbsolutePath().normalize()
          .relativize(r.run().gatlingReport().toAbsolutePath().normalize()).toString().replace('\\', '/');
      h.append("<p><a id=\"gatling-report\" href=\"").append(esc(link.isEmpty() ? "index.html" : link + "/index.html"))
          .append("\">Gatling report</a></p>\n");
    }
    verdicts(h, r);
    h.append("<h2>Charts</h2>\n");
    img(h, "overview", "QPS, P95, failure rate and score vs concurrency", overviewPng);
    if (percentilesPng != null) img(h, "percentiles", "Latency by percentile per level", percentilesPng);
    if (operationsPng != null) img(h, "operations", "Throughput and P95 of every operation vs load", operationsPng);
    if (timelinePng != null) img(h, "timeline", "Inside each level: QPS and latency per interval", timelinePng);
    h.append("<h2>Per-level results").append(r.operations().isEmpty() ? "" : " (" + esc(r.operation()) + ")")
        .append("</h2>\n");
    table(h, "levels", ReportTables.levels(r));
    if (ReportTables.latencyNote(r) != null) {
      h.append("<p class=\"note\">").append(esc(ReportTables.latencyNote(r))).append("</p>\n");
    }
    r.operations().forEach((op, report) -> {
      h.append("<h2>Operation: ").append(esc(op)).append("</h2>\n");
      table(h, "levels-" + op, ReportTables.levels(report));
      h.append("<p class=\"note\">").append(esc(report.knee().message())).append(" Recommendation: ")
          .append(esc(report.recommendation().reason())).append("</p>\n");
    });
    h.append("<h2>1. QPS analysis</h2>\n");
    table(h, "qps", ReportTables.qps(r));
    h.append("<h2>2. P95 latency analysis</h2>\n");
    table(h, "p95", ReportTables.p95(r));
    h.append("<h2>3. Stability (std, failure rate)</h2>\n");
    table(h, "stability", ReportTables.stability(r));
    h.append("<h2>4. Best concurrency</h2>\n");
    list(h, ReportTables.best(r));
    h.append("<h2>5. Knee</h2>\n");
    if (!r.steps().isEmpty()) table(h, "steps", ReportTables.steps(r));
    h.append("<p id=\"knee\">").append(esc(r.knee().message())).append("</p>\n");
    if (r.knee().rule() != KneeRule.REFERENCE) {
      h.append("<p class=\"note\">Reference's literal rule (QPS gain &lt; 10 % and P95 &gt; +50 %): ")
          .append(esc(r.kneeByReferenceRule().message())).append("</p>\n");
    }
    if (r.trials() != null) {
      h.append("<h2>Trials</h2>\n<p class=\"note\">").append(r.trials().trials())
          .append(" trials, the schedule repeated; mean and 95 % interval across trials (Student's t).</p>\n");
      table(h, "trials", ReportTables.trials(r));
      list(h, ReportTables.trialKnees(r));
    }
    h.append("<h2>Universal Scalability Law</h2>\n");
    list(h, ReportTables.usl(r));
    if (!r.littlesLaw().isEmpty()) {
      h.append("<h2>Little's law</h2>\n");
      table(h, "little", ReportTables.little(r));
    }
    h.append("<h2>Bottleneck hints</h2>\n");
    list(h, ReportTables.hints(r));
    if (!r.run().warnings().isEmpty()) {
      h.append("<h2>Warnings</h2>\n");
      list(h, r.run().warnings());
    }
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  private static void verdicts(StringBuilder h, AnalysisReport r) {
    h.append("<h2>Verdict</h2>\n");
    if (!r.sla().isEmpty() || !r.passed()) {
      h.append("<p id=\"sla-verdict\" class=\"verdict ").append(r.passed() ? "pass\">SLA gate: PASS" : "fail\">SLA gate: FAIL")
          .append("</p>\n<table id=\"sla\"><tr><th>SLA</th><th>Result</th><th>Detail</th></tr>\n");
      for (SlaCheck c : r.sla()) {
        slaRow(h, "", c);
      }
      r.operations().forEach((op, report) -> report.sla().forEach(c -> slaRow(h, op + ": ", c)));
      h.append("</table>\n");
      r.run().integrityErrors().forEach(e -> h.append("<p class=\"verdict fail\">Row count mismatch: ").append(esc(e))
          .append("</p>\n"));
    }
    h.append("<ul id=\"verdicts\">\n<li>").append(esc(r.knee().message())).append("</li>\n<li>Recommendation: ")
        .append(esc(r.recommendation().reason())).append("</li>\n");
    if (r.capacityPlan() != null) h.append("<li>Capacity: ").append(esc(r.capacityPlan().message())).append("</li>\n");
    h.append("</ul>\n");
  }

  private static void slaRow(StringBuilder h, String prefix, SlaCheck c) {
    h.append("<tr class=\"").append(c.passed() ? "pass" : "fail").append("\"><td>").append(esc(prefix + c.description()))
        .append("</td><td>").append(c.passed() ? "pass" : "FAIL").append("</td><td>").append(esc(c.message()))
        .append("</td></tr>\n");
  }

  private static void img(StringBuilder h, String id, String alt, byte[] png) {
    h.append("<p><img id=\"").append(id).append("\" alt=\"").append(esc(alt)).append("\" src=\"data:image/png;base64,")
        .append(Base64.getEncoder().encodeToString(png)).append("\" /></p>\n");
  }

  private static void table(StringBuilder h, String id, TextTable t) {
    h.append("<table id=\"").append(id).append("\">\n<tr>");
    for (String c : t.headers()) h.append("<th>").append(esc(c)).append("</th>");
    h.append("</tr>\n");
    for (List<String> row : t.rows()) {
      h.append("<tr>");
      for (String c : row) h.append("<td>").append(esc(c)).append("</td>");
      h.append("</tr>\n");
    }
    h.append("</table>\n");
  }

  private static void list(StringBuilder h, List<String> items) {
    h.append("<ul>\n");
    for (String i : items) h.append("<li>").append(esc(i)).append("</li>\n");
    h.append("</ul>\n");
  }

  static String esc(String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
