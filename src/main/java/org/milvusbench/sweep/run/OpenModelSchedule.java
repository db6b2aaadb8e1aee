package org.milvusbench.sweep.run;

import java.util.concurrent.atomic.AtomicLong;
import org.milvusbench.gatling.core.StartSchedule;

/**
 * Intended start times of an open-model level: request k (in send order) was due at {@code first
 * send + k / rate}. A request sent later than due is charged the wait (coordinated omission);
 * one sent early is timed from its send.
 */
public final class OpenModelSchedule implements StartSchedule {
  private static final long UNSET = Long.MIN_VALUE;
  private final double periodNanos;
  private final AtomicLong origin = new AtomicLong(UNSET);
  private final AtomicLong sent = new AtomicLong();

  public OpenModelSchedule(double ratePerSecond) {
    this.periodNanos = 1e9 / ratePerSecond;
  }

  @Override
  public long intendedStartNanos(long sendNanos) {
    long k = sent.getAndIncrement();
    if (origin.get() == UNSET) {
      // Whoever sets the origin may hold k > 0 (two loops send at once): date it back to request 0.
      origin.compareAndSet(UNSET, sendNanos - (long) (k * periodNanos));
    }
    long intended = origin.get() + (long) (k * periodNanos);
    return Math.min(intended, sendNanos);
  }
}
