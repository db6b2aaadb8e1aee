package org.milvusbench.sweep.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.milvusbench.milvus.AdminClient;
import org.milvusbench.process.ProcessStats;
import org.milvusbench.process.ProcessUsage;
import org.milvusbench.recorder.LevelRecorder;
import org.milvusbench.rundir.LatencyStats;
import org.milvusbench.rundir.LevelResult;
import org.milvusbench.rundir.RunWriter;

/**
 * A run's bookkeeping at level boundaries: the target's statistics reset and read, CPU and RSS of
 * both processes, the interval ticker, and each level's result written when it ends. Called by
 * {@link SweepScenarios} where a level begins and ends and, streaming, where its ingest starts.
 */
final class LevelBoundaries implements AutoCloseable {
  /** Mixed levels start with this many batches of the run's own rows for upserts and deletes. */
  static final int RESERVE_BATCHES = 10;

  private final SweepRun run;
  // One daemon thread cuts the running level's histogram into intervals; it does no I/O.
  private final ScheduledExecutorService intervals = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "milvus-sweep-intervals");
    t.setDaemon(true);
    return t;
  });

  LevelBoundaries(SweepRun run) {
    this.run = run;
  }

  /**
   * Between levels, after the warm-up: zero the target's counters, note CPU, start cutting
   * intervals. A streaming level first runs its no-ingest phase, measured from here too, and its
   * counters start with the ingest ({@link #startIngest}); a mixed level first gets its reserve.
   */
  void begin(Level level) {
    switch (run.config().workload().kind()) {
      case STREAMING -> startIntervals(level, List.of(level.operation(LevelResult.SEARCH_NO_INGEST)));
      case MIXED -> {
        run.writes().reserve(RESERVE_BATCHES * run.config().workload().batch());
        List<LevelRecorder> all = new ArrayList<>(level.parts.operations().values());
        all.add(level.recorder());
        beginMeasured(level, all);
      }
      case SEARCH -> beginMeasured(level, List.of(level.recorder()));
    }
  }

  /** A streaming level's no-ingest phase is over: snapshot it and start the ingest beside the searches. */
  void startIngest(Level level) {
    level.intervalTicker.cancel(false);
    level.baselineSnapshot = level.operation(LevelResult.SEARCH_NO_INGEST).snapshot();
    run.freshnessProbe().recordInto(level.parts.freshness());
    level.ingestStopped = false;
    level.ingesting = true;
    beginMeasured(level, List.of(level.recorder(), level.operation("insert")));
  }

  private void beginMeasured(Level level, List<LevelRecorder> recorders) {
    // The target's counters are reset at every level boundary: of several injectors, only injector 0 reads them.
    level.serverBegin = run.config().injectors().ownsTarget() ? run.admin(level).statsAndReset() : null;
    level.prometheusBegin = run.scrapes(level).begin();
    level.generatorCpuBeginNanos = ProcessStats.cpuNanos();
    level.beginNanos = System.nanoTime();
    startIntervals(level, recorders);
  }

  private void startIntervals(Level level, List<LevelRecorder> recorders) {
    recorders.forEach(LevelRecorder::startIntervals);
    long every = run.config().interval().toNanos();
    level.intervalTicker = intervals.scheduleAtFixedRate(() -> recorders.forEach(LevelRecorder::sampleInterval),
        every, every, TimeUnit.NANOSECONDS);
  }

  /** Between levels, once all the level's users are done: snapshot and summarise it. */
  void end(Level level) {
    long endNanos = System.nanoTime();
    if (level.intervalTicker != null) {
      level.intervalTicker.cancel(false);
    }
    long generatorCpu = ProcessStats.cpuNanos();
    AdminClient.ServerStats server = run.config().injectors().ownsTarget() ? run.admin(level).statsAndReset() : null;
    LevelRecorder.LevelSnapshot snap = level.recorder().snapshot();
    // CPU is read just outside the level (Gatling starts the next population at its next injection
    // tick), when neither process has a search in flight; over that longer interval a saturated level
    // read 127 % instead of ~190 % of 200 %. So CPU time is divided by the level's own window, the
    // one QPS uses.
    long windowNanos = (snap.windowEndEpochMicros() - snap.windowStartEpochMicros()) * 1000;
    long wall = windowNanos > 0 ? windowNanos : endNanos - level.beginNanos;
    LevelResult.ProcessUsage generator = new LevelResult.ProcessUsage(
        ProcessUsage.cpuPercent(level.generatorCpuBeginNanos, generatorCpu, wall), ProcessStats.rssBytes(), ProcessStats.peakRssBytes());
    LevelResult.ProcessUsage targetUsage = null;
    LatencyStats serverService = null;
    if (server != null && level.serverBegin != null) {
      double cpu = ProcessUsage.cpuPercent(level.serverBegin.cpuNanos(), server.cpuNanos(),
          windowNanos > 0 ? windowNanos : server.sampledAtNanos() - level.serverBegin.sampledAtNanos());
      targetUsage = new LevelResult.ProcessUsage(cpu, server.rssBytes(), server.peakRssBytes());
      serverService = server.serviceMicros() == null ? null : LatencyStats.fromHistogram(server.serviceMicros());
    }
    LevelResult main = RunWriter.writeLevel(run.runDir(), level.fileStem(), level.primaryOperation(), level.label(),
        level.concurrency(), level.ratePerSecond(), snap, serverService, new LevelResult.Resources(targetUsage, generator))
        .withServerPrometheus(run.scrapes(level).end(level.prometheusBegin));
    LevelResult complete = LevelWrites.complete(run, level, main);
    LevelResult numbered = level.trial.of() > 1 ? complete.withTrial(level.trial.number()) : complete;
    level.result = level.trial.role() == null ? numbered : numbered.withRole(level.trial.role());
  }

  @Override
  public void close() {
    intervals.shutdownNow();
  }
}
