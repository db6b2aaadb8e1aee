package org.milvusbench.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A log-scale axis labelled at the measured levels themselves (1, 5, 10, 20, 50, 100), as the
 * reference's chart is: decade ticks alone would leave most points unlabelled.
 */
final class LevelTickAxis extends LogAxis {
  private static final DecimalFormat FORMAT = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
  private final double[] levels;

  LevelTickAxis(String label, double[] levels) {
    super(label);
    this.levels = levels.clone();
    setBase(10);
    setSmallestValue(0.1);
  }

  @Override
  @SuppressWarnings("rawtypes")
  public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
    List<NumberTick> ticks = new ArrayList<>();
    boolean vertical = RectangleEdge.isLeftOrRight(edge);
    for (double level : levels) {
      ticks.add(new NumberTick(level, FORMAT.format(level),
          vertical ? TextAnchor.CENTER_RIGHT : TextAnchor.TOP_CENTER, TextAnchor.CENTER, 0.0));
    }
    return ticks;
  }
}
