package org.milvusbench.sweep.run;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.milvusbench.sweep.SweepLog;

/**
 * Coordinated injectors at a level's barrier ({@link Coordination}): arriving after the warm-up,
 * waiting without holding an event loop, and what a failed barrier means for the run.
 */
final class LevelBarrier {
  private LevelBarrier() {}

  /** Starts arriving at {@code level}'s barrier (after its warm-up). */
  static void arrive(SweepRun run, Level level) {
    level.barrier = run.coordination().arrive(run.config(), level);
  }

  /** Whether {@code level}'s barrier still holds this injector. */
  static boolean waiting(Level level) {
    return level.barrier != null && !level.barrier.isDone();
  }

  /**
   * Why {@code level}'s barrier failed (printed once, with the measured levels written), or null when
   * it let this injector through.
   */
  static String failure(SweepRun run, Level level) {
    synchronized (run) {
      CompletableFuture<Void> barrier = level.barrier;
      if (barrier == null || !barrier.isCompletedExceptionally()) {
        return null;
      }
      try {
        barrier.join();
        return null;
      } catch (CompletionException e) {
        String message = e.getCause() == null ? e.toString() : e.getCause().getMessage();
        if (!level.barrierFailureReported) {
          level.barrierFailureReported = true;
          System.err.println("[milvus-sweep] error: " + message);
          // Gatling's crash skips the simulation's after hook: the levels measured so far are written
          // now, so a merge of the injectors that did finish them is still possible.
          SweepLog.log("results of the levels measured before the barrier failed: " + RunFiles.writeRun(run));
        }
        return message;
      }
    }
  }
}
