package org.milvusbench.sweep.run;

import java.nio.file.Path;
import org.milvusbench.analyzer.AnalysisReport;
import org.milvusbench.analyzer.Analyzer;
import org.milvusbench.analyzer.AnalyzerOptions;
import org.milvusbench.report.ConsoleReport;
import org.milvusbench.report.ReportWriter;
import org.milvusbench.rundir.ResultsJson;
import org.milvusbench.rundir.SweepResults;

/**
 * The end of every {@code mvn gatling:test}: links Gatling's report, runs the analyzer over the
 * run directory, writes its reports and turns an SLA breach into a non-zero exit.
 *
 * <p>It runs as a shutdown hook because Gatling writes its HTML report (which summary.html links)
 * only after the simulation's {@code after()}, and decides its exit code from its own assertions
 * only; a breach of the analyzer's finer gates (µs P95, knee, recall) therefore halts the JVM with
 * status 1, which the Gatling Maven plugin reports as a failed build.
 */
final class SweepVerdict {
  static final int BREACH_EXIT_STATUS = 1;

  private SweepVerdict() {}

  static void atExit(Path resultsFile, Path runDir, long runStartMillis, AnalyzerOptions options) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      boolean passed;
      try {
        passed = conclude(resultsFile, runDir, runStartMillis, options);
      } catch (RuntimeException e) {
        System.err.println("analyzer failed: " + e);
        passed = false;
      }
      if (!passed) {
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(BREACH_EXIT_STATUS);
      }
    }, "milvus-sweep-verdict"));
  }

  /** True when every SLA holds (or none was asked for). */
  static boolean conclude(Path resultsFile, Path runDir, long runStartMillis, AnalyzerOptions options) {
    SweepResults results = ResultsJson.read(resultsFile);
    String gatlingDir = RunFiles.gatlingRunDir(runStartMillis);
    if (gatlingDir != null) {
      results = results.withGatlingReportDir(gatlingDir);
      ResultsJson.write(results, resultsFile);
    }
    AnalysisReport report;
    try {
      report = Analyzer.analyze(results, runDir, options);
    } catch (RuntimeException e) {
      System.err.println("analyzer: " + e.getMessage());
      return false;
    }
    ReportWriter.writeAll(runDir, report);
    System.out.println(ConsoleReport.render(report));
    System.out.println("summary: " + runDir.resolve(ReportWriter.SUMMARY_HTML));
    for (String breach : report.breaches()) {
      System.err.println("SLA breach: " + breach);
    }
    return report.passed();
  }
}
