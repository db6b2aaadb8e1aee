package org.milvusbench.sweep.run;

import org.milvusbench.gatling.core.StartSchedule;
import org.milvusbench.recorder.LevelRecorder;
import org.milvusbench.milvus.AdminClient;
import org.milvusbench.rundir.LevelResult;
import org.milvusbench.rundir.RunLayout;

/**
 * One step of the sweep and its mutable bookkeeping (touched only between levels, by the single
 * boundary user, so no synchronisation beyond Gatling's own hand-over).
 */
public final class Level {
  final int index;
  final int concurrency;
  final double ratePerSecond;
  final LevelRecorder recorder;
  final LevelBudget budget;
  final StartSchedule schedule;
  volatile long beginNanos;
  volatile long generatorCpuBeginNanos;
  volatile AdminClient.ServerStats serverBegin;
  volatile LevelResult result;
  /** The level's interval ticker while it runs (cuts its histogram into intervals); null otherwise. */
  volatile java.util.concurrent.ScheduledFuture<?> intervalTicker;

  Level(int index, int concurrency, double ratePerSecond, LevelRecorder recorder, LevelBudget budget, StartSchedule schedule) {
    this.index = index;
    this.concurrency = concurrency;
    this.ratePerSecond = ratePerSecond;
    this.recorder = recorder;
    this.budget = budget;
    this.schedule = schedule;
  }

  /** {@code c=20} (closed) or {@code r=100/s} (open). */
  public String label() {
    return label(concurrency, ratePerSecond);
  }

  /** Gatling request name: one line per level in Gatling's report. */
  public String requestName() {
    return requestName(concurrency, ratePerSecond);
  }

  static String label(int concurrency, double ratePerSecond) {
    return concurrency > 0 ? "c=" + concurrency : "r=" + RunLayout.formatRate(ratePerSecond) + "/s";
  }

  /** The request name of a level before it exists (its recorder is named so). */
  static String requestName(int concurrency, double ratePerSecond) {
    return "search " + label(concurrency, ratePerSecond);
  }

  /** File-name stem, e.g. {@code level-03-c10}. */
  public String fileStem() {
    return RunLayout.levelStem(index, concurrency, ratePerSecond);
  }

  public int concurrency() {
    return concurrency;
  }

  public double ratePerSecond() {
    return ratePerSecond;
  }

  public LevelRecorder recorder() {
    return recorder;
  }

  public LevelBudget budget() {
    return budget;
  }

  public StartSchedule schedule() {
    return schedule;
  }

  public LevelResult result() {
    return result;
  }
}
