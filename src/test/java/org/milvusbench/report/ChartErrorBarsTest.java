package org.milvusbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.milvusbench.analyzer.AnalysisReport;
import org.milvusbench.analyzer.Analyzer;
import org.milvusbench.analyzer.AnalyzerOptions;
import org.milvusbench.analyzer.LevelIntervals;
import org.milvusbench.analyzer.LevelMetrics;
import org.milvusbench.analyzer.RunData;
import org.milvusbench.analyzer.TrialSummary;

/** With two trials the QPS and P95 charts are given each load's interval across trials; with one, none. */
class ChartErrorBarsTest {

  private static LevelMetrics level(int c, double qps, double p95Ms) {
    return new LevelMetrics("c" + c, c, 0, (long) (qps * 2), 2, qps, qps, p95Ms / 2, p95Ms / 2, p95Ms, p95Ms * 1.2,
        p95Ms * 2, 1, 1, (long) (qps * 2), 0, 0, null, 0, null, "results");
  }

  private static RunData run(List<LevelMetrics> levels, List<RunData> trials) {
    int n = levels.size();
    return new RunData(Path.of("results.json"), Path.of("."), "results", "r", "closed", levels,
        new ArrayList<>(Collections.nCopies(n, (Histogram) null)), null, 2, List.of(),
        Collections.nCopies(n, LevelIntervals.none("synthetic")), "search", java.util.Map.of(), List.of(), trials);
  }

  private static AnalysisReport twoTrials() {
    RunData first = run(List.of(level(1, 100, 10), level(4, 300, 20)), List.of());
    RunData second = run(List.of(level(1, 110, 12), level(4, 280, 26)), List.of());
    RunData pooled = run(List.of(level(1, 105, 11), level(4, 290, 23)), List.of(first, second));
    return Analyzer.analyze(pooled, AnalyzerOptions.defaults());
  }

  @Test
  void qpsAndP95ChartsCarryTheTrialSummaryIntervals() {
    AnalysisReport report = twoTrials();
    JFreeChart[] charts = ChartRenderer.overviewCharts(report);
    YIntervalSeriesCollection qps = assertInstanceOf(YIntervalSeriesCollection.class, charts[0].getXYPlot().getDataset());
    YIntervalSeriesCollection p95 = assertInstanceOf(YIntervalSeriesCollection.class, charts[1].getXYPlot().getDataset());
    for (int i = 0; i < 2; i++) {
      LevelMetrics l = report.levels().get(i);
      TrialSummary.Row row = report.trials().row(l.load());
      assertEquals(l.load(), qps.getXValue(0, i));
      assertEquals(l.qps(), qps.getYValue(0, i), "the point is the pooled run's");
      assertEquals(row.qps().low(), qps.getStartYValue(0, i));
      assertEquals(row.qps().high(), qps.getEndYValue(0, i));
      assertEquals(l.p95Ms(), p95.getYValue(0, i));
      assertEquals(row.p95Ms().low(), p95.getStartYValue(0, i));
      assertEquals(row.p95Ms().high(), p95.getEndYValue(0, i));
    }
    assertInstanceOf(XYErrorRenderer.class, charts[0].getXYPlot().getRenderer());
    // Two trials at c=1: QPS 100 and 110, mean 105, t(1) = 12.706 × standard error 5.
    assertEquals(105 - 12.706 * 5, qps.getStartYValue(0, 0), 1e-2);
    assertNotNull(ChartRenderer.overviewPng(report));
  }

  @Test
  void oneTrialDrawsNoErrorBars() {
    AnalysisReport report = Analyzer.analyze(run(List.of(level(1, 100, 10), level(4, 300, 20)), List.of()),
        AnalyzerOptions.defaults());
    for (JFreeChart chart : ChartRenderer.overviewCharts(report)) {
      assertFalse(chart.getXYPlot().getDataset() instanceof YIntervalSeriesCollection, chart.getTitle().getText());
    }
  }
}
