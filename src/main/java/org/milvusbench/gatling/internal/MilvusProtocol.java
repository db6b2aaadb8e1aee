package org.milvusbench.gatling.internal;

import io.gatling.core.protocol.Protocol;
import io.gatling.core.protocol.ProtocolKey;
import java.time.Duration;
import java.util.Objects;
import org.milvusbench.milvus.MilvusEndpoint;

/**
 * Where and how the Milvus actions connect: the Gatling {@link Protocol} that the public {@code
 * MilvusProtocolBuilder} wraps. Immutable; every {@code with...} returns a new protocol; the
 * channels live in {@link MilvusComponents}.
 *
 * @param endpoint host, port, TLS, token and database ({@link MilvusEndpoint#toString()} hides the token)
 * @param deadlineMillis per-request deadline, at least 1 ms
 * @param channels gRPC channels per Gatling event loop, 1..64
 */
public record MilvusProtocol(MilvusEndpoint endpoint, long deadlineMillis, int channels) implements Protocol {

  /** Gatling's registry key: one {@link MilvusComponents} per protocol value. */
  public static final ProtocolKey<MilvusProtocol, MilvusComponents> KEY = new MilvusProtocolKey();

  public MilvusProtocol {
    Objects.requireNonNull(endpoint, "endpoint");
    if (deadlineMillis < 1) {
      throw new IllegalArgumentException("deadline: " + deadlineMillis + " ms is not 1 ms or more (e.g. 10s)");
    }
    if (channels < 1 || channels > 64) {
      throw new IllegalArgumentException("channels: " + channels + " is not in 1..64");
    }
  }

  public MilvusProtocol withEndpoint(MilvusEndpoint endpoint) {
    return new MilvusProtocol(endpoint, deadlineMillis, channels);
  }

  /** The deadline, at least 1 ms; null or shorter is rejected naming the value. */
  public MilvusProtocol withDeadline(Duration deadline) {
    if (deadline == null || deadline.toMillis() < 1) {
      throw new IllegalArgumentException("deadline: " + deadline + " is not a duration of 1 ms or more (e.g. 10s)");
    }
    return new MilvusProtocol(endpoint, deadline.toMillis(), channels);
  }

  public MilvusProtocol withChannels(int channels) {
    return new MilvusProtocol(endpoint, deadlineMillis, channels);
  }

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
