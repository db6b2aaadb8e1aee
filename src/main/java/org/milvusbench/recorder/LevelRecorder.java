package org.milvusbench.recorder;

import io.milvus.grpc.SearchResults;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.milvusbench.gatling.core.OperationObserver;
import org.milvusbench.gatling.core.SearchObserver;

/**
 * What one load level measured, recorded lock-free from the search action: an HdrHistogram {@link
 * Recorder} of successful latencies in microseconds, every raw latency, success and failure
 * counts, the window (first start to last answer), and recall@k when the queries have ground truth.
 *
 * <p>The same recorder serves insert, upsert, delete and query actions ({@link OperationObserver}):
 * there it also counts the rows the replies reported.
 *
 * <p>The histogram is also cut into intervals ({@link #sampleInterval()}, every second by default),
 * HdrHistogram's intended use of its log: latency and throughput over time inside the level.
 */
public final class LevelRecorder implements SearchObserver, OperationObserver {
  /** 3 significant digits: ±0.1 % of the value, ~1 µs resolution below 1 ms. */
  public static final int SIGNIFICANT_DIGITS = 3;
  /**
   * The recorders' fixed range (1 h; longer latencies are recorded as 1 h, the raw log keeps them).
   * Fixed, not auto-resizing: HdrHistogram 2.2.2's concurrent auto-resize raced with the interval
   * swap, and one interval in tens of thousands encoded a counts array its own header did not cover
   * (the log then failed to decode: ArrayIndexOutOfBoundsException, seen in CI and reproduced).
   */
  public static final long HIGHEST_TRACKABLE_MICROS = 3_600_000_000L;

  private final String name;
  private final Recorder histogramMicros = new Recorder(1, HIGHEST_TRACKABLE_MICROS, SIGNIFICANT_DIGITS);
  // Every request, failures at their elapsed time: an overloaded level's KOs (deadlines) must not
  // hide behind the successes' percentiles. Read once, at the snapshot.
  private final Recorder allMicros = new Recorder(1, HIGHEST_TRACKABLE_MICROS, SIGNIFICANT_DIGITS);
  private final RawLatencyLog rawMicros;
  private final LongAdder successes = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private final LongAdder rows = new LongAdder();
  private final LongAccumulator firstStartEpochMicros = new LongAccumulator(Math::min, Long.MAX_VALUE);
  private final LongAccumulator lastEndEpochMicros = new LongAccumulator(Math::max, Long.MIN_VALUE);
  private final RecallAccumulator recall;
  // Touched only by the sweep's interval ticker and the level's end, under this object's lock.
  private final LongAdder intervalFailures = new LongAdder();
  private final List<Interval> intervals = new ArrayList<>();
  private long intervalStartMillis = -1;

  /**
   * @param name the level's request name, e.g. {@code search c=20} or {@code insert c=20}
   * @param keepRaw keep every latency (for exact numpy percentiles), not only the histogram
   * @param recall where to score recall; null when the queries have no ground truth
   */
  public LevelRecorder(String name, boolean keepRaw, RecallAccumulator recall) {
    this.name = name;
    this.rawMicros = keepRaw ? new RawLatencyLog() : null;
    this.recall = recall;
  }

  public String name() {
    return name;
  }

  @Override
  public void onSearch(boolean ok, long startEpochMicros, long latencyMicros, int firstQueryIndex, SearchResults results) {
    if (record(ok, startEpochMicros, latencyMicros) && recall != null && firstQueryIndex >= 0 && results != null) {
      recall.add(firstQueryIndex, results.getResults());
    }
  }

  @Override
  public void onOperation(boolean ok, long startEpochMicros, long latencyMicros, long rows) {
    if (record(ok, startEpochMicros, latencyMicros)) {
      this.rows.add(rows);
    }
  }

  /** Counts one completed request into the window, and its latency when it succeeded; returns {@code ok}. */
  private boolean record(boolean ok, long startEpochMicros, long latencyMicros) {
    firstStartEpochMicros.accumulate(startEpochMicros);
    lastEndEpochMicros.accumulate(startEpochMicros + latencyMicros);
    long trackedMicros = Math.min(Math.max(latencyMicros, 0), HIGHEST_TRACKABLE_MICROS);
    allMicros.recordValue(trackedMicros);
    if (!ok) {
      failures.increment();
      intervalFailures.increment();
      return false;
    }
    histogramMicros.recordValue(trackedMicros);
    if (rawMicros != null) {
      rawMicros.add(latencyMicros);
    }
    successes.increment();
    return true;
  }

  /** Starts the first interval now (the level's load is about to begin). */
  public synchronized void startIntervals() {
    intervalStartMillis = System.currentTimeMillis();
  }

  /**
   * Closes the current interval and starts the next: swaps out the interval histogram without
   * stopping the writers (HdrHistogram's Recorder), stamped with its wall-clock bounds (ms).
   */
  public synchronized void sampleInterval() {
    closeInterval(System.currentTimeMillis(), false);
  }

  /**
   * Appends the interval ending at {@code endMillis}. Intervals lie inside the level's window: none
   * before its first request (the ticker starts before Gatling injects the users, up to a second
   * earlier), and the last ends with its last answer, so idle time dilutes no interval's throughput.
   */
  private void closeInterval(long endMillis, boolean last) {
    long firstStart = firstStartEpochMicros.get();
    if (firstStart == Long.MAX_VALUE && !last) {
      return; // the load has not begun
    }
    Histogram h = histogramMicros.getIntervalHistogram();
    long failed = intervalFailures.sumThenReset();
    if (last && !intervals.isEmpty() && h.getTotalCount() == 0 && failed == 0) {
      return; // a tick came after the last answer: nothing left to report
    }
    long start = intervals.isEmpty() && firstStart != Long.MAX_VALUE ? firstStart / 1000
        : intervalStartMillis < 0 ? endMillis : intervalStartMillis;
    long end = Math.max(start, endMillis);
    h.setStartTimeStamp(start);
    h.setEndTimeStamp(end);
    h.setTag(tag());
    intervals.add(new Interval(h, failed));
    intervalStartMillis = end;
  }

  /**
   * Everything recorded so far, as an immutable snapshot. Take it after the level's users have
   * finished; it closes the last interval, so call it once.
   */
  public synchronized LevelSnapshot snapshot() {
    long lastEnd = lastEndEpochMicros.get();
    long now = System.currentTimeMillis();
    // The last interval ends with the level's window (its last answer), not when the snapshot is taken.
    closeInterval(lastEnd == Long.MIN_VALUE ? now : Math.min(now, (lastEnd + 999) / 1000), true);
    Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
    intervals.forEach(i -> histogram.add(i.histogramMicros()));
    long start = firstStartEpochMicros.get();
    boolean any = start != Long.MAX_VALUE;
    long startMicros = any ? start : 0;
    long endMicros = any ? lastEndEpochMicros.get() : 0;
    histogram.setStartTimeStamp(startMicros / 1000);
    histogram.setEndTimeStamp(endMicros / 1000);
    histogram.setTag(tag());
    return new LevelSnapshot(name, successes.sum(), failures.sum(), rows.sum(), startMicros, endMicros, histogram,
        allMicros.getIntervalHistogram(),
        List.copyOf(intervals), rawMicros == null ? null : rawMicros.toArray(),
        recall == null ? -1 : recall.k(), recall == null ? 0 : recall.samples(), recall == null ? 0 : recall.mean());
  }

  /** HdrHistogram's log reader splits on spaces and commas: a tag must have neither. */
  private String tag() {
    return name.replaceAll("[\\s,]+", "_");
  }

  /**
   * One interval of a level.
   *
   * @param histogramMicros successful latencies answered in it, stamped with its bounds (epoch ms)
   * @param failures failures answered in it
   */
  public record Interval(Histogram histogramMicros, long failures) {}

  /**
   * One level's measurements.
   *
   * @param rows rows the successful replies reported (writes, query results); 0 for searches
   * @param histogramMicros the whole level: the sum of its intervals
   * @param allRequestsMicros every request's latency, failures at their elapsed time
   * @param intervals the level cut into intervals, in time order
   * @param rawMicros successful latencies in arrival order; null when not kept
   * @param recallK recall depth, -1 when recall was not measured
   */
  public record LevelSnapshot(String name, long successes, long failures, long rows, long windowStartEpochMicros,
      long windowEndEpochMicros, Histogram histogramMicros, Histogram allRequestsMicros, List<Interval> intervals, long[] rawMicros, int recallK,
      long recallSamples,
      double recallMean) {

    public long total() {
      return successes + failures;
    }
  }
}
