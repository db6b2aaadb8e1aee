package org.milvusbench.sweep.setup;

import org.milvusbench.dataprep.ProgressListener;
import org.milvusbench.sweep.SweepLog;

/** data-prep's progress in the sweep's log: each phase's start, every tenth of it, and its notes. */
final class SweepLogProgress implements ProgressListener {
  private final long[] totals = new long[Phase.values().length];
  private final int[] lastDecile = new int[Phase.values().length];

  @Override
  public void phaseStarted(Phase phase, long total, long done) {
    totals[phase.ordinal()] = total;
    lastDecile[phase.ordinal()] = -1;
    SweepLog.log("data-prep " + phase.name().toLowerCase() + ": " + done + "/" + total);
  }

  @Override
  public void progress(Phase phase, long done) {
    long total = totals[phase.ordinal()];
    int decile = total <= 0 ? 0 : (int) (10 * done / total);
    if (decile > lastDecile[phase.ordinal()]) {
      lastDecile[phase.ordinal()] = decile;
      SweepLog.log("data-prep " + phase.name().toLowerCase() + ": " + done + "/" + total);
    }
  }

  @Override
  public void info(String message) {
    SweepLog.log("data-prep: " + message);
  }
}
