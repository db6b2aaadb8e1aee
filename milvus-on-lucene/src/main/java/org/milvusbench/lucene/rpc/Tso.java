package org.milvusbench.lucene.rpc;

import java.util.concurrent.atomic.AtomicLong;

/** Milvus hybrid timestamps: physical milliseconds shifted left 18 bits plus a logical counter; strictly increasing. */
final class Tso {
  private static final AtomicLong LAST = new AtomicLong();

  private Tso() {}

  static long next() {
    long physical = System.currentTimeMillis() << 18;
    return LAST.updateAndGet(prev -> Math.max(prev + 1, physical));
  }
}
