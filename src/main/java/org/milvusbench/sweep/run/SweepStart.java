package org.milvusbench.sweep.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.milvusbench.rundir.RunLayout;
import org.milvusbench.sweep.SweepLog;
import org.milvusbench.sweep.config.SweepConfig;
import org.milvusbench.sweep.setup.TargetSetup;

/**
 * How a sweep starts: configuration read, run directory created, the target (and in the A/B mode the
 * baseline target) prepared and probed, before Gatling injects any load; a failure is one line and
 * exit status {@value SweepRun#SETUP_EXIT_STATUS}. The run itself is {@link SweepRun}.
 */
final class SweepStart {
  private SweepStart() {}

  /** {@link SweepRun#startOrExit()} for {@code simulation}, the simulation class that called it. */
  static SweepRun startOrExit(Class<?> simulation) {
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

  /** {@link SweepRun#start(SweepConfig)}. */
  static SweepRun start(SweepConfig config) {
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
      AbBaseline baseline;
      try {
        baseline = config.comparesTargets() ? AbBaseline.prepare(config, runDir, target) : null;
      } catch (IOException | RuntimeException e) {
        target.close();
        throw e;
      }
      SweepRun run = new SweepRun(config, startedAt, runDir, target, coordination, baseline);
      try {
        run.probeTargets();
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
}
