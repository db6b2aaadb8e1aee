package org.milvusbench.gatling.internal;

/**
 * Converts {@link System#nanoTime()} readings to epoch microseconds, anchored once per JVM: request
 * timing stays monotonic, results still carry wall-clock windows.
 */
public final class EpochClock {
  private static final long ANCHOR_NANOS = System.nanoTime();
  private static final long ANCHOR_EPOCH_MICROS = System.currentTimeMillis() * 1000;

  private EpochClock() {}

  /** Epoch microseconds of a {@code System.nanoTime()} reading taken in this JVM. */
  public static long epochMicros(long nanoTime) {
    return ANCHOR_EPOCH_MICROS + (nanoTime - ANCHOR_NANOS) / 1000;
  }
}
