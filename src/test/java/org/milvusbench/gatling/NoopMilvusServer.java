package org.milvusbench.gatling;

import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.milvus.grpc.ConnectRequest;
import io.milvus.grpc.ConnectResponse;
import io.milvus.grpc.IDs;
import io.milvus.grpc.LongArray;
import io.milvus.grpc.MilvusServiceGrpc;
import io.milvus.grpc.SearchResultData;
import io.milvus.grpc.SearchResults;
import io.milvus.grpc.ServerInfo;
import io.milvus.grpc.Status;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A "no-op Milvus": speaks the Milvus gRPC protocol on 127.0.0.1 and answers every Search with a
 * canned reply (ids 0..topK-1), or with an error status, or never (to provoke deadlines); Insert,
 * Upsert, Delete and Query likewise ({@link NoopDataMethods}). Used by
 * the action tests and as the generator-ceiling benchmark's server: it measures its own service
 * time (µs) so measurement overhead can be computed.
 *
 * <p>It shares the machine with the client it measures, so it does as little as a gRPC server can:
 * requests are skipped, not parsed; the reply is serialised once; transport is native epoll where
 * Netty has it.
 */
public final class NoopMilvusServer implements AutoCloseable {

  /** How Search, Insert, Upsert, Delete and Query answer. */
  public enum Behaviour { OK, ERROR_STATUS, NEVER_ANSWER }

  public static final int ERROR_CODE = 101;
  static final String THREAD_PREFIX = "noop-milvus-";
  public static final String ERROR_REASON = "collection not loaded[collection=benchmark_concurrent]";

  private final Server server;
  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final AtomicReference<Behaviour> behaviour = new AtomicReference<>(Behaviour.OK);
  private final AtomicLong searches = new AtomicLong();
  private final Recorder serviceMicros = new Recorder(3);
  private final AtomicReference<Metadata> lastHeaders = new AtomicReference<>();
  private final byte[] canned;
  private final byte[] error;
  private final NoopDataMethods data;

  private static final AtomicLong INSTANCES = new AtomicLong();
  private final String threadPrefix;

  public NoopMilvusServer(int topK) throws IOException {
    this(topK, Epoll.isAvailable());
  }

  /** @param epoll serve on Netty's native epoll transport (else NIO) */
  public NoopMilvusServer(int topK, boolean epoll) throws IOException {
    SearchResultData.Builder data = SearchResultData.newBuilder().setNumQueries(1).setTopK(topK).addTopks(topK);
    LongArray.Builder ids = LongArray.newBuilder();
    for (int i = 0; i < topK; i++) {
      ids.addData(i);
      data.addScores(i);
    }
    canned = SearchResults.newBuilder()
        .setStatus(Status.newBuilder().build())
        .setResults(data.setIds(IDs.newBuilder().setIntId(ids)))
        .build().toByteArray();
    Status errorStatus = Status.newBuilder().setCode(ERROR_CODE).setReason(ERROR_REASON).build();
    error = SearchResults.newBuilder().setStatus(errorStatus).build().toByteArray();
    this.data = new NoopDataMethods(behaviour::get, errorStatus);
    ServerInterceptor captureHeaders = new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        lastHeaders.set(headers);
        return next.startCall(call, headers);
      }
    };
    // Own loops with named threads, so the benchmark can tell the server's CPU from the client's.
    threadPrefix = THREAD_PREFIX + (epoll ? "epoll-" : "nio-") + INSTANCES.incrementAndGet() + "-";
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    Class<? extends ServerChannel> channelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(threadPrefix + "boss", true), io);
    workers = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory(threadPrefix + "worker", true), io);
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .bossEventLoopGroup(boss)
        .workerEventLoopGroup(workers)
        .channelType(channelType)
        .directExecutor()
        .addService(ServerInterceptors.intercept(service(), captureHeaders))
        .build()
        .start();
  }

  private ServerServiceDefinition service() {
    ServerServiceDefinition.Builder service = ServerServiceDefinition.builder(MilvusServiceGrpc.SERVICE_NAME);
    data.addTo(service);
    return service
        .addMethod(method("Search", SKIPPED, RAW), ServerCalls.asyncUnaryCall(this::search))
        .addMethod(
            method("Connect", ProtoUtils.marshaller(ConnectRequest.getDefaultInstance()),
                ProtoUtils.marshaller(ConnectResponse.getDefaultInstance())),
            ServerCalls.asyncUnaryCall((ConnectRequest request, StreamObserver<ConnectResponse> out) -> {
              out.onNext(ConnectResponse.newBuilder().setStatus(Status.newBuilder())
                  .setServerInfo(ServerInfo.newBuilder().setBuildTags("noop")).setIdentifier(1).build());
              out.onCompleted();
            }))
        .build();
  }

  private void search(Integer requestBytes, StreamObserver<byte[]> out) {
    long start = System.nanoTime();
    searches.incrementAndGet();
    switch (behaviour.get()) {
      case OK -> out.onNext(canned);
      case ERROR_STATUS -> out.onNext(error);
      case NEVER_ANSWER -> {
        return;
      }
    }
    out.onCompleted();
    serviceMicros.recordValue(Math.max(0, (System.nanoTime() - start) / 1000));
  }

  private static <Q, R> MethodDescriptor<Q, R> method(
      String name, MethodDescriptor.Marshaller<Q> request, MethodDescriptor.Marshaller<R> response) {
    return MethodDescriptor.<Q, R>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(MethodDescriptor.generateFullMethodName(MilvusServiceGrpc.SERVICE_NAME, name))
        .setRequestMarshaller(request)
        .setResponseMarshaller(response)
        .build();
  }

  /** A request is read to its end and counted, never parsed: a no-op needs none of it. */
  private static final MethodDescriptor.Marshaller<Integer> SKIPPED = new MethodDescriptor.Marshaller<>() {
    @Override
    public InputStream stream(Integer value) {
      throw new UnsupportedOperationException("the no-op server only receives searches");
    }

    @Override
    public Integer parse(InputStream stream) {
      try (stream) {
        int n = 0;
        for (long skipped; (skipped = stream.skip(Long.MAX_VALUE)) > 0; ) {
          n += (int) skipped;
        }
        return n;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  };

  /** Replies are serialised once, at start. */
  private static final MethodDescriptor.Marshaller<byte[]> RAW = new MethodDescriptor.Marshaller<>() {
    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      throw new UnsupportedOperationException("the no-op server only sends replies");
    }
  };

  public int port() {
    return server.getPort();
  }

  public String uri() {
    return "http://127.0.0.1:" + port();
  }

  public void behaviour(Behaviour value) {
    behaviour.set(value);
  }

  public long searches() {
    return searches.get();
  }

  /** CPU time (ns) the server's threads have used so far; with directExecutor they do all its work. */
  public long cpuNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long total = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith(threadPrefix)) {
        total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return total;
  }

  /** Service time histogram (µs) since the last call. */
  public Histogram serviceMicrosInterval() {
    return serviceMicros.getIntervalHistogram();
  }

  /** The last request of a data method ({@code Insert}, {@code Upsert}, {@code Delete}, {@code Query}), or null. */
  public <T extends com.google.protobuf.Message> T lastRequest(String method) {
    return data.lastRequest(method);
  }

  /** Requests of a data method received so far. */
  public long received(String method) {
    return data.received(method);
  }

  /** A header of the most recent call, decoded from base64 when {@code base64}. */
  public String lastHeader(String name, boolean base64) {
    Metadata headers = lastHeaders.get();
    String value = headers == null ? null : headers.get(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER));
    return value == null || !base64 ? value : new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow().awaitTermination();
    boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }
}
