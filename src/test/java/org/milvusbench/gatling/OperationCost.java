package org.milvusbench.gatling;

/**
 * What one operation cost the generator in its measured window.
 *
 * @param requestsPerSecond requests the no-op server answered per second
 * @param clientMicros this JVM's CPU per request minus the no-op server's, µs: the generator's cost
 * @param serverMicros the no-op server's own CPU per request, µs (it shares the cores)
 * @param p50Micros median latency of the successful requests, µs
 * @param rowsPerRequest rows the replies reported per successful request (written, deleted, returned, or the count)
 * @param failures requests that failed in the window (0 expected: the no-op answers them all)
 */
record OperationCost(BenchOperation operation, int users, double requestsPerSecond, double clientMicros,
    double serverMicros, double p50Micros, double rowsPerRequest, long failures) {

  /** The generator's CPU per row written or deleted, µs; NaN for reads. */
  double clientMicrosPerRow() {
    return operation.rowsWritten == 0 ? Double.NaN : clientMicros / operation.rowsWritten;
  }

  /** This operation's generator cost per request over {@code search}'s. */
  double ratioTo(OperationCost search) {
    return clientMicros / search.clientMicros;
  }
}
