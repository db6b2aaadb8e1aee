package org.milvusbench.sweep.run;

import java.util.ArrayDeque;

/**
 * The primary keys of the rows this run wrote and that still exist, oldest first: what a mixed
 * workload's upserts and deletes work on (never the seeded rows, whose ground truth the recall
 * depends on), and what the run deletes at the end so the collection is as data-prep left it.
 *
 * <p>One lock around an array deque: a mixed level touches it a few hundred times a second.
 */
final class WrittenKeys {
  private final ArrayDeque<Long> keys = new ArrayDeque<>();

  synchronized void add(long[] written) {
    for (long key : written) {
      keys.addLast(key);
    }
  }

  /** Up to {@code count} of the oldest keys, removed from the pool. */
  synchronized long[] take(int count) {
    long[] out = new long[Math.min(count, keys.size())];
    for (int i = 0; i < out.length; i++) {
      out[i] = keys.removeFirst();
    }
    return out;
  }

  synchronized int size() {
    return keys.size();
  }
}
