package org.milvusbench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.milvusbench.analyzer.AnalysisReport;

/**
 * Writes every report of a run into a directory (normally the run directory): {@code
 * analysis.txt} (the console text), {@code analysis.json}, {@code concurrency-overview.png},
 * {@code latency-percentiles.png}, {@code summary.html} (self-contained) and {@code
 * junit-sla.xml}.
 */
public final class ReportWriter {
  public static final String CONSOLE_FILE = "analysis.txt";
  public static final String OVERVIEW_PNG = "concurrency-overview.png";
  public static final String PERCENTILES_PNG = "latency-percentiles.png";
  public static final String TIMELINE_PNG = "levels-over-time.png";
  public static final String OPERATIONS_PNG = "operations.png";
  public static final String SUMMARY_HTML = "summary.html";

  private ReportWriter() {}

  /** Writes all reports into {@code dir} and returns the files written. */
  public static List<Path> writeAll(Path dir, AnalysisReport report) {
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      Path text = dir.resolve(CONSOLE_FILE);
      Files.writeString(text, ConsoleReport.render(report), StandardCharsets.UTF_8);
      written.add(text);
      Path json = dir.resolve(AnalysisJson.FILE_NAME);
      AnalysisJson.write(report, json);
      written.add(json);
      byte[] overview = ChartRenderer.overviewPng(report);
      Path overviewFile = dir.resolve(OVERVIEW_PNG);
      Files.write(overviewFile, overview);
      written.add(overviewFile);
      byte[] percentiles = ChartRenderer.percentilesPng(report);
      if (percentiles != null) {
        Path p = dir.resolve(PERCENTILES_PNG);
        Files.write(p, percentiles);
        written.add(p);
      }
      byte[] timeline = TimelineChart.png(report);
      if (timeline != null) {
        Path p = dir.resolve(TIMELINE_PNG);
        Files.write(p, timeline);
        written.add(p);
      }
      byte[] operations = OperationsChart.png(report);
      if (operations != null) {
        Path p = dir.resolve(OPERATIONS_PNG);
        Files.write(p, operations);
        written.add(p);
      }
      Path html = dir.resolve(SUMMARY_HTML);
      Files.writeString(html, SummaryHtml.render(report, dir, overview, percentiles, timeline, operations),
          StandardCharsets.UTF_8);
      written.add(html);
      Path junit = dir.resolve(JUnitSlaXml.FILE_NAME);
      JUnitSlaXml.write(report, junit);
      written.add(junit);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write reports into " + dir + ": " + e.getMessage(), e);
    }
    return written;
  }
}
