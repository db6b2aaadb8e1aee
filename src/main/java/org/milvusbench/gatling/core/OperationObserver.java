package org.milvusbench.gatling.core;

/**
 * Receives every completed insert, upsert, delete or query of an action (e.g. a per-operation
 * recorder). Called on the virtual user's event loop before it resumes, possibly from several event
 * loops at once: implementations must be thread-safe and cheap (no I/O, no locks held long).
 */
@FunctionalInterface
public interface OperationObserver {

  /**
   * @param ok the call succeeded and Milvus answered with a success status
   * @param startEpochMicros epoch µs when the request should have started (the send time, or
   *     earlier under an open-model schedule that fell behind)
   * @param latencyMicros from that start until the answer (or error) arrived, µs: the value Gatling
   *     is given too (in whole ms)
   * @param rows what Milvus reported: rows inserted, upserted or deleted, rows a query returned (for
   *     a {@code count(*)} query, the count); 0 when not ok
   */
  void onOperation(boolean ok, long startEpochMicros, long latencyMicros, long rows);

  /** Observes nothing. */
  OperationObserver NONE = (ok, startEpochMicros, latencyMicros, rows) -> {};
}
