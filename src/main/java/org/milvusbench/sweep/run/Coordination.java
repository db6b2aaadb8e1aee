package org.milvusbench.sweep.run;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.milvusbench.rundir.RunLayout;
import org.milvusbench.sweep.SweepLog;
import org.milvusbench.sweep.config.Injectors;
import org.milvusbench.sweep.config.SweepConfig;
import org.milvusbench.sweep.run.barrier.BarrierClient;
import org.milvusbench.sweep.run.barrier.BarrierServer;

/**
 * One coordinated injector's barriers: injector 0 serves them, every injector (0 too) arrives at
 * "prepared" (injector 0 after preparing the collection, the others before looking at it) and at
 * every level, after its own warm-up and before the level's first request.
 */
final class Coordination implements AutoCloseable {
  static final String PREPARED = "prepared (injector 0 has prepared the collection)";

  private final Injectors injectors;
  private final BarrierServer server;
  private final BarrierClient client;

  private Coordination(Injectors injectors, BarrierServer server, BarrierClient client) {
    this.injectors = injectors;
    this.server = server;
    this.client = client;
  }

  /** The barriers of a coordinated injector (injector 0 starts serving them); null for a JVM alone. */
  static Coordination open(Injectors injectors) {
    if (!injectors.coordinated()) {
      return null;
    }
    BarrierServer server = null;
    int port = injectors.barrierPort();
    if (injectors.index() == 0) {
      server = BarrierServer.start(injectors.of(), injectors.barrierTimeout(), injectors.bindHost(), port);
      port = server.port();
      // The local launcher reads this line for the port to give the other injectors.
      SweepLog.log("barrier: injector 0 of " + injectors.of() + " serving on " + injectors.bindHost() + ":" + port);
    }
    BarrierClient client = new BarrierClient(injectors.index() != 0 ? injectors.barrierHost()
        : injectors.bindHost().equals("0.0.0.0") ? "127.0.0.1" : injectors.bindHost(), port,
        injectors.index(), injectors.of(), injectors.barrierTimeout());
    try {
      client.connect();
    } catch (RuntimeException e) {
      client.close();
      if (server != null) {
        server.close();
      }
      throw e;
    }
    SweepLog.log("injector " + injectors.index() + " of " + injectors.of() + ": barrier at "
        + (server != null ? "this JVM" : injectors.barrierHost() + ":" + port));
    return new Coordination(injectors, server, client);
  }

  /** Blocks until every injector is at "prepared". */
  void awaitPrepared() {
    SweepLog.log("injector " + injectors.index() + ": waiting for every injector at barrier " + PREPARED);
    client.await(PREPARED);
  }

  /** Starts arriving at {@code level}'s barrier (after its warm-up). */
  void arriveAt(SweepConfig config, Level level) {
    level.barrier = client.arrive(key(config, level));
  }

  /** Whether {@code level}'s barrier still holds this injector. */
  static boolean waitingAt(Level level) {
    return level.barrier != null && !level.barrier.isDone();
  }

  /** Why {@code level}'s barrier failed, or null while it holds or once it let this injector through. */
  static String failure(Level level) {
    CompletableFuture<Void> barrier = level.barrier;
    if (barrier == null || !barrier.isCompletedExceptionally()) {
      return null;
    }
    try {
      barrier.join();
      return null;
    } catch (CompletionException e) {
      return e.getCause() == null ? e.toString() : e.getCause().getMessage();
    }
  }

  /** {@code level 2 (c=6)}: the level's place in the schedule and its whole load (all injectors). */
  static String key(SweepConfig config, Level level) {
    boolean closed = config.mode() == SweepConfig.Mode.CLOSED;
    int count = closed ? config.levels().size() : config.rates().size();
    int i = level.index % count;
    String load = closed ? RunLayout.levelLabel(config.levels().get(i), 0) : RunLayout.levelLabel(0, config.rates().get(i));
    return "level " + (level.index + 1) + " (" + load + level.trial.suffix() + ")";
  }

  @Override
  public void close() {
    client.close();
    if (server != null) {
      server.close();
    }
  }
}
