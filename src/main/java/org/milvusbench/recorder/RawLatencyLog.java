package org.milvusbench.recorder;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Every latency of a level (µs), kept raw so numpy-style percentiles are exact. Lock-free append
 * from many threads: a slot index is claimed with one atomic increment, chunks of 64k values are
 * allocated lazily. No boxing.
 */
public final class RawLatencyLog {
  private static final int CHUNK_BITS = 16;
  private static final int CHUNK_SIZE = 1 << CHUNK_BITS;
  private static final int MAX_CHUNKS = 1 << 14; // 1G values: far beyond any level

  private final AtomicLong next = new AtomicLong();
  private final AtomicReferenceArray<long[]> chunks = new AtomicReferenceArray<>(MAX_CHUNKS);

  /** Appends one latency in microseconds; values beyond capacity are dropped (never expected). */
  public void add(long latencyMicros) {
    long slot = next.getAndIncrement();
    int chunkIndex = (int) (slot >>> CHUNK_BITS);
    if (chunkIndex >= MAX_CHUNKS) {
      return;
    }
    long[] chunk = chunks.get(chunkIndex);
    if (chunk == null) {
      long[] fresh = new long[CHUNK_SIZE];
      chunk = chunks.compareAndSet(chunkIndex, null, fresh) ? fresh : chunks.get(chunkIndex);
    }
    chunk[(int) (slot & (CHUNK_SIZE - 1))] = latencyMicros;
  }

  public long size() {
    return Math.min(next.get(), (long) MAX_CHUNKS * CHUNK_SIZE);
  }

  /**
   * A copy of the values in arrival order. Call once writers have stopped (the level is over);
   * the thread that hands the level over provides the happens-before edge.
   */
  public long[] toArray() {
    int n = (int) Math.min(size(), Integer.MAX_VALUE - 8);
    long[] out = new long[n];
    for (int i = 0; i < n; i += CHUNK_SIZE) {
      long[] chunk = chunks.get(i >>> CHUNK_BITS);
      int len = Math.min(CHUNK_SIZE, n - i);
      if (chunk != null) {
        System.arraycopy(chunk, 0, out, i, len);
      } else {
        Arrays.fill(out, i, i + len, 0);
      }
    }
    return out;
  }
}
