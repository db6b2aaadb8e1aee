package org.milvusbench.gatling.internal;

import io.gatling.core.protocol.Protocol;
import io.gatling.core.protocol.ProtocolKey;
import org.milvusbench.milvus.MilvusEndpoint;

/**
 * Where and how the Milvus actions connect: the Gatling {@link Protocol} that the public {@code
 * MilvusProtocolBuilder} wraps. Immutable; the channels live in {@link MilvusComponents}.
 *
 * @param endpoint host, port, TLS, token and database ({@link MilvusEndpoint#toString()} hides the token)
 * @param deadlineMillis per-request deadline
 * @param channels gRPC channels per Gatling event loop
 */
public record MilvusProtocol(MilvusEndpoint endpoint, long deadlineMillis, int channels) implements Protocol {

  /** Gatling's registry key: one {@link MilvusComponents} per protocol value. */
  public static final ProtocolKey<MilvusProtocol, MilvusComponents> KEY = new MilvusProtocolKey();

  // Identity, not value, equality: Gatling keys channel sets by protocol instance, and two
  // equal-looking protocols in one simulation may be meant to use separate connections.
  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
