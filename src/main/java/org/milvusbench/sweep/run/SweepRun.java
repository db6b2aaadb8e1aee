package org.milvusbench.sweep.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.milvusbench.gatling.MilvusProtocolBuilder;
import org.milvusbench.gatling.MilvusSearchActionBuilder;
import org.milvusbench.gatling.SearchRequests;
import org.milvusbench.sweep.config.Workload;
import org.milvusbench.milvus.AdminClient;
import org.milvusbench.rundir.RunLayout;
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

  private SweepRun(SweepConfig config, Instant startedAt, Path runDir, TargetSetup.Prepared target,
      Coordination coordination) {
    this.config = config;
    this.coordination = coordination;
    this.startedAt = startedAt;
    this.runDir = runDir;
    this.target = target;
    this.admin = new AdminClient(target.target().endpoint());
    this.scrapes = ServerScrapes.of(config.metricsUrl(), target.target());
    this.levels = Levels.of(config, target.queries(), target.seeded());
    this.requests = new RunRequests(config, target);
    this.boundaries = new LevelBoundaries(this, admin, scrapes);
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
    Class<?> simulation = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass();
    try {
      SweepConfig config = SweepConfig.fromSystemProperties();
      if (config.injectors().launchesLocally()) {
        // Never returns: the injectors' JVMs run the load, this one merges and judges their runs.
        System.exit(LocalInjectors.run(config, simulation));
      }
      return start(config);
    } catch (RuntimeException | Error e) {
      SetupFailure.exit(e);
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
      Coordination coordination = Coordination.open(config.injectors());
      TargetSetup.Prepared target;
      try {
        // Only injector 0 prepares the collection; the others look at it once it is ready.
        if (coordination != null && !config.injectors().ownsTarget()) {
          coordination.awaitPrepared();
        }
        target = TargetSetup.prepare(config, runDir);
      } catch (IOException | RuntimeException e) {
        if (coordination != null) {
          coordination.close();
        }
        throw e;
      }
      SweepRun run = new SweepRun(config, startedAt, runDir, target, coordination);
      try {
        run.admin.probeSearch(SearchRequests.first(run.search("probe"), run.protocol()));
        run.openWrites();
        if (coordination != null && config.injectors().ownsTarget()) {
          coordination.awaitPrepared();
        }
      } catch (RuntimeException e) {
        run.close();
        throw e;
      }
      return run;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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

  private void openWrites() {
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

  /** The Milvus protocol of this run. */
  public MilvusProtocolBuilder protocol() {
    return requests.protocol();
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
  }
}
