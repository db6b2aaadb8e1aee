package org.milvusbench.sweep.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.milvusbench.gatling.MilvusDsl;
import org.milvusbench.gatling.MilvusProtocolBuilder;
import org.milvusbench.gatling.MilvusSearchActionBuilder;
import org.milvusbench.gatling.SearchRequests;
import org.milvusbench.gatling.core.StartSchedule;
import org.milvusbench.milvus.AdminClient;
import org.milvusbench.process.ProcessStats;
import org.milvusbench.process.ProcessUsage;
import org.milvusbench.recorder.LevelRecorder;
import org.milvusbench.recorder.RecallAccumulator;
import org.milvusbench.rundir.LatencyStats;
import org.milvusbench.rundir.LevelResult;
import org.milvusbench.rundir.RunLayout;
import org.milvusbench.rundir.RunWriter;
import org.milvusbench.sweep.SweepLog;
import org.milvusbench.sweep.config.SweepConfig;
import org.milvusbench.sweep.setup.TargetSetup;

/**
 * One sweep from configuration to run directory: prepares the target, owns the per-level
 * recorders, does the bookkeeping at level boundaries (target statistics reset/read, CPU and RSS
 * of both processes), and writes the results at the end. The Gatling side is {@link SweepScenarios}.
 */
public final class SweepRun implements AutoCloseable {
  private final SweepConfig config;
  private final Instant startedAt;
  private final Path runDir;
  private final TargetSetup.Prepared target;
  private final AdminClient admin;
  private final List<Level> levels;
  // One daemon thread cuts the running level's histogram into intervals; it does no I/O.
  private final ScheduledExecutorService intervals = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "milvus-sweep-intervals");
    t.setDaemon(true);
    return t;
  });
  private boolean finished;

  private SweepRun(SweepConfig config, Instant startedAt, Path runDir, TargetSetup.Prepared target) {
    this.config = config;
    this.startedAt = startedAt;
    this.runDir = runDir;
    this.target = target;
    this.admin = new AdminClient(target.target().endpoint());
    this.levels = buildLevels();
  }

  /**
   * Exit status of a run that could not start (bad configuration, unreachable target, failed
   * preparation). Not 2: the Gatling Maven plugin reports 2 as "simulation assertions failed".
   */
  public static final int SETUP_EXIT_STATUS = 3;

  /**
   * The simulation's entry: reads the {@code -D} settings and prepares the run; on any failure prints
   * one line (the message names the key or URI) and exits {@value #SETUP_EXIT_STATUS} before Gatling
   * starts, instead of Gatling's "Run crashed" and a stack trace. {@code -Dsweep.debug=true} adds the trace.
   */
  public static SweepRun startOrExit() {
    try {
      return start(SweepConfig.fromSystemProperties());
    } catch (RuntimeException | Error e) {
      // UncheckedIOException's message is the cause's toString(); the cause's own message reads better.
      Throwable shown = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
      String message = shown.getMessage() == null ? shown.toString() : shown.getMessage();
      System.err.println("[milvus-sweep] error: " + message);
      if (Boolean.parseBoolean(System.getProperty("sweep.debug"))) {
        e.printStackTrace();
      } else {
        System.err.println("[milvus-sweep] (-Dsweep.debug=true prints the stack trace)");
      }
      System.out.flush();
      System.err.flush();
      System.exit(SETUP_EXIT_STATUS);
      throw e;
    }
  }

  /** Validates nothing more (the config is valid), creates the run directory and prepares the target. */
  public static SweepRun start(SweepConfig config) {
    Instant startedAt = Instant.now();
    Path runDir = config.runRoot().resolve(RunLayout.runId(startedAt)).toAbsolutePath();
    try {
      Files.createDirectories(runDir);
      SweepLog.log("run directory: " + runDir);
      TargetSetup.Prepared target = TargetSetup.prepare(config, runDir);
      SweepRun run = new SweepRun(config, startedAt, runDir, target);
      try {
        run.admin.probeSearch(SearchRequests.first(run.search("probe"), run.protocol()));
      } catch (RuntimeException e) {
        run.close();
        throw e;
      }
      return run;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Level> buildLevels() {
    List<Level> out = new ArrayList<>();
    boolean closed = config.mode() == SweepConfig.Mode.CLOSED;
    int count = closed ? config.levels().size() : config.rates().size();
    for (int i = 0; i < count; i++) {
      int c = closed ? config.levels().get(i) : 0;
      double rate = closed ? 0 : config.rates().get(i);
      String name = Level.requestName(c, rate);
      // With a filter, TargetSetup loads the filter's own ground truth, or none when it cannot be computed.
      RecallAccumulator recall = target.queries().hasGroundTruth()
          ? new RecallAccumulator(config.topK(), target.queries().size(), target.queries()::groundTruth) : null;
      LevelRecorder recorder = new LevelRecorder(name, config.keepRaw(), recall);
      LevelBudget budget = config.duration() != null
          ? LevelBudget.duration(config.duration().toNanos()) : LevelBudget.requests(config.requests());
      StartSchedule schedule = closed ? StartSchedule.AT_SEND : new OpenModelSchedule(rate);
      out.add(new Level(i, c, rate, recorder, budget, schedule));
    }
    return List.copyOf(out);
  }

  public SweepConfig config() {
    return config;
  }

  public List<Level> levels() {
    return levels;
  }

  public Path runDir() {
    return runDir;
  }

  TargetSetup.Prepared target() {
    return target;
  }

  Instant startedAt() {
    return startedAt;
  }

  /** The Milvus protocol of this run. */
  public MilvusProtocolBuilder protocol() {
    return MilvusDsl.milvus().endpoint(target.target().endpoint())
        .deadline(config.deadline()).channels(config.channels());
  }

  /** The configured search, named {@code requestName}. */
  public MilvusSearchActionBuilder search(String requestName) {
    MilvusSearchActionBuilder search = MilvusDsl.search(requestName).collection(target.collection())
        .annsField(config.annsField()).vectors(target.queries()).topK(config.topK()).nq(config.nq())
        .ef(config.ef()).metric(config.metric()).filter(config.filter());
    return config.outputFields().isEmpty() ? search : search.outputFields(config.outputFields().toArray(String[]::new));
  }

  /** Open model: how long a level injects (the duration, else requests / rate, at least 1 s). */
  Duration openLevelDuration(Level level) {
    if (config.duration() != null) {
      return config.duration();
    }
    return Duration.ofMillis(Math.max(1000, Math.round(config.requests() * 1000 / level.ratePerSecond())));
  }

  /** Between levels, after the warm-up: zero the target's counters, note CPU. */
  void beginLevel(Level level) {
    level.serverBegin = admin.statsAndReset();
    level.generatorCpuBeginNanos = ProcessStats.cpuNanos();
    level.beginNanos = System.nanoTime();
    level.recorder().startIntervals();
    long every = config.interval().toNanos();
    level.intervalTicker = intervals.scheduleAtFixedRate(level.recorder()::sampleInterval, every, every, TimeUnit.NANOSECONDS);
  }

  /** Between levels, once all the level's users are done: snapshot and summarise it. */
  void endLevel(Level level) {
    long endNanos = System.nanoTime();
    if (level.intervalTicker != null) {
      level.intervalTicker.cancel(false);
    }
    long generatorCpu = ProcessStats.cpuNanos();
    AdminClient.ServerStats server = admin.statsAndReset();
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
    level.result = RunWriter.writeLevel(runDir, level.fileStem(), level.label(), level.concurrency(), level.ratePerSecond(),
        snap, serverService, new LevelResult.Resources(targetUsage, generator));
    SweepLog.log(RunFiles.summaryLine(level.result));
  }

  /** Writes results.json and config.json (once), stops the embedded target. */
  public synchronized void finish() {
    if (finished) {
      return;
    }
    finished = true;
    try {
      Path results = RunFiles.writeRun(this);
      SweepVerdict.atExit(results, runDir, startedAt.toEpochMilli(), config.analysis());
      SweepLog.log("results: " + results);
      SweepLog.log("run directory: " + runDir);
    } finally {
      close();
    }
  }

  @Override
  public void close() {
    intervals.shutdownNow();
    admin.close();
    target.close();
  }
}
