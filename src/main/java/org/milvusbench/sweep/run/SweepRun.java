package org.milvusbench.sweep.run;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.milvusbench.gatling.MilvusProtocolBuilder;
import org.milvusbench.gatling.MilvusSearchActionBuilder;
import org.milvusbench.gatling.SearchRequests;
import org.milvusbench.sweep.config.Workload;
import org.milvusbench.milvus.AdminClient;
import org.milvusbench.sweep.SweepLog;
import org.milvusbench.sweep.config.SweepConfig;
import org.milvusbench.sweep.setup.TargetSetup;

/**
 * One sweep from configuration to run directory: prepares the target, owns the per-level
 * recorders and writes the results at the end. The bookkeeping at level boundaries (target
 * statistics reset/read, CPU and RSS of both processes) is {@link LevelBoundaries}; the Gatling
 * side is {@link SweepScenarios}.
 */
public final class SweepRun implements AutoCloseable {
  private final SweepConfig config;
  private final Instant startedAt;
  private final Path runDir;
  private final TargetSetup.Prepared target;
  private final AdminClient admin;
  private final ServerScrapes scrapes;
  private final List<Level> levels;
  private final RunRequests requests;
  private final LevelBoundaries boundaries;
  private boolean finished;
  // Writing workloads only: the rows they add (checked and removed after every level) and, when
  // streaming, the freshness probe. Set once the target answered the probe search.
  private CollectionWrites writes;
  private FreshnessProbe freshnessProbe;
  // Coordinated injectors only: the barriers every level starts behind; null for a JVM alone.
  private final Coordination coordination;
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
    this.requests = new RunRequests(config, target);
    this.levels = Levels.of(config, target.queries(), target.seeded(), baseline == null ? null
        : baseline.queries(target.queries()));
    this.boundaries = new LevelBoundaries(this);
  }

  /**
   * Exit status of a run that could not start (bad configuration, unreachable target, failed
   * preparation). Not 2: the Gatling Maven plugin reports 2 as "simulation assertions failed".
   */
  public static final int SETUP_EXIT_STATUS = 3;

  /**
   * The simulation's entry: reads the {@code -D} settings and prepares the run; on any failure exits
   * before Gatling starts, with one line that names the key or URI ({@link SetupFailure}).
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

  /** The barriers of a coordinated injector; null for a JVM alone. */
  Coordination coordination() {
    return coordination;
  }

  /**
   * Why {@code level}'s barrier failed (printed once, with the measured levels written), or null when
   * it let this injector through.
   */
  synchronized String barrierFailure(Level level) {
    String message = Coordination.failure(level);
    if (message != null && !level.barrierFailureReported) {
      level.barrierFailureReported = true;
      System.err.println("[milvus-sweep] error: " + message);
      // Gatling's crash skips the simulation's after hook: the levels measured so far are written
      // now, so a merge of the injectors that did finish them is still possible.
      SweepLog.log("results of the levels measured before the barrier failed: " + RunFiles.writeRun(this));
    }
    return message;
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
      freshnessProbe = new FreshnessProbe(new AdminClient(target.target().endpoint()), requests::freshnessSearch,
          FRESHNESS_TIMEOUT_MILLIS);
    }
  }

  /** How long the freshness probe waits for an inserted row to be searchable. */
  static final long FRESHNESS_TIMEOUT_MILLIS = 10_000;

  CollectionWrites writes() {
    return writes;
  }

  FreshnessProbe freshnessProbe() {
    return freshnessProbe;
  }

  /** The Gatling protocol and searches this run's configuration describes. */
  RunRequests requests() {
    return requests;
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

  /** The bookkeeping at level boundaries (counters, CPU, intervals), called from the scenarios. */
  LevelBoundaries boundaries() {
    return boundaries;
  }

  /** The Milvus protocol of this run (the candidate's in the A/B mode): always the same instance. */
  public MilvusProtocolBuilder protocol() {
    return requests.protocol();
  }

  /** The protocol of the target {@code level} loads: the A/B mode's baseline, else this run's. */
  MilvusProtocolBuilder protocol(Level level) {
    return level.trial.baseline() ? baseline.protocol() : protocol();
  }

  /** The A/B mode's baseline target; null otherwise. */
  AbBaseline baseline() {
    return baseline;
  }

  /** The admin connection to the target under test (the candidate in A/B mode). */
  AdminClient admin() {
    return admin;
  }

  /** The admin connection to the target {@code level} loads. */
  AdminClient admin(Level level) {
    return level.trial.baseline() ? baseline.admin() : admin;
  }

  /** The metrics scrapes of the target {@code level} loads. */
  ServerScrapes scrapes(Level level) {
    return level.trial.baseline() ? baseline.scrapes() : scrapes;
  }

  /** The configured search, named {@code requestName}. */
  public MilvusSearchActionBuilder search(String requestName) {
    return requests.search(requestName);
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
    boundaries.close();
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
