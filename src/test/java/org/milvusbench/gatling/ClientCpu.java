package org.milvusbench.gatling;

import java.util.function.LongSupplier;
import org.milvusbench.process.ProcessStats;

/**
 * CPU this process spent outside the no-op server's threads, per request the server answered,
 * between calls: the generator's cost per request, with the server (which shares the JVM and the
 * cores) taken out. Not thread-safe: one caller at a time.
 */
final class ClientCpu {
  private final NoopMilvusServer server;
  private final LongSupplier answered;
  private long processNanos;
  private long serverNanos;
  private long requests;
  /** The server's own CPU per request over the last interval. */
  double serverMicrosPerRequest;

  /** Per search the server answered. */
  ClientCpu(NoopMilvusServer server) {
    this(server, server::searches);
  }

  /** Per request {@code answered} counts (e.g. {@code () -> server.received("Insert")}). */
  ClientCpu(NoopMilvusServer server, LongSupplier answered) {
    this.server = server;
    this.answered = answered;
    microsPerRequest();
  }

  /** The client's CPU per request since the last call (or construction), µs; 0 when none was answered. */
  double microsPerRequest() {
    long process = ProcessStats.cpuNanos();
    long serverCpu = server.cpuNanos();
    long count = answered.getAsLong();
    double micros = count == requests ? 0
        : ((process - processNanos) - (serverCpu - serverNanos)) / 1000.0 / (count - requests);
    serverMicrosPerRequest = count == requests ? 0 : (serverCpu - serverNanos) / 1000.0 / (count - requests);
    processNanos = process;
    serverNanos = serverCpu;
    requests = count;
    return micros;
  }
}
