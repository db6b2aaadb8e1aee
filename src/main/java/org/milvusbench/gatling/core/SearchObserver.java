package org.milvusbench.gatling.core;

import io.milvus.grpc.SearchResults;

/**
 * Receives every completed search of an action (e.g. a level recorder). Called on the virtual
 * user's event loop before it resumes, possibly from several event loops at once: implementations
 * must be thread-safe and cheap (no I/O, no locks held long).
 */
@FunctionalInterface
public interface SearchObserver {

  /**
   * @param ok the call succeeded and Milvus answered with a success status
   * @param startEpochMicros epoch µs when the request should have started (the send time, or
   *     earlier under an open-model schedule that fell behind)
   * @param latencyMicros from that start until the answer (or error) arrived, µs: the value Gatling
   *     is given too (in whole ms)
   * @param firstQueryIndex index in the action's {@link QueryVectors} of the first of its nq
   *     queries; -1 when the vectors came from the session
   * @param results the reply when the call succeeded, else null
   */
  void onSearch(boolean ok, long startEpochMicros, long latencyMicros, int firstQueryIndex, SearchResults results);

  /** Observes nothing. */
  SearchObserver NONE = (ok, startEpochMicros, latencyMicros, firstQueryIndex, results) -> {};
}
