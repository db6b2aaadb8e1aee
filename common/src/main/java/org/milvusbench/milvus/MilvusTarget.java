package org.milvusbench.milvus;

/**
 * The Milvus that the load goes to: the embedded one (a child JVM this process started and stops)
 * or a remote one reached by URI. Closing it stops what this process started, nothing else.
 */
public interface MilvusTarget extends AutoCloseable {

  /** Where it listens and with which credentials. */
  MilvusEndpoint endpoint();

  /** True for the embedded target started by this process. */
  boolean embedded();

  /** The URI as results and reports show it: {@code embedded}, or the remote URI (never a token). */
  default String displayUri() {
    return embedded() ? "embedded" : endpoint().uri();
  }

  /** Its Prometheus {@code /metrics} URL when this process knows it (the embedded target); else null. */
  default String metricsUrl() {
    return null;
  }

  @Override
  void close();
}
