package org.milvusbench.sweep.run;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * When a closed-model level stops: after exactly N requests (the reference's mode: each virtual
 * user takes a token before each request, so N completions are counted, no more, no fewer), or
 * once a duration has passed since the level's first request.
 */
public abstract sealed class LevelBudget {

  /** True when one more request may be sent; thread-safe, lock-free. */
  public abstract boolean tryAcquire();

  public static LevelBudget requests(long count) {
    return new Count(count);
  }

  public static LevelBudget duration(long nanos) {
    return new Deadline(nanos, System::nanoTime);
  }

  /** A duration budget on another clock ({@link System#nanoTime()} scale): for tests. */
  static LevelBudget duration(long nanos, LongSupplier clockNanos) {
    return new Deadline(nanos, clockNanos);
  }

  static final class Count extends LevelBudget {
    private final AtomicLong remaining;

    Count(long count) {
      remaining = new AtomicLong(count);
    }

    @Override
    public boolean tryAcquire() {
      // Never below zero by more than the number of users: fine for a long.
      return remaining.getAndDecrement() > 0;
    }
  }

  static final class Deadline extends LevelBudget {
    private static final long UNSET = Long.MIN_VALUE;
    private final long durationNanos;
    private final LongSupplier clockNanos;
    private final AtomicLong deadlineNanos = new AtomicLong(UNSET);

    Deadline(long durationNanos, LongSupplier clockNanos) {
      this.durationNanos = durationNanos;
      this.clockNanos = clockNanos;
    }

    @Override
    public boolean tryAcquire() {
      long now = clockNanos.getAsLong();
      long deadline = deadlineNanos.get();
      if (deadline == UNSET) {
        deadlineNanos.compareAndSet(UNSET, now + durationNanos);
        deadline = deadlineNanos.get();
      }
      return now < deadline;
    }
  }
}
