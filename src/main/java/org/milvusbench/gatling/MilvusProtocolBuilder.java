package org.milvusbench.gatling;

import io.gatling.javaapi.core.ProtocolBuilder;
import java.time.Duration;
import java.util.function.Function;
import org.milvusbench.gatling.internal.MilvusProtocol;
import org.milvusbench.milvus.MilvusEndpoint;

/**
 * DSL for the Milvus protocol: where and how the searches connect. Start from {@link
 * MilvusDsl#milvus()}:
 *
 * <pre>{@code
 * MilvusProtocolBuilder milvus = milvus().uri("http://localhost:19530").token(System.getenv("MILVUS_TOKEN"));
 * setUp(scn.injectClosed(constantConcurrentUsers(20).during(30))).protocols(milvus);
 * }</pre>
 *
 * <p>Immutable, so every method returns a new builder and leaves this one unmodified.
 */
public final class MilvusProtocolBuilder implements ProtocolBuilder {
  /** Default URI: a local Milvus standalone. */
  public static final String DEFAULT_URI = "http://localhost:19530";
  /** Default per-request deadline: 10 s (a request slower than that is a KO, DEADLINE_EXCEEDED). */
  public static final long DEFAULT_DEADLINE_MILLIS = 10_000;
  /** Default gRPC channels (HTTP/2 connections) per Gatling event loop (Gatling runs two loops per core): 1. */
  public static final int DEFAULT_CHANNELS = 1;

  // One protocol per builder: Gatling keys channel sets by protocol instance, so repeated
  // protocol() calls must not open new connections.
  private final MilvusProtocol wrapped;

  MilvusProtocolBuilder() {
    this(new MilvusProtocol(MilvusEndpoint.of(DEFAULT_URI, null, null), DEFAULT_DEADLINE_MILLIS, DEFAULT_CHANNELS));
  }

  private MilvusProtocolBuilder(MilvusProtocol wrapped) {
    this.wrapped = wrapped;
  }

  private MilvusProtocolBuilder make(Function<MilvusProtocol, MilvusProtocol> f) {
    return new MilvusProtocolBuilder(f.apply(wrapped));
  }

  /**
   * Sets where to connect, token and database included (e.g. a target the sweep prepared); replaces
   * what {@link #uri}, {@link #token} and {@link #db} set. Default: {@value #DEFAULT_URI}, no token,
   * the server's default database.
   */
  public MilvusProtocolBuilder endpoint(MilvusEndpoint endpoint) {
    return make(p -> p.withEndpoint(endpoint));
  }

  /**
   * Sets the server URI, as milvus-sdk-java takes it: {@code http://host:19530}, {@code https://...}
   * for TLS; keeps the token and database. Default {@value #DEFAULT_URI}.
   *
   * @throws IllegalArgumentException naming the URI, if it is empty or not of that form
   */
  public MilvusProtocolBuilder uri(String uri) {
    return make(p -> p.withEndpoint(MilvusEndpoint.of(uri, p.endpoint().token(), p.endpoint().db())));
  }

  /**
   * Sets the token ({@code user:password} or API key), sent base64-encoded as {@code authorization}
   * like milvus-sdk-java does; null or blank = none. Default none.
   */
  public MilvusProtocolBuilder token(String token) {
    return make(p -> p.withEndpoint(p.endpoint().withToken(token)));
  }

  /** Sets the database, sent as the {@code dbname} header; null or blank = none. Default: the server's default database. */
  public MilvusProtocolBuilder db(String dbName) {
    return make(p -> p.withEndpoint(p.endpoint().withDb(dbName)));
  }

  /**
   * Sets the per-request deadline, 1 ms or more; a slower answer is a KO with {@code
   * DEADLINE_EXCEEDED}. Default 10 s ({@value #DEFAULT_DEADLINE_MILLIS} ms).
   */
  public MilvusProtocolBuilder deadline(Duration deadline) {
    return make(p -> p.withDeadline(deadline));
  }

  /**
   * Sets the gRPC channels (HTTP/2 connections) per Gatling event loop, 1..64 (two loops per core,
   * so 4 connections in all on 2 cores by default); a virtual user sends through those of its own
   * loop, round-robin. Default {@value #DEFAULT_CHANNELS}: a loop is one thread, so more only helps
   * when a server limits streams per connection.
   */
  public MilvusProtocolBuilder channels(int channels) {
    return make(p -> p.withChannels(channels));
  }

  /** The protocol Gatling registers: the same instance on every call to this builder. */
  @Override
  public MilvusProtocol protocol() {
    return wrapped;
  }
}
