package org.milvusbench.analyzer;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.milvusbench.recorder.LevelRecorder;

/**
 * Whether a level ran in a steady state, judged from its intervals (the .hlog's lines and
 * results.json's per-interval failures): its throughput and median in the first half of its window
 * against the second half, and whether a start-up transient dominated its first interval. An
 * unsteady level measured something else than its concurrency (warm-up, a compaction, a noisy
 * neighbour): it is flagged, and the knee ignores it unless {@code knee.includeUnsteady=true}.
 *
 * @param judged false when the level is too short to judge (fewer than {@value #MIN_INTERVALS}
 *     intervals or {@value #MIN_HALF_SUCCESSES} successes per half) or kept no intervals
 * @param qpsDriftPct second half's QPS against the first half's, percent (null when not judged)
 * @param p50DriftPct second half's p50 against the first half's, percent (null when not judged)
 * @param reason why it is unsteady, or why it was not judged; empty when steady
 */
public record SteadyState(boolean judged, boolean steady, Double qpsDriftPct, Double p50DriftPct, String reason) {
  /** Largest drift of QPS or p50 between the halves of a steady level, percent. */
  public static final double MAX_DRIFT_PCT = 20;
  /** A first interval whose p50 exceeds the level's by this factor is a start-up transient... */
  public static final double TRANSIENT_P50_FACTOR = 2;
  /** ...when it holds at least this share of the level's successes. */
  public static final double TRANSIENT_MIN_SHARE = 0.10;
  static final int MIN_INTERVALS = 4;
  static final long MIN_HALF_SUCCESSES = 50;

  /** Not judged, for the reason given. */
  public static SteadyState notJudged(String reason) {
    return new SteadyState(false, true, null, null, reason);
  }

  /**
   * Judges a level from its intervals in time order.
   *
   * @param intervals success latencies (µs) of each interval, stamped with its bounds (epoch ms)
   * @param failures failures of each interval, parallel to {@code intervals}
   */
  public static SteadyState judge(List<Histogram> intervals, List<Long> failures) {
    if (intervals.size() < MIN_INTERVALS) {
      return notJudged("too short to judge: " + intervals.size() + " intervals, " + MIN_INTERVALS + " needed");
    }
    long startMillis = intervals.get(0).getStartTimeStamp();
    long endMillis = intervals.get(intervals.size() - 1).getEndTimeStamp();
    double midMillis = (startMillis + endMillis) / 2.0;
    Half first = new Half();
    Half second = new Half();
    Histogram all = new Histogram(LevelRecorder.SIGNIFICANT_DIGITS);
    for (int i = 0; i < intervals.size(); i++) {
      Histogram h = intervals.get(i);
      all.add(h);
      // An interval belongs to the half that holds its midpoint: halves differ by at most one interval.
      ((h.getStartTimeStamp() + h.getEndTimeStamp()) / 2.0 < midMillis ? first : second).add(h, failures.get(i));
    }
    if (first.latency.getTotalCount() < MIN_HALF_SUCCESSES || second.latency.getTotalCount() < MIN_HALF_SUCCESSES) {
      return notJudged("too short to judge: fewer than " + MIN_HALF_SUCCESSES + " successes in a half");
    }
    double qpsDrift = 100 * (second.qps() / first.qps() - 1);
    double p50Drift = 100 * ((double) second.latency.getValueAtPercentile(50) / first.latency.getValueAtPercentile(50) - 1);
    StringBuilder why = new StringBuilder();
    if (Math.abs(qpsDrift) > MAX_DRIFT_PCT) {
      why.append(String.format("QPS drifted %+.0f %% between the halves", qpsDrift));
    }
    if (Math.abs(p50Drift) > MAX_DRIFT_PCT) {
      why.append(why.length() > 0 ? "; " : "").append(String.format("p50 drifted %+.0f %% between the halves", p50Drift));
    }
    Histogram head = intervals.get(0);
    if (head.getTotalCount() >= TRANSIENT_MIN_SHARE * all.getTotalCount()
        && head.getValueAtPercentile(50) > TRANSIENT_P50_FACTOR * all.getValueAtPercentile(50)) {
      why.append(why.length() > 0 ? "; " : "").append(String.format(
          "start-up transient: the first interval's p50 is %.1fx the level's",
          (double) head.getValueAtPercentile(50) / all.getValueAtPercentile(50)));
    }
    return new SteadyState(true, why.length() == 0, qpsDrift, p50Drift, why.toString());
  }

  /** One half of a level's window: its requests, the time its intervals span, its latencies. */
  private static final class Half {
    final Histogram latency = new Histogram(LevelRecorder.SIGNIFICANT_DIGITS);
    long requests;
    long millis;

    void add(Histogram interval, long failed) {
      latency.add(interval);
      requests += interval.getTotalCount() + failed;
      millis += interval.getEndTimeStamp() - interval.getStartTimeStamp();
    }

    double qps() {
      return requests * 1000.0 / Math.max(1, millis);
    }
  }
}
