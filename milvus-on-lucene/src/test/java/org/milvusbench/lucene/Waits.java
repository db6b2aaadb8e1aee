package org.milvusbench.lucene;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waiting on events in tests: the only bound is against a hang, never a timing assertion. */
final class Waits {
  static final long HANG_SECONDS = 120;

  private Waits() {}

  /** Returns once {@code condition} holds; fails only if it does not within {@link #HANG_SECONDS}. */
  static void until(BooleanSupplier condition, String what) throws InterruptedException {
    long hangNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(HANG_SECONDS);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < hangNanos, "no " + what + " within " + HANG_SECONDS + " s: hung");
      Thread.sleep(2);
    }
  }
}
