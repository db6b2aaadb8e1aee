package org.milvusbench.dataprep;

/**
 * What {@link DataPrep#prepare} did. Rates and times are for this run only; {@code reused} means
 * the collection and the query pool were already complete and nothing was inserted or recomputed.
 *
 * @param collection collection name
 * @param rows rows in the collection (verified with {@code count(*)})
 * @param insertedThisRun rows inserted by this run
 * @param resumedFromRow committed rows found at start (0 for a fresh collection)
 * @param reconciledRows rows found on the server but not recorded (kill mid-batch): adopted or deleted
 * @param insertSeconds wall time of the insert phase
 * @param insertRowsPerSecond {@code insertedThisRun / insertSeconds} (0 when nothing was inserted)
 * @param indexSeconds wall time waiting for the index to cover every row
 * @param loadSeconds wall time of the load
 * @param groundTruthSeconds wall time of the brute-force ground truth (0 when the pool was reused)
 * @param totalSeconds wall time of the whole preparation
 * @param reused true when nothing had to be inserted, indexed or recomputed
 * @param poolReused true when the query pool on disk matched the collection
 * @param data data fingerprint (source, seed, parameters)
 * @param index index description, e.g. {@code HNSW/L2/M=16/efConstruction=200}
 * @param queryPoolDir directory of the query pool
 */
public record PrepSummary(String collection, long rows, long insertedThisRun, long resumedFromRow, long reconciledRows,
    double insertSeconds, double insertRowsPerSecond, double indexSeconds, double loadSeconds,
    double groundTruthSeconds, double totalSeconds, boolean reused, boolean poolReused, String data, String index,
    String queryPoolDir) {}
