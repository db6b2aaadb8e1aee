package org.milvusbench.lucene.metrics;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.function.DoubleConsumer;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Server-side service time of search RPCs, in microseconds: from the request reaching the handler to the
 * response handed to gRPC. Writers record lock-free ({@link Recorder}); a reader either snapshots the
 * cumulative histogram or swaps out an interval histogram (the sweep resets at each level boundary).
 */
public final class ServiceTimes {
  private static final long MAX_MICROS = 3_600_000_000L;

  private final Recorder recorder = new Recorder(MAX_MICROS, 3);
  private final Histogram cumulative = new Histogram(MAX_MICROS, 3);
  private final DoubleConsumer successMillis;
  private Histogram interval;

  /** Without a listener for successful searches. */
  public ServiceTimes() {
    this(ms -> {});
  }

  /** @param successMillis told each successful search's service time, ms (the query node's histogram) */
  public ServiceTimes(DoubleConsumer successMillis) {
    this.successMillis = successMillis;
  }

  /** Records one search; {@code startNanos} from {@link System#nanoTime()} at arrival. */
  public void record(long startNanos, boolean succeeded) {
    long nanos = System.nanoTime() - startNanos;
    recorder.recordValue(Math.min(Math.max(nanos / 1000, 0), MAX_MICROS));
    if (succeeded) {
      successMillis.accept(nanos / 1e6);
    }
  }

  /**
   * Histogram of searches since the last reset (or start). With {@code reset} a new interval starts:
   * the swap is lock-free for writers ({@link Recorder#getIntervalHistogram(Histogram)}).
   */
  public synchronized Histogram snapshot(boolean reset) {
    interval = recorder.getIntervalHistogram(interval);
    cumulative.add(interval);
    Histogram out = cumulative.copy();
    if (reset) {
      cumulative.reset();
    }
    return out;
  }

  /** base64 of {@link Histogram#encodeIntoCompressedByteBuffer}, decodable with {@code Histogram.decodeFromCompressedByteBuffer}. */
  public static String encode(Histogram h) {
    ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
    int len = h.encodeIntoCompressedByteBuffer(buf);
    byte[] bytes = new byte[len];
    buf.flip();
    buf.get(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
