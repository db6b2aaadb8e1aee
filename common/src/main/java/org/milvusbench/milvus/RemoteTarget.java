package org.milvusbench.milvus;

/** A Milvus this process did not start (standalone, cluster, Zilliz Cloud): closing it does nothing. */
public record RemoteTarget(MilvusEndpoint endpoint) implements MilvusTarget {

  @Override
  public boolean embedded() {
    return false;
  }

  @Override
  public void close() {
    // Not ours to stop.
  }
}
