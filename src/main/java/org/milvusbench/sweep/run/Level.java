package org.milvusbench.sweep.run;

import java.util.Map;
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
  final Parts parts;
  final Trial trial;
  volatile long beginNanos;
  volatile long generatorCpuBeginNanos;
  volatile AdminClient.ServerStats serverBegin;
  volatile org.milvusbench.milvus.PromScrape prometheusBegin;
  volatile LevelResult result;
  /** The level's interval ticker while it runs (cuts its histogram into intervals); null otherwise. */
  volatile java.util.concurrent.ScheduledFuture<?> intervalTicker;
  /** Coordinated injectors: this injector's arrival at the level's barrier; null otherwise. */
  volatile java.util.concurrent.CompletableFuture<Void> barrier;
  volatile boolean barrierFailureReported;
  /** Streaming: the no-ingest phase's snapshot, taken when the ingest starts. */
  volatile LevelRecorder.LevelSnapshot baselineSnapshot;
  /** Streaming: the background ingest runs; cleared when the level's search load is done. */
  volatile boolean ingesting;
  /** Streaming: the ingest user has left its loop (no insert of this level in flight). */
  volatile boolean ingestStopped;

  /**
   * What a workload adds to a level.
   *
   * @param operations the level's other operations' recorders, by operation, in report order
   * @param baselineBudget streaming: the no-ingest phase's budget; else null
   * @param baselineSchedule streaming: the no-ingest phase's start schedule; else null
   * @param freshness streaming: the probe's samples; else null
   * @param deal mixed: which operation each request runs; else null
   * @param recall streaming: recall of the searches beside the ingest; null without ground truth
   */
  record Parts(Map<String, LevelRecorder> operations, LevelBudget baselineBudget, StartSchedule baselineSchedule,
      FreshnessRecorder freshness, MixDeal deal, StreamingRecall recall) {
    static final Parts NONE = new Parts(Map.of(), null, null, null, null, null);
  }

  /**
   * Which repetition of the schedule a level belongs to ({@code sweep.trials}): trial {@code number}
   * of {@code of}; with one trial, names carry no trial. In the A/B mode also which target this pass
   * of the level loads ({@code role}: {@link LevelResult#CANDIDATE} or {@link LevelResult#BASELINE},
   * named after the trial); null otherwise.
   */
  record Trial(int number, int of, String role) {
    static final Trial ONLY = new Trial(1, 1);

    Trial(int number, int of) {
      this(number, of, null);
    }

    /** {@code " t2"} when there are several trials, else empty; {@code " t2 baseline"} in the A/B mode. */
    String suffix() {
      return (of > 1 ? " t" + number : "") + (role == null ? "" : " " + role);
    }

    String fileSuffix() {
      return (of > 1 ? "-t" + number : "") + (role == null ? "" : "-" + role);
    }

    /** True when this pass loads the A/B mode's baseline target ({@code compare.uri}). */
    boolean baseline() {
      return LevelResult.BASELINE.equals(role);
    }
  }

  Level(int index, int concurrency, double ratePerSecond, LevelRecorder recorder, LevelBudget budget, StartSchedule schedule) {
    this(index, concurrency, ratePerSecond, recorder, budget, schedule, Parts.NONE, Trial.ONLY);
  }

  Level(int index, int concurrency, double ratePerSecond, LevelRecorder recorder, LevelBudget budget, StartSchedule schedule,
      Parts parts, Trial trial) {
    this.trial = trial;
    this.index = index;
    this.concurrency = concurrency;
    this.ratePerSecond = ratePerSecond;
    this.recorder = recorder;
    this.budget = budget;
    this.schedule = schedule;
    this.parts = parts;
  }

  /** What {@link #recorder} records: every operation of a mixed level, else the searches. */
  String primaryOperation() {
    return parts.deal() != null ? LevelResult.ALL : LevelResult.SEARCH;
  }

  /** The recorder of {@code operation} at this level (one of {@link Parts#operations}). */
  LevelRecorder operation(String operation) {
    LevelRecorder r = parts.operations().get(operation);
    if (r == null) {
      throw new IllegalStateException(label() + " has no " + operation + " recorder");
    }
    return r;
  }

  /** {@code c=20} (closed) or {@code r=100/s} (open), {@code c=20 t2} in trial 2 of several. */
  public String label() {
    return label(concurrency, ratePerSecond) + trial.suffix();
  }

  /** Gatling request name: one line per level in Gatling's report. */
  public String requestName() {
    return requestName(LevelResult.SEARCH);
  }

  static String label(int concurrency, double ratePerSecond) {
    return RunLayout.levelLabel(concurrency, ratePerSecond);
  }

  /** The request name of a level before it exists (its recorder is named so). */
  static String requestName(int concurrency, double ratePerSecond) {
    return requestName("search", concurrency, ratePerSecond);
  }

  /** Gatling request name of {@code operation} at a level, e.g. {@code insert c=10}. */
  static String requestName(String operation, int concurrency, double ratePerSecond) {
    return operation + " " + label(concurrency, ratePerSecond);
  }

  /** Gatling request name of {@code operation} at this level. */
  String requestName(String operation) {
    return operation + " " + label();
  }

  /** File-name stem, e.g. {@code level-03-c10}, {@code level-09-c10-t2} in trial 2 of several. */
  public String fileStem() {
    return RunLayout.levelStem(index, concurrency, ratePerSecond) + trial.fileSuffix();
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
