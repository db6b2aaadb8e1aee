package org.milvusbench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.imageio.ImageIO;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.milvusbench.analyzer.AnalysisReport;
import org.milvusbench.analyzer.Analyzer;
import org.milvusbench.analyzer.AnalyzerOptions;
import org.milvusbench.analyzer.LevelIntervals;
import org.milvusbench.analyzer.LevelMetrics;
import org.milvusbench.analyzer.RunData;

/** The over-time chart is drawn from the intervals a run kept, and not at all without them. */
class TimelineChartTest {

  private static AnalysisReport report(List<LevelIntervals> intervals) {
    List<LevelMetrics> levels = List.of(
        new LevelMetrics("c1", 1, 0, 600, 2, 300, 300, 3, 3, 5, 6, 9, 1, 1, 600, 0, 0, null, 0, null, "results"),
        new LevelMetrics("c4", 4, 0, 1600, 2, 800, 800, 5, 5, 9, 11, 19, 1, 2, 1600, 0, 0, null, 0, null, "results"));
    RunData run = new RunData(Path.of("results.json"), Path.of("."), "results", "r", "closed", levels,
        new ArrayList<>(Collections.nCopies(2, (Histogram) null)), null, 2, List.of(), intervals);
    return Analyzer.analyze(run, AnalyzerOptions.defaults());
  }

  private static LevelIntervals seconds(long perSecond, long micros, int n) {
    List<Histogram> hs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Histogram h = new Histogram(3);
      h.recordValueWithCount(micros, perSecond);
      h.setStartTimeStamp(1_796_000_000_000L + 1000L * i);
      h.setEndTimeStamp(1_796_000_000_000L + 1000L * (i + 1));
      hs.add(h);
    }
    return LevelIntervals.of(hs, Collections.nCopies(n, 0L));
  }

  @Test
  void drawnFromIntervals() throws Exception {
    byte[] png = TimelineChart.png(report(List.of(seconds(300, 3000, 4), seconds(800, 5000, 4))));
    assertNotNull(png);
    assertArrayEquals(new int[] {1400, 900}, size(png));
  }

  @Test
  void absentWithoutIntervals() {
    assertNull(TimelineChart.png(report(List.of(LevelIntervals.none("x"), LevelIntervals.none("x")))));
  }

  private static int[] size(byte[] png) throws Exception {
    var image = ImageIO.read(new ByteArrayInputStream(png));
    return new int[] {image.getWidth(), image.getHeight()};
  }
}
