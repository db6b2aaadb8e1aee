package org.milvusbench.sweep.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LevelBudgetTest {

  @Test
  void countBudgetGrantsExactlyNAcrossThreads() throws InterruptedException {
    LevelBudget budget = LevelBudget.requests(10_000);
    AtomicLong granted = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Thread thread = new Thread(() -> {
        while (budget.tryAcquire()) {
          granted.incrementAndGet();
        }
      });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(10_000, granted.get());
    assertFalse(budget.tryAcquire());
  }

  @Test
  void durationBudgetStartsAtFirstRequest() {
    long[] now = {1_000_000_000L};
    LevelBudget budget = LevelBudget.duration(50_000_000L, () -> now[0]);
    now[0] += 80_000_000L; // time before the first request does not count
    assertTrue(budget.tryAcquire());
    now[0] += 49_999_999L;
    assertTrue(budget.tryAcquire());
    now[0] += 1;
    assertFalse(budget.tryAcquire());
  }

  @Test
  void openScheduleChargesLatenessNotEarliness() {
    OpenModelSchedule schedule = new OpenModelSchedule(100); // one every 10 ms
    assertEquals(1_000_000_000L, schedule.intendedStartNanos(1_000_000_000L));
    // second request due at +10 ms but sent at +25 ms: measured from +10 ms
    assertEquals(1_010_000_000L, schedule.intendedStartNanos(1_025_000_000L));
    // third due at +20 ms, sent early at +15 ms: measured from its send
    assertEquals(1_015_000_000L, schedule.intendedStartNanos(1_015_000_000L));
  }
}
