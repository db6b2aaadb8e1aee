package org.milvusbench.sweep.run;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.milvusbench.config.ConfigKeys;
import org.milvusbench.milvus.MilvusTarget;
import org.milvusbench.rundir.RunLayout;
import org.milvusbench.rundir.RunMerge;
import org.milvusbench.sweep.SweepLog;
import org.milvusbench.sweep.config.SweepConfig;

/**
 * {@code -Dsweep.injectors=N} without an index: this JVM prepares the target once (the embedded
 * one is started and warmed here), starts N injector JVMs on this machine running the same
 * simulation on the same class path against it, each into its own run directory under this run's,
 * then merges their runs into this run directory and analyses and gates the merged run as any other.
 */
final class LocalInjectors {
  private static final Pattern BARRIER_PORT = Pattern.compile("barrier: injector 0 of \\d+ serving on \\S+:(\\d+)");

  private LocalInjectors() {}

  /** Runs the injectors; returns the exit status (0 pass, {@link SweepVerdict#BREACH_EXIT_STATUS} on a breach). */
  static int run(SweepConfig config, Class<?> simulation) {
    int of = config.injectors().of();
    SweepRun parent = SweepRun.start(config);
    Path runDir = parent.runDir();
    List<InjectorProcess> children = new ArrayList<>();
    Thread stopChildren = new Thread(() -> children.forEach(InjectorProcess::destroy), "stop-local-injectors");
    Runtime.getRuntime().addShutdownHook(stopChildren);
    List<InjectorProcess> ended = new ArrayList<>();
    try {
      if (config.embedded() && config.embeddedWarmup() > 0) {
        TargetWarmUp.run(parent, config.embeddedWarmup());
      }
      SweepLog.log("starting " + of + " injector JVMs on this machine; each runs 1/" + of + " of every level");
      for (int i = 0; i < of; i++) {
        // Injector 0 picks a free barrier port; the others are started once it has printed it.
        int port = i == 0 ? 0 : barrierPort(children.get(0), config);
        Path dir = runDir.resolve("injector-" + i);
        InjectorProcess child = InjectorProcess.start(i, dir, childProperties(config, parent.target().target(), i, port,
            dir), simulation, jvmFlags());
        children.add(child);
        SweepLog.log("injector " + i + ": pid " + child.process().pid() + ", log " + child.log());
      }
      awaitAll(children, ended);
    } finally {
      parent.close();
    }
    List<InjectorProcess> failed = ended.stream().filter(c -> c.process().exitValue() != 0).toList();
    if (!failed.isEmpty()) {
      throw new IllegalStateException(failure(failed, children));
    }
    List<Path> runs = children.stream().map(InjectorProcess::runDir).toList();
    SweepLog.log("merging the " + of + " injectors' runs into " + runDir);
    RunMerge.merge(runs, runDir);
    boolean passed = SweepVerdict.conclude(runDir.resolve(RunLayout.RESULTS_FILE), runDir,
        parent.startedAt().toEpochMilli(), config.analysis());
    Runtime.getRuntime().removeShutdownHook(stopChildren);
    SweepLog.log("run directory: " + runDir);
    return passed ? 0 : SweepVerdict.BREACH_EXIT_STATUS;
  }

  /**
   * Waits for every child, noting the order they end in: the first to fail is most likely the cause
   * (the others then fail at the next barrier, after sweep.barrierTimeout, their levels so far written).
   */
  private static void awaitAll(List<InjectorProcess> children, List<InjectorProcess> ended) {
    while (ended.size() < children.size()) {
      for (InjectorProcess child : children) {
        if (!child.process().isAlive() && !ended.contains(child)) {
          ended.add(child);
          SweepLog.log("injector " + child.index() + " exited with status " + child.process().exitValue());
        }
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the injectors ran");
      }
    }
  }

  /** Every injector that failed, first to end first, and where the injectors' data is. */
  private static String failure(List<InjectorProcess> failed, List<InjectorProcess> all) {
    StringBuilder sb = new StringBuilder();
    for (InjectorProcess child : failed) {
      sb.append(sb.length() == 0 ? "" : "; ").append("injector ").append(child.index()).append(" exited with status ")
          .append(child.process().exitValue()).append(" (log ").append(child.log()).append(")");
      String error = child.lastError();
      if (error != null) {
        sb.append(": ").append(error);
      }
    }
    sb.append(". No merged run; the injectors' run directories are kept:");
    for (InjectorProcess child : all) {
      sb.append(" ").append(child.dir());
    }
    return sb.toString();
  }

  private static int barrierPort(InjectorProcess first, SweepConfig config) {
    long deadline = System.nanoTime() + Math.max(60_000_000_000L, config.injectors().barrierTimeout().toNanos());
    while (System.nanoTime() < deadline) {
      Matcher m = BARRIER_PORT.matcher(first.output());
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      if (!first.process().isAlive()) {
        break;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new IllegalStateException("injector 0 did not start its barrier (" + (first.process().isAlive()
        ? "no barrier line in its log" : "it exited with status " + first.process().exitValue()) + "); its log: "
        + first.log() + (first.lastError() == null ? "" : ": " + first.lastError()));
  }

  /**
   * The user's settings (table keys, TLS trust, Gatling's), then what makes the child injector
   * {@code index}: the prepared target, no second preparation, its own run directory, the barrier.
   */
  private static Map<String, String> childProperties(SweepConfig config, MilvusTarget target, int index, int port,
      Path dir) {
    Map<String, String> props = new LinkedHashMap<>();
    System.getProperties().stringPropertyNames().stream().sorted()
        .filter(k -> ConfigKeys.byName(k).isPresent() || k.startsWith("javax.net.ssl.") || k.startsWith("gatling."))
        .forEach(k -> props.put(k, System.getProperty(k)));
    props.put("milvus.uri", target.endpoint().uri());
    if (target.endpoint().token() != null) {
      props.put("milvus.token", target.endpoint().token());
    }
    if (config.metricsUrl() == null && target.metricsUrl() != null) {
      props.put("milvus.metricsUrl", target.metricsUrl());
    }
    props.put("prepare", "false");
    props.put("sweep.injectors", Integer.toString(config.injectors().of()));
    props.put("sweep.injectorIndex", Integer.toString(index));
    props.put("sweep.barrier", "127.0.0.1:" + port);
    props.put("sweep.runDir", dir.toString());
    return props;
  }

  /** This JVM's own flags (heap, module opens), without agents and debuggers that cannot be shared. */
  private static List<String> jvmFlags() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> (a.startsWith("-X") && !a.startsWith("-Xdebug") && !a.startsWith("-Xrunjdwp"))
            || a.startsWith("--add-opens") || a.startsWith("--add-exports"))
        .toList();
  }
}
