package org.milvusbench.gatling;

import io.gatling.core.protocol.ProtocolComponents;
import io.gatling.core.session.Session;
import io.milvus.grpc.MilvusServiceGrpc;
import io.milvus.grpc.MilvusServiceGrpc.MilvusServiceStub;
import io.milvus.shaded.io.grpc.ManagedChannel;
import io.milvus.shaded.io.grpc.Metadata;
import io.milvus.shaded.io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.milvus.shaded.io.grpc.stub.MetadataUtils;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import scala.Function1;
import scala.runtime.BoxedUnit;

/**
 * The live side of a {@link MilvusProtocol}: N gRPC channels (milvus-sdk-java's shaded grpc-java,
 * so Gatling's own Netty is untouched) with the headers a Milvus server expects, handed out
 * round-robin. Shared by every scenario using the same protocol; closed when Gatling terminates.
 */
public final class MilvusComponents implements ProtocolComponents, AutoCloseable {
  /** Search replies with output fields can be large; Milvus itself allows far more than gRPC's 4 MiB. */
  private static final int MAX_INBOUND_BYTES = 256 * 1024 * 1024;

  private final MilvusProtocol protocol;
  private final ManagedChannel[] channels;
  private final MilvusServiceStub[] stubs;
  private final AtomicInteger nextStub = new AtomicInteger();

  public MilvusComponents(MilvusProtocol protocol) {
    this.protocol = protocol;
    int n = protocol.channels();
    this.channels = new ManagedChannel[n];
    this.stubs = new MilvusServiceStub[n];
    Metadata headers = headers(protocol);
    for (int i = 0; i < n; i++) {
      NettyChannelBuilder builder =
          NettyChannelBuilder.forAddress(protocol.host(), protocol.port())
              .maxInboundMessageSize(MAX_INBOUND_BYTES)
              // Callbacks only record and hand over to Gatling's event loop: run them on the
              // transport thread instead of hopping through grpc's default thread pool.
              .directExecutor()
              // A load test counts what the target answered: no transparent retries, and no
              // RetriableStream buffering every request on the hot path.
              .disableRetry()
              .intercept(MetadataUtils.newAttachHeadersInterceptor(headers));
      if (protocol.tls()) {
        builder.useTransportSecurity();
      } else {
        builder.usePlaintext();
      }
      channels[i] = builder.build();
      stubs[i] = MilvusServiceGrpc.newStub(channels[i]);
    }
  }

  /**
   * The headers milvus-sdk-java (2.6) sends: {@code authorization} = base64 of the token, {@code
   * dbname} when a database is chosen.
   */
  public static Metadata headers(MilvusProtocol protocol) {
    Metadata headers = new Metadata();
    if (protocol.token() != null) {
      headers.put(
          Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
          Base64.getEncoder().encodeToString(protocol.token().getBytes(StandardCharsets.UTF_8)));
    }
    if (protocol.dbName() != null) {
      headers.put(Metadata.Key.of("dbname", Metadata.ASCII_STRING_MARSHALLER), protocol.dbName());
    }
    return headers;
  }

  public MilvusProtocol protocol() {
    return protocol;
  }

  /** The next async stub, round-robin over the channels (lock-free). */
  public MilvusServiceStub nextStub() {
    int i = nextStub.getAndIncrement() & Integer.MAX_VALUE;
    return stubs[i % stubs.length];
  }

  @Override
  public Function1<Session, Session> onStart() {
    return Session.Identity();
  }

  @Override
  public Function1<Session, BoxedUnit> onExit() {
    return ProtocolComponents.NoopOnExit();
  }

  /** Shuts the channels down, waiting up to 5 s for in-flight calls. */
  @Override
  public void close() {
    for (ManagedChannel channel : channels) {
      channel.shutdown();
    }
    for (ManagedChannel channel : channels) {
      try {
        if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
          channel.shutdownNow();
        }
      } catch (InterruptedException e) {
        channel.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }
}
