package org.milvusbench.sweep.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.milvusbench.recorder.LevelRecorder;
import org.milvusbench.rundir.LevelResult;
import org.milvusbench.rundir.RunWriter;
import org.milvusbench.sweep.SweepLog;

/**
 * The end of a level beyond its main row: each other operation's files and row, a streaming
 * level's freshness, and a writing level's row-count check and restore.
 */
final class LevelWrites {
  private LevelWrites() {}

  static LevelResult complete(SweepRun run, Level level, LevelResult main) {
    if (level.parts.recall() != null) {
      main = main.withRecall(level.parts.recall().score(run.writes().rows()));
    }
    SweepLog.log(RunFiles.summaryLine(main));
    List<LevelResult> operations = new ArrayList<>();
    for (Map.Entry<String, LevelRecorder> op : level.parts.operations().entrySet()) {
      boolean baseline = op.getKey().equals(LevelResult.SEARCH_NO_INGEST);
      LevelRecorder.LevelSnapshot snap = baseline ? level.baselineSnapshot : op.getValue().snapshot();
      LevelResult row = RunWriter.writeLevel(run.runDir(), level.fileStem(), op.getKey(), level.label(),
          level.concurrency(), level.ratePerSecond(), snap, null, null);
      SweepLog.log("  " + RunFiles.summaryLine(row, true));
      operations.add(row);
    }
    if (operations.isEmpty()) {
      return main;
    }
    LevelResult.Freshness freshness = level.parts.freshness() == null ? null : freshness(run, level);
    LevelResult.Writes writes = run.writes() == null ? null : restore(run, level, operations);
    return main.withOperations(operations).withWriteFacts(freshness, writes);
  }

  private static LevelResult.Freshness freshness(SweepRun run, Level level) {
    run.freshnessProbe().recordInto(null);
    FreshnessRecorder recorder = level.parts.freshness();
    String consistency = run.config().consistency() == null ? "the collection's" : run.config().consistency();
    LevelResult.Freshness f = RunWriter.writeFreshness(run.runDir(), level.fileStem(), consistency,
        recorder.visibleMicros(), recorder.notVisibleCount(), SweepRun.FRESHNESS_TIMEOUT_MILLIS);
    SweepLog.log(RunFiles.freshnessLine(f));
    return f;
  }

  private static LevelResult.Writes restore(SweepRun run, Level level, List<LevelResult> operations) {
    long inserted = rows(operations, "insert");
    long deleted = rows(operations, "delete");
    if (level.parts.deal() != null) {
      inserted += (long) LevelBoundaries.RESERVE_BATCHES * run.config().workload().batch();
    }
    LevelResult.Writes writes = run.writes().restore(level.label(), inserted, deleted);
    SweepLog.log(String.format("  rows: %d before, +%d inserted, -%d deleted = %d expected, count(*) %d %s; %d after"
        + " deleting the level's rows", writes.before(), inserted, deleted, writes.expected(), writes.counted(),
        writes.exact() ? "(exact)" : "(MISMATCH)", writes.restored()));
    return writes;
  }

  private static long rows(List<LevelResult> operations, String operation) {
    return operations.stream().filter(r -> r.operationName().equals(operation))
        .mapToLong(r -> r.rows() == null ? 0 : r.rows()).sum();
  }
}
