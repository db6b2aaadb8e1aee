package org.milvusbench.dataprep;

/**
 * Observes {@link DataPrep#prepare}: phases with totals and progress (for progress bars), messages,
 * and per-batch hooks. All methods default to no-ops. A listener that throws aborts the run at that
 * point, exactly as a kill would — the tests use that to prove resumability.
 */
public interface ProgressListener {

  /** Phases of a preparation, in order. */
  enum Phase {
    /** Inserting rows; units are rows. */
    INSERT,
    /** Waiting for the server to index all rows; units are rows. */
    INDEX,
    /** Loading the collection; units are percent. */
    LOAD,
    /** Brute-force ground truth; units are dataset rows scanned. */
    GROUND_TRUTH
  }

  /** {@code phase} starts; {@code total} units ({@code done} of them already, e.g. when resuming). */
  default void phaseStarted(Phase phase, long total, long done) {}

  /** {@code done} units of {@code phase} are complete. */
  default void progress(Phase phase, long done) {}

  /** {@code phase} has finished. */
  default void phaseFinished(Phase phase) {}

  /** A one-line note worth showing (reuse, resume, reconciliation). */
  default void info(String message) {}

  /**
   * The Insert RPC for rows {@code [firstRow, firstRow + rows)} returned, and the batch is not yet
   * recorded locally: a crash here leaves an unrecorded batch on the server.
   */
  default void batchInserted(long firstRow, int rows) {}

  /** Rows {@code [firstRow, firstRow + rows)} are recorded; {@code committedRows} in total. */
  default void batchCommitted(long firstRow, int rows, long committedRows) {}

  /** A listener that ignores everything. */
  static ProgressListener none() {
    return new ProgressListener() {};
  }
}
