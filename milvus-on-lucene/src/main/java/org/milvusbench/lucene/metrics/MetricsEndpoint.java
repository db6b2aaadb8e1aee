package org.milvusbench.lucene.metrics;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.IOException;
import java.net.InetAddress;

/** {@code GET /metrics} (Prometheus text format) of one {@link MilvusMetrics}, on loopback only. */
public final class MetricsEndpoint implements AutoCloseable {
  private final HTTPServer server;

  private MetricsEndpoint(HTTPServer server) {
    this.server = server;
  }

  /** @param port 0 picks a free one ({@link #port()} tells which) */
  public static MetricsEndpoint start(MilvusMetrics metrics, int port) throws IOException {
    return new MetricsEndpoint(HTTPServer.builder().inetAddress(InetAddress.getLoopbackAddress()).port(port)
        .registry(metrics.registry()).buildAndStart());
  }

  public int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    server.close();
  }
}
