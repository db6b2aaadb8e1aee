package org.milvusbench.dataprep;

import java.nio.file.Path;
import org.milvusbench.lucene.TargetConfig;
import org.milvusbench.lucene.TargetServer;

/** The embedded Milvus-compatible target, started in-process on an ephemeral 127.0.0.1 port. */
final class EmbeddedTarget implements AutoCloseable {
  private final TargetServer server;
  private boolean closed;

  private EmbeddedTarget(TargetServer server) {
    this.server = server;
  }

  /** Starts the target on {@code dataDir} (created if needed; collections persist there). */
  static EmbeddedTarget start(Path dataDir) {
    try {
      return new EmbeddedTarget(TargetServer.start(TargetConfig.builder().port(0).dataDir(dataDir).build()));
    } catch (Exception e) {
      throw new DataPrepException("cannot start the embedded target on " + dataDir + ": " + e.getMessage(), e);
    }
  }

  /** URI for a MilvusClientV2. */
  String uri() {
    return "http://127.0.0.1:" + server.port();
  }

  /** Closes once, from a shutdown hook or the normal path; later calls do nothing. */
  void closeQuietly() {
    try {
      close();
    } catch (RuntimeException e) {
      // the JVM is exiting; the next run reconciles whatever was not committed
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      server.close();
    } catch (Exception e) {
      throw new DataPrepException("stopping the embedded target failed: " + e.getMessage(), e);
    }
  }
}
