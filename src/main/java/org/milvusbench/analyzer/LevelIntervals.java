package org.milvusbench.analyzer;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * One level cut into intervals, as its run directory kept them, and the steady-state verdict on them.
 *
 * @param histogramsMicros each interval's successful latencies (µs), stamped with its bounds (epoch ms)
 * @param failures each interval's failures, parallel to {@code histogramsMicros}
 */
public record LevelIntervals(List<Histogram> histogramsMicros, List<Long> failures, SteadyState steadiness) {

  public LevelIntervals {
    histogramsMicros = List.copyOf(histogramsMicros);
    failures = List.copyOf(failures);
    if (histogramsMicros.size() != failures.size()) {
      throw new IllegalArgumentException("one failure count per interval expected");
    }
  }

  /** A level without intervals (older runs, the reference's results), not judged for that reason. */
  public static LevelIntervals none(String why) {
    return new LevelIntervals(List.of(), List.of(), SteadyState.notJudged(why));
  }

  /** Judges the intervals' steady state. */
  public static LevelIntervals of(List<Histogram> histogramsMicros, List<Long> failures) {
    return new LevelIntervals(histogramsMicros, failures, SteadyState.judge(histogramsMicros, failures));
  }
}
