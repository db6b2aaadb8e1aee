package org.milvusbench.gatling.core;

/**
 * How fresh the data a search or query sees must be: Milvus's consistency levels, under the names
 * milvus-sdk-java's {@code io.milvus.v2.common.ConsistencyLevel} gives them.
 */
public enum ConsistencyLevel {
  /** Sees every write acknowledged before the request (waits for it). */
  STRONG(io.milvus.grpc.ConsistencyLevel.Strong),
  /** Sees this client's own writes; sent as MilvusClientV2 sends it before its first write. */
  SESSION(io.milvus.grpc.ConsistencyLevel.Session),
  /** Sees writes older than the server's staleness bound. */
  BOUNDED(io.milvus.grpc.ConsistencyLevel.Bounded),
  /** Sees whatever the serving nodes have, without waiting. */
  EVENTUALLY(io.milvus.grpc.ConsistencyLevel.Eventually);

  private final io.milvus.grpc.ConsistencyLevel wire;

  ConsistencyLevel(io.milvus.grpc.ConsistencyLevel wire) {
    this.wire = wire;
  }

  /** The level as the request carries it. */
  public io.milvus.grpc.ConsistencyLevel wire() {
    return wire;
  }

  /**
   * The level called {@code name}, in any case ({@code "strong"} is {@link #STRONG}).
   *
   * @throws IllegalArgumentException naming the allowed values, for any other name (null included)
   */
  public static ConsistencyLevel of(String name) {
    return EnumNames.of(ConsistencyLevel.class, "consistency level", name);
  }
}
