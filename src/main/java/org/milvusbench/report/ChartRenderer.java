package org.milvusbench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.util.List;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.milvusbench.analyzer.AnalysisReport;
import org.milvusbench.analyzer.Format;
import org.milvusbench.analyzer.LevelMetrics;
import org.milvusbench.analyzer.TrialSummary;

/**
 * PNG charts with JFreeChart, rendered off-screen (headless): the reference's 2×2 overview (QPS,
 * P95, failure rate, score vs concurrency, log-scale x; with several trials QPS and P95 carry each
 * load's 95 % interval across trials as error bars) and latency-by-percentile curves per level
 * in HdrHistogram's style (x = 1/(1−p) on a log scale, labelled 90 %, 99 %, 99.9 %).
 */
public final class ChartRenderer {
  static {
    // Charts are drawn into images only; never touch a display (CI, SSH sessions).
    if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
  }

  private static final int PANEL_WIDTH = 700;
  private static final int PANEL_HEIGHT = 500;

  /** matplotlib's tab10, so the charts look like the reference's. */
  private static final Color[] PALETTE = {
    new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
    new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
    new Color(188, 189, 34), new Color(23, 190, 207)
  };

  private ChartRenderer() {}

  /** The 2×2 overview, like the reference's {@code concurrent_test_results.png}. */
  public static byte[] overviewPng(AnalysisReport r) {
    JFreeChart[] charts = overviewCharts(r);
    BufferedImage image = new BufferedImage(2 * PANEL_WIDTH, 2 * PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      for (int i = 0; i < 4; i++) {
        charts[i].draw(g, new Rectangle2D.Double((i % 2) * PANEL_WIDTH, (i / 2) * PANEL_HEIGHT, PANEL_WIDTH, PANEL_HEIGHT));
      }
    } finally {
      g.dispose();
    }
    return png(image);
  }

  /**
   * The overview's four charts: QPS, P95, failure rate, score vs load. With several trials the QPS and
   * P95 points (the pooled run's) carry error bars: the 95 % interval across trials of {@link TrialSummary}.
   */
  static JFreeChart[] overviewCharts(AnalysisReport r) {
    String x = r.run().openModel() ? "Rate (req/s)" : "Concurrency";
    List<LevelMetrics> levels = r.levels();
    TrialSummary trials = r.trials();
    Function<LevelMetrics, TrialSummary.Spread> qpsSpread = trials == null ? null : l -> spread(trials, l, TrialSummary.Row::qps);
    Function<LevelMetrics, TrialSummary.Spread> p95Spread = trials == null ? null : l -> spread(trials, l, TrialSummary.Row::p95Ms);
    return new JFreeChart[] {
      line("QPS vs " + x, x, "QPS", levels, LevelMetrics::qps, qpsSpread, new Color(31, 119, 180)),
      line("P95 Latency vs " + x, x, "P95 Latency (ms)", levels,
          l -> l.hasLatency() ? l.p95Ms() : null, p95Spread, new Color(255, 127, 14)),
      line("Failure Rate vs " + x, x, "Failure Rate (%)", levels, LevelMetrics::failurePct, null, new Color(214, 39, 40)),
      line("Performance Score (QPS / P95 Latency)", x, "Score", levels, LevelMetrics::score, null, new Color(44, 160, 44))
    };
  }

  private static TrialSummary.Spread spread(TrialSummary trials, LevelMetrics l,
      Function<TrialSummary.Row, TrialSummary.Spread> metric) {
    TrialSummary.Row row = trials.row(l.load());
    return row == null ? null : metric.apply(row);
  }

  /**
   * Latency by percentile, one series per level: from the level's histogram when the run kept
   * one, else from its summary points (P50, P95, P99). Null when no level has latencies.
   */
  public static byte[] percentilesPng(AnalysisReport r) {
    XYSeriesCollection data = new XYSeriesCollection();
    List<LevelMetrics> levels = r.levels();
    for (int i = 0; i < levels.size(); i++) {
      LevelMetrics l = levels.get(i);
      Histogram h = r.run().histogramsMicros().get(i);
      XYSeries s = new XYSeries((r.run().openModel() ? "rate " : "c=") + Format.load(l.load()), false, true);
      if (h != null && h.getTotalCount() > 0) {
        for (HistogramIterationValue v : h.percentiles(5)) {
          double p = v.getPercentileLevelIteratedTo();
          if (p >= 100) break;
          s.add(1 / (1 - p / 100), v.getValueIteratedTo() / 1000.0);
        }
      } else if (l.hasLatency()) {
        s.add(1 / (1 - 0.50), l.p50Ms());
        s.add(1 / (1 - 0.95), l.p95Ms());
        if (l.p99Ms() > 0) s.add(1 / (1 - 0.99), l.p99Ms());
      }
      if (s.getItemCount() > 0) data.addSeries(s);
    }
    if (data.getSeriesCount() == 0) return null;
    JFreeChart chart = ChartFactory.createXYLineChart("Latency by Percentile", "Percentile",
        "Latency (ms)", data, PlotOrientation.VERTICAL, true, false, false);
    XYPlot plot = chart.getXYPlot();
    LogAxis axis = new LogAxis("Percentile");
    axis.setBase(10);
    axis.setSmallestValue(1);
    axis.setNumberFormatOverride(new PercentileFormat());
    axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
    double maxX = 10;
    for (int i = 0; i < data.getSeriesCount(); i++) maxX = Math.max(maxX, data.getSeries(i).getMaxX());
    axis.setRange(1, maxX * 1.5);
    plot.setDomainAxis(axis);
    style(plot, null);
    // Histogram curves have dozens of points: lines only, as HdrHistogram's plotter draws them.
    ((XYLineAndShapeRenderer) plot.getRenderer()).setDefaultShapesVisible(false);
    BufferedImage image = chart.createBufferedImage(2 * PANEL_WIDTH, PANEL_HEIGHT + 100);
    return png(image);
  }

  /** One metric vs load; with {@code interval} (null: none) each point gets its interval as an error bar. */
  private static JFreeChart line(String title, String xLabel, String yLabel, List<LevelMetrics> levels,
      Function<LevelMetrics, Double> y, Function<LevelMetrics, TrialSummary.Spread> interval, Color color) {
    XYSeries s = new XYSeries(yLabel, true, true);
    YIntervalSeries bars = new YIntervalSeries(yLabel, true, true);
    for (LevelMetrics l : levels) {
      Double v = y.apply(l);
      if (v == null || !Double.isFinite(v) || l.load() <= 0) continue;
      s.add(l.load(), v);
      TrialSummary.Spread spread = interval == null ? null : interval.apply(l);
      if (spread != null) bars.add(l.load(), v, spread.low(), spread.high());
      else bars.add(l.load(), v, v, v);
    }
    XYDataset data = interval == null ? new XYSeriesCollection(s) : new YIntervalSeriesCollection();
    if (interval != null) ((YIntervalSeriesCollection) data).addSeries(bars);
    JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel,
        data, PlotOrientation.VERTICAL, false, false, false);
    chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    XYPlot plot = chart.getXYPlot();
    double[] loads = levels.stream().mapToDouble(LevelMetrics::load).filter(v -> v > 0).toArray();
    LevelTickAxis axis = new LevelTickAxis(xLabel, loads);
    double min = loads.length == 0 ? 1 : java.util.Arrays.stream(loads).min().getAsDouble();
    double max = loads.length == 0 ? 10 : java.util.Arrays.stream(loads).max().getAsDouble();
    axis.setRange(min / 1.5, Math.max(max * 1.5, min * 2));
    if (s.getItemCount() > 0 && s.getMaxY() == 0) {
      // An all-zero series (no failures) would get a meaningless ±1e-9 axis.
      plot.getRangeAxis().setRange(0, 1);
    }
    plot.setDomainAxis(axis);
    style(plot, color);
    if (interval != null) {
      XYErrorRenderer errors = new XYErrorRenderer();
      errors.setDefaultLinesVisible(true);
      errors.setDrawXError(false);
      errors.setSeriesStroke(0, new BasicStroke(2f));
      errors.setSeriesPaint(0, color);
      errors.setErrorPaint(color);
      plot.setRenderer(errors);
    }
    return chart;
  }

  static void style(XYPlot plot, Color color) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0, 0, 0, 70));
    plot.setRangeGridlinePaint(new Color(0, 0, 0, 70));
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < Math.max(1, plot.getDataset().getSeriesCount()); i++) {
      renderer.setSeriesStroke(i, new BasicStroke(2f));
      renderer.setSeriesPaint(i, color != null ? color : PALETTE[i % PALETTE.length]);
    }
    plot.setRenderer(renderer);
  }

  /** The palette's colour of series {@code i} (levels keep their colour across charts). */
  static Color color(int i) {
    return PALETTE[i % PALETTE.length];
  }

  static byte[] png(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // In memory, no temp-file cache: the cache registers a shutdown hook, which fails when reports
    // are written from one (the sweep analyses at JVM exit, after Gatling's report).
    ImageIO.setUseCache(false);
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode PNG", e);
    }
    return out.toByteArray();
  }

  /** Tick labels of the 1/(1−p) axis as percentiles: 10 → "90%", 1000 → "99.9%". */
  static final class PercentileFormat extends java.text.NumberFormat {
    @Override
    public StringBuffer format(double number, StringBuffer to, java.text.FieldPosition pos) {
      double p = 100 * (1 - 1 / number);
      return to.append(new DecimalFormat("0.#####", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)).format(Math.max(0, p))).append('%');
    }

    @Override
    public StringBuffer format(long number, StringBuffer to, java.text.FieldPosition pos) {
      return format((double) number, to, pos);
    }

    @Override
    public Number parse(String source, java.text.ParsePosition pos) {
      return null;
    }
  }
}
