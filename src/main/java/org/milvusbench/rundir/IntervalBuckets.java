package org.milvusbench.rundir;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.milvusbench.recorder.LevelRecorder;

/**
 * The intervals of several injectors' level laid on one time axis: consecutive buckets of the
 * interval length from the merged window's start, each injector interval added into the bucket
 * holding its midpoint. Injectors' clocks tick independently, so an interval lands at most one
 * bucket from where it began; every count lands exactly once, so the buckets add up to the level.
 */
final class IntervalBuckets {
  private final long startMillis;
  private final long endMillis;
  private final long lengthMillis;

  IntervalBuckets(long startMillis, long endMillis, long lengthMillis) {
    if (lengthMillis <= 0) {
      throw new IllegalArgumentException("interval length must be positive, got " + lengthMillis + " ms");
    }
    this.startMillis = startMillis;
    this.endMillis = Math.max(endMillis, startMillis + 1);
    this.lengthMillis = lengthMillis;
  }

  private int bucketOf(long fromMillis, long toMillis) {
    long mid = fromMillis + (toMillis - fromMillis) / 2;
    return (int) Math.max(0, Math.min((mid - startMillis) / lengthMillis, lastBucket()));
  }

  private int lastBucket() {
    return (int) ((endMillis - 1 - startMillis) / lengthMillis);
  }

  private long bucketStart(int k) {
    return startMillis + k * lengthMillis;
  }

  private long bucketEnd(int k) {
    return Math.min(bucketStart(k) + lengthMillis, endMillis);
  }

  /** Every injector's interval histograms (each stamped with its bounds) added into the buckets. */
  List<Histogram> histograms(List<List<Histogram>> injectors) {
    List<Histogram> buckets = new ArrayList<>();
    for (int k = 0; k <= lastBucket(); k++) {
      Histogram h = new Histogram(LevelRecorder.SIGNIFICANT_DIGITS);
      h.setStartTimeStamp(bucketStart(k));
      h.setEndTimeStamp(bucketEnd(k));
      buckets.add(h);
    }
    for (List<Histogram> intervals : injectors) {
      for (Histogram interval : intervals) {
        Histogram bucket = buckets.get(bucketOf(interval.getStartTimeStamp(), interval.getEndTimeStamp()));
        long start = bucket.getStartTimeStamp();
        long end = bucket.getEndTimeStamp();
        bucket.add(interval);
        // add() widens the time stamps to the added interval's; the bucket keeps its own.
        bucket.setStartTimeStamp(start);
        bucket.setEndTimeStamp(end);
      }
    }
    return buckets;
  }

  /** Every injector's interval counts added into the buckets. */
  List<LevelResult.IntervalCount> counts(List<List<LevelResult.IntervalCount>> injectors) {
    long[] successes = new long[lastBucket() + 1];
    long[] failures = new long[lastBucket() + 1];
    for (List<LevelResult.IntervalCount> intervals : injectors) {
      for (LevelResult.IntervalCount i : intervals) {
        int k = bucketOf(i.startEpochMillis(), i.endEpochMillis());
        successes[k] += i.successes();
        failures[k] += i.failures();
      }
    }
    List<LevelResult.IntervalCount> out = new ArrayList<>();
    for (int k = 0; k < successes.length; k++) {
      out.add(new LevelResult.IntervalCount(bucketStart(k), bucketEnd(k), successes[k], failures[k]));
    }
    return out;
  }
}
