package org.milvusbench.sweep.run;

import org.milvusbench.gatling.core.DatasetRows;
import org.milvusbench.milvus.AdminClient;
import org.milvusbench.rundir.LevelResult;
import org.milvusbench.sweep.SweepLog;

/**
 * The rows a writing workload adds and removes, kept apart from the seeded ones: new rows continue
 * data-prep's dataset past its last row ({@link #rows}), their keys go to {@link #keys}, and after
 * every level the collection's count is checked against the acknowledged writes and the level's
 * rows are deleted again, so each level (and the next run's data-prep) starts from the seeded
 * collection, whose ground truth the no-ingest recall is scored against.
 */
final class CollectionWrites {
  private static final int DELETE_CHUNK = 1000;

  private final AdminClient admin;
  private final String collection;
  private final long seeded;
  private final DatasetRows rows;
  private final WrittenKeys keys = new WrittenKeys();

  private CollectionWrites(AdminClient admin, String collection, long seeded, DatasetRows rows) {
    this.admin = admin;
    this.collection = collection;
    this.seeded = seeded;
    this.rows = rows;
  }

  /** Counts the collection as the run found it; new rows are data-prep's rows from that count on. */
  static CollectionWrites open(AdminClient admin, String collection, int dimension) {
    long seeded = admin.count(collection);
    return new CollectionWrites(admin, collection, seeded,
        DatasetRows.of(dimension, DatasetRows.DEFAULT_SEED).startingAt(seeded));
  }

  /** The rows inserts take (one cursor for the whole run: no row is inserted twice). */
  DatasetRows rows() {
    return rows;
  }

  WrittenKeys keys() {
    return keys;
  }

  /**
   * Inserts {@code count} rows outside any measurement, for a mixed level's upserts and deletes to
   * work on from its first request; returns how many.
   */
  long reserve(int count) {
    long first = rows.nextRow();
    long[] written = admin.insert(collection, rows.next(count), count);
    keys.add(written);
    SweepLog.log("mixed workload: inserted " + written.length + " rows (from dataset row " + first
        + ") for upserts and deletes to work on; they are deleted after the level");
    return written.length;
  }

  /**
   * After a level: checks {@code count(*)} against {@code inserted} − {@code deleted} acknowledged
   * rows and deletes the rows the level left, logging a difference loudly.
   */
  LevelResult.Writes restore(String label, long inserted, long deleted) {
    long expected = seeded + inserted - deleted;
    long counted = admin.count(collection);
    long[] left;
    while ((left = keys.take(DELETE_CHUNK)).length > 0) {
      admin.delete(collection, DatasetRows.ID_FIELD, left);
    }
    long restored = admin.count(collection);
    LevelResult.Writes writes = new LevelResult.Writes(seeded, inserted, deleted, expected, counted, restored);
    if (!writes.exact()) {
      SweepLog.log("ERROR " + label + ": count(*) is " + counted + " after the level's writes, expected " + expected
          + " (" + seeded + " + " + inserted + " inserted − " + deleted + " deleted): rows were lost or duplicated");
    }
    if (restored != seeded) {
      SweepLog.log("WARNING " + label + ": " + restored + " rows after deleting the level's rows, " + seeded + " before it");
    }
    return writes;
  }
}
