package org.milvusbench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.milvusbench.analyzer.AnalysisReport;
import org.milvusbench.analyzer.Format;
import org.milvusbench.analyzer.LevelIntervals;
import org.milvusbench.analyzer.LevelMetrics;

/**
 * Inside each level, over time: throughput (all requests per second) and p50 / p99 latency of each
 * interval, x = seconds since the level's first interval began, one colour per level (p99 dashed).
 * What the steady-state check judges, drawn. Null when no level kept intervals.
 */
final class TimelineChart {
  private static final int WIDTH = 1400;
  private static final int HEIGHT = 900;

  private TimelineChart() {}

  static byte[] png(AnalysisReport r) {
    XYSeriesCollection qps = new XYSeriesCollection();
    XYSeriesCollection latency = new XYSeriesCollection();
    for (LevelMetrics level : r.levels()) {
      LevelIntervals intervals = r.run().intervals(level);
      if (intervals.histogramsMicros().isEmpty()) {
        continue;
      }
      String name = (r.run().openModel() ? "rate " : "c=") + Format.load(level.load());
      XYSeries throughput = new XYSeries(name, false, true);
      XYSeries p50 = new XYSeries(name + " p50", false, true);
      XYSeries p99 = new XYSeries(name + " p99", false, true);
      long origin = intervals.histogramsMicros().get(0).getStartTimeStamp();
      for (int i = 0; i < intervals.histogramsMicros().size(); i++) {
        Histogram h = intervals.histogramsMicros().get(i);
        long millis = h.getEndTimeStamp() - h.getStartTimeStamp();
        double midSeconds = ((h.getStartTimeStamp() + h.getEndTimeStamp()) / 2.0 - origin) / 1000;
        if (millis > 0) {
          throughput.add(midSeconds, (h.getTotalCount() + intervals.failures().get(i)) * 1000.0 / millis);
        }
        if (h.getTotalCount() > 0) {
          p50.add(midSeconds, h.getValueAtPercentile(50) / 1000.0);
          p99.add(midSeconds, h.getValueAtPercentile(99) / 1000.0);
        }
      }
      qps.addSeries(throughput);
      latency.addSeries(p50);
      latency.addSeries(p99);
    }
    if (qps.getSeriesCount() == 0) {
      return null;
    }
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("Seconds into the level"));
    plot.add(plot(qps, new NumberAxis("QPS per interval"), false), 1);
    LogAxis ms = new LogAxis("Latency per interval (ms): p50, p99 dashed");
    ms.setSmallestValue(0.01);
    ms.setNumberFormatOverride(new java.text.DecimalFormat("0.##", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)));
    plot.add(plot(latency, ms, true), 1);
    JFreeChart chart = new JFreeChart("Inside each level, interval by interval", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT);
    return ChartRenderer.png(image);
  }

  /** One stacked plot; with {@code pairs}, series come as (p50, p99) per level: same colour, p99 dashed. */
  private static XYPlot plot(XYSeriesCollection data, org.jfree.chart.axis.ValueAxis axis, boolean pairs) {
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      int level = pairs ? i / 2 : i;
      renderer.setSeriesPaint(i, ChartRenderer.color(level));
      renderer.setSeriesStroke(i, pairs && i % 2 == 1
          ? new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
          : new BasicStroke(2f));
    }
    XYPlot plot = new XYPlot(data, null, axis, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0, 0, 0, 70));
    plot.setRangeGridlinePaint(new Color(0, 0, 0, 70));
    return plot;
  }
}
