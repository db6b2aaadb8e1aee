package org.milvusbench.gatling;

import io.gatling.javaapi.core.ProtocolBuilder;
import java.time.Duration;
import org.milvusbench.gatling.internal.MilvusProtocol;
import org.milvusbench.milvus.MilvusEndpoint;

/**
 * Immutable builder of the {@link MilvusProtocol}; every setter returns a new builder. Start from
 * {@link MilvusDsl#milvus()}.
 *
 * <pre>{@code
 * MilvusProtocolBuilder milvus = milvus().uri("http://localhost:19530").token(System.getenv("MILVUS_TOKEN"));
 * setUp(scn.injectClosed(constantConcurrentUsers(20).during(30))).protocols(milvus);
 * }</pre>
 */
public final class MilvusProtocolBuilder implements ProtocolBuilder {
  /** Default URI: a local Milvus standalone. */
  public static final String DEFAULT_URI = "http://localhost:19530";
  /** Default per-request deadline: 10 s (a request slower than that is a KO, DEADLINE_EXCEEDED). */
  public static final long DEFAULT_DEADLINE_MILLIS = 10_000;
  /** Default gRPC channels (HTTP/2 connections) per Gatling event loop (Gatling runs two loops per core): 1. */
  public static final int DEFAULT_CHANNELS = 1;

  private final MilvusEndpoint endpoint;
  private final long deadlineMillis;
  private final int channels;
  // Built once per builder: Gatling keys channel sets by protocol instance, so repeated
  // protocol() calls must not open new connections.
  private final MilvusProtocol protocol;

  MilvusProtocolBuilder() {
    this(MilvusEndpoint.of(DEFAULT_URI, null, null), DEFAULT_DEADLINE_MILLIS, DEFAULT_CHANNELS);
  }

  private MilvusProtocolBuilder(MilvusEndpoint endpoint, long deadlineMillis, int channels) {
    this.endpoint = endpoint;
    this.deadlineMillis = deadlineMillis;
    this.channels = channels;
    this.protocol = new MilvusProtocol(endpoint, deadlineMillis, channels);
  }

  /** Where to connect, token and database included (e.g. a target the sweep prepared). */
  public MilvusProtocolBuilder endpoint(MilvusEndpoint endpoint) {
    return new MilvusProtocolBuilder(java.util.Objects.requireNonNull(endpoint, "endpoint"), deadlineMillis, channels);
  }

  /** Server URI, as milvus-sdk-java takes it: {@code http://host:19530}, {@code https://...} for TLS. Default {@value #DEFAULT_URI}. */
  public MilvusProtocolBuilder uri(String uri) {
    return endpoint(MilvusEndpoint.of(uri, endpoint.token(), endpoint.db()));
  }

  /** Token ({@code user:password} or API key), sent base64-encoded as {@code authorization} like milvus-sdk-java does. Default none; null or blank = none. */
  public MilvusProtocolBuilder token(String token) {
    return endpoint(endpoint.withToken(token));
  }

  /** Database, sent as the {@code dbname} header. Default: the server's default database. */
  public MilvusProtocolBuilder db(String dbName) {
    return endpoint(endpoint.withDb(dbName));
  }

  /** Per-request deadline; a slower answer is a KO with {@code DEADLINE_EXCEEDED}. Default 10 s. */
  public MilvusProtocolBuilder deadline(Duration deadline) {
    if (deadline == null || deadline.toMillis() < 1) {
      throw new IllegalArgumentException("deadline: " + deadline + " is not a duration of 1 ms or more (e.g. 10s)");
    }
    return new MilvusProtocolBuilder(endpoint, deadline.toMillis(), channels);
  }

  /**
   * gRPC channels (HTTP/2 connections) per Gatling event loop (two loops per core, so 4 connections
   * in all on 2 cores by default); a virtual user sends through those of its own loop, round-robin.
   * Default {@value #DEFAULT_CHANNELS}: a loop is one thread, so more only helps when a server limits
   * streams per connection.
   */
  public MilvusProtocolBuilder channels(int channels) {
    if (channels < 1 || channels > 64) {
      throw new IllegalArgumentException("channels: " + channels + " is not in 1..64");
    }
    return new MilvusProtocolBuilder(endpoint, deadlineMillis, channels);
  }

  @Override
  public MilvusProtocol protocol() {
    return protocol;
  }
}
