package org.milvusbench.sweep.run;

import java.nio.file.Path;
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
import org.milvusbench.gatling.core.ConsistencyLevel;
import org.milvusbench.sweep.config.Workload;
import org.milvusbench.milvus.AdminClient;
import org.milvusbench.process.ProcessStats;
import org.milvusbench.process.ProcessUsage;
import org.milvusbench.recorder.LevelRecorder;
import org.milvusbench.rundir.LatencyStats;
import org.milvusbench.rundir.LevelResult;
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
  private final ServerScrapes scrapes;
  private final List<Level> levels;
  // One daemon thread cuts the running level's histogram into intervals; it does no I/O.
  private final ScheduledExecutorService intervals = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "milvus-sweep-intervals");
    t.setDaemon(true);
    return t;
  });
  private boolean finished;
  // Writing workloads only: the rows they add (checked and removed after every level) and, when
  // streaming, the freshness probe. Set once the target answered the probe search.
  private CollectionWrites writes;
  private FreshnessProbe freshnessProbe;
  // Coordinated injectors only: the barriers every level starts behind; null for a JVM alone.
  private final Coordination coordination;
  private final MilvusProtocolBuilder protocol;
  // The A/B mode only (compare.uri): the baseline target, its connections and scrapes; else null.
  private final AbBaseline baseline;

  SweepRun(SweepConfig config, Instant startedAt, Path runDir, TargetSetup.Prepared target,
      Coordination coordination, AbBaseline baseline) {
    this.config = config;
    this.coordination = coordination;
    this.startedAt = startedAt;
    this.runDir = runDir;
    this.target = target;
    this.baseline = baseline;
    this.admin = new AdminClient(target.target().endpoint());
    this.scrapes = ServerScrapes.of(config.metricsUrl(), target.target());
    // One builder, so one protocol instance and one set of channels (Gatling keys channels by protocol).
    this.protocol = MilvusDsl.milvus().endpoint(target.target().endpoint()).deadline(config.deadline())
        .channels(config.channels());
    this.levels = Levels.of(config, target.queries(), target.seeded(), baseline == null ? null
        : baseline.queries(target.queries()));
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
    return SweepStart.startOrExit(StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass());
  }

  /** Validates nothing more (the config is valid), creates the run directory and prepares the target(s). */
  public static SweepRun start(SweepConfig config) {
    return SweepStart.start(config);
  }

  /** The first search on every target the run loads, before any level: a wrong collection fails here. */
  void probeTargets() {
    admin.probeSearch(SearchRequests.first(search("probe"), protocol()));
    if (baseline != null) {
      baseline.admin().probeSearch(SearchRequests.first(search("probe"), baseline.protocol()));
    }
  }

  /** True when levels start behind a barrier shared with other injectors. */
  boolean coordinated() {
    return coordination != null;
  }

  /** Coordinated injectors: the barriers every level starts behind; null for a JVM alone. */
  Coordination coordination() {
    return coordination;
  }

  void openWrites() {
    Workload workload = config.workload();
    if (!workload.writes()) {
      return;
    }
    writes = CollectionWrites.open(admin, target.collection(), target.queries().dimension());
    SweepLog.log(workload.name() + " workload: " + target.collection() + " holds " + writes.rows().nextRow()
        + " rows; new rows continue data-prep's dataset from there, and each level's rows are deleted after it");
    if (workload.kind() == Workload.Kind.STREAMING) {
      freshnessProbe = new FreshnessProbe(new AdminClient(target.target().endpoint()), this::freshnessSearch,
          FRESHNESS_TIMEOUT_MILLIS);
    }
  }

  /** How long the freshness probe waits for an inserted row to be searchable. */
  static final long FRESHNESS_TIMEOUT_MILLIS = 10_000;
  /** Mixed levels start with this many batches of the run's own rows for upserts and deletes. */
  static final int RESERVE_BATCHES = 10;

  private io.milvus.grpc.SearchRequest freshnessSearch(float[] vector) {
    MilvusSearchActionBuilder probe = MilvusDsl.search("freshness probe").collection(target.collection())
        .annsField(config.annsField()).vectors(MilvusDsl.queryVectors(List.of(vector))).topK(config.topK())
        .ef(config.ef()).metric(config.metric()).consistencyLevel(consistency());
    return SearchRequests.first(probe, protocol());
  }

  CollectionWrites writes() {
    return writes;
  }

  FreshnessProbe freshnessProbe() {
    return freshnessProbe;
  }

  /** {@code search.consistency}; null = the collection's. */
  ConsistencyLevel consistency() {
    return config.consistency() == null ? null : ConsistencyLevel.valueOf(config.consistency().toUpperCase(java.util.Locale.ROOT));
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

  /** The Milvus protocol of this run (the candidate's in the A/B mode): always the same instance. */
  public MilvusProtocolBuilder protocol() {
    return protocol;
  }

  /** The protocol of the target {@code level} loads: the A/B mode's baseline, else this run's. */
  MilvusProtocolBuilder protocol(Level level) {
    return level.trial.baseline() ? baseline.protocol() : protocol;
  }

  /** The A/B mode's baseline target; null otherwise. */
  AbBaseline baseline() {
    return baseline;
  }

  private AdminClient admin(Level level) {
    return level.trial.baseline() ? baseline.admin() : admin;
  }

  private ServerScrapes scrapes(Level level) {
    return level.trial.baseline() ? baseline.scrapes() : scrapes;
  }

  /** The configured search, named {@code requestName}. */
  public MilvusSearchActionBuilder search(String requestName) {
    MilvusSearchActionBuilder search = MilvusDsl.search(requestName).collection(target.collection())
        .annsField(config.annsField()).vectors(target.queries()).topK(config.topK()).nq(config.nq())
        .ef(config.ef()).metric(config.metric()).filter(config.filter()).consistencyLevel(consistency());
    return config.outputFields().isEmpty() ? search : search.outputFields(config.outputFields().toArray(String[]::new));
  }

  /**
   * Between levels, after the warm-up: zero the target's counters, note CPU, start cutting
   * intervals. A streaming level first runs its no-ingest phase, measured from here too, and its
   * counters start with the ingest ({@link #startIngest}); a mixed level first gets its reserve.
   */
  void beginLevel(Level level) {
    switch (config.workload().kind()) {
      case STREAMING -> startIntervals(level, List.of(level.operation(LevelResult.SEARCH_NO_INGEST)));
      case MIXED -> {
        writes.reserve(RESERVE_BATCHES * config.workload().batch());
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
    freshnessProbe.recordInto(level.parts.freshness());
    level.ingestStopped = false;
    level.ingesting = true;
    beginMeasured(level, List.of(level.recorder(), level.operation("insert")));
  }

  private void beginMeasured(Level level, List<LevelRecorder> recorders) {
    // The target's counters are reset at every level boundary: of several injectors, only injector 0 reads them.
    level.serverBegin = config.injectors().ownsTarget() ? admin(level).statsAndReset() : null;
    level.prometheusBegin = scrapes(level).begin();
    level.generatorCpuBeginNanos = ProcessStats.cpuNanos();
    level.beginNanos = System.nanoTime();
    startIntervals(level, recorders);
  }

  private void startIntervals(Level level, List<LevelRecorder> recorders) {
    recorders.forEach(LevelRecorder::startIntervals);
    long every = config.interval().toNanos();
    level.intervalTicker = intervals.scheduleAtFixedRate(() -> recorders.forEach(LevelRecorder::sampleInterval),
        every, every, TimeUnit.NANOSECONDS);
  }

  /** Between levels, once all the level's users are done: snapshot and summarise it. */
  void endLevel(Level level) {
    long endNanos = System.nanoTime();
    if (level.intervalTicker != null) {
      level.intervalTicker.cancel(false);
    }
    long generatorCpu = ProcessStats.cpuNanos();
    AdminClient.ServerStats server = config.injectors().ownsTarget() ? admin(level).statsAndReset() : null;
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
    LevelResult main = RunWriter.writeLevel(runDir, level.fileStem(), level.primaryOperation(), level.label(),
        level.concurrency(), level.ratePerSecond(), snap, serverService, new LevelResult.Resources(targetUsage, generator))
        .withServerPrometheus(scrapes(level).end(level.prometheusBegin));
    LevelResult complete = LevelWrites.complete(this, level, main);
    LevelResult numbered = level.trial.of() > 1 ? complete.withTrial(level.trial.number()) : complete;
    level.result = level.trial.role() == null ? numbered : numbered.withRole(level.trial.role());
  }

  /** Writes results.json and config.json (once), stops the embedded target. */
  public synchronized void finish() {
    if (finished) {
      return;
    }
    finished = true;
    try {
      Path results = RunFiles.writeRun(this);
      if (coordination == null) {
        SweepVerdict.atExit(results, runDir, startedAt.toEpochMilli(), config.analysis());
      } else {
        // One injector's share says nothing about the SLA: the merged run is analysed and gated.
        SweepLog.log("injector " + config.injectors().index() + " of " + config.injectors().of()
            + ": merge the injectors' run directories (analyze DIR...) for the analysis and the SLA gate");
      }
      SweepLog.log("results: " + results);
      SweepLog.log("run directory: " + runDir);
    } finally {
      close();
    }
  }

  @Override
  public void close() {
    intervals.shutdownNow();
    if (coordination != null) {
      coordination.close();
    }
    if (freshnessProbe != null) {
      freshnessProbe.close();
    }
    admin.close();
    target.close();
    if (baseline != null) {
      baseline.close();
    }
  }
}
