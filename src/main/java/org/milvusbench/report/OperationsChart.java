package org.milvusbench.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.milvusbench.analyzer.AnalysisReport;
import org.milvusbench.analyzer.LevelMetrics;

/**
 * {@code operations.png} for runs with several operations (streaming, mixed): throughput and P95
 * of every operation against the level's load, one line per operation, side by side.
 */
final class OperationsChart {
  private static final int WIDTH = 700;
  private static final int HEIGHT = 500;

  private OperationsChart() {}

  /** The chart; null when the run has one operation. */
  static byte[] png(AnalysisReport r) {
    if (r.operations().isEmpty()) {
      return null;
    }
    Map<String, AnalysisReport> all = new LinkedHashMap<>();
    all.put(r.operation(), r);
    all.putAll(r.operations());
    String x = r.run().openModel() ? "Rate (req/s)" : "Concurrency";
    JFreeChart qps = chart("Throughput per operation", x, "Requests/s", all, LevelMetrics::qps);
    JFreeChart p95 = chart("P95 latency per operation", x, "P95 (ms)", all, LevelMetrics::p95Ms);
    BufferedImage image = new BufferedImage(2 * WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      qps.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
      p95.draw(g, new Rectangle2D.Double(WIDTH, 0, WIDTH, HEIGHT));
    } finally {
      g.dispose();
    }
    return ChartRenderer.png(image);
  }

  private static JFreeChart chart(String title, String xLabel, String yLabel, Map<String, AnalysisReport> reports,
      ToDoubleFunction<LevelMetrics> y) {
    XYSeriesCollection data = new XYSeriesCollection();
    TreeSet<Double> loads = new TreeSet<>();
    reports.forEach((op, report) -> {
      XYSeries s = new XYSeries(op, true, true);
      for (LevelMetrics l : report.levels()) {
        double v = y.applyAsDouble(l);
        if (l.load() > 0 && Double.isFinite(v) && l.hasLatency()) {
          s.add(l.load(), v);
          loads.add(l.load());
        }
      }
      data.addSeries(s);
    });
    JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL,
        true, false, false);
    XYPlot plot = chart.getXYPlot();
    double[] ticks = loads.stream().mapToDouble(Double::doubleValue).toArray();
    LevelTickAxis axis = new LevelTickAxis(xLabel, ticks);
    double min = ticks.length == 0 ? 1 : ticks[0];
    double max = ticks.length == 0 ? 10 : ticks[ticks.length - 1];
    axis.setRange(min / 1.5, Math.max(max * 1.5, min * 2));
    plot.setDomainAxis(axis);
    ChartRenderer.style(plot, null);
    return chart;
  }
}
