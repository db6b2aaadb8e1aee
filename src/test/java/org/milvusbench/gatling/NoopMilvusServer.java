package org.milvusbench.gatling;

import io.milvus.grpc.ConnectRequest;
import io.milvus.grpc.ConnectResponse;
import io.milvus.grpc.GetMetricsRequest;
import io.milvus.grpc.GetMetricsResponse;
import io.milvus.grpc.IDs;
import io.milvus.grpc.LongArray;
import io.milvus.grpc.MilvusServiceGrpc;
import io.milvus.grpc.SearchRequest;
import io.milvus.grpc.SearchResultData;
import io.milvus.grpc.SearchResults;
import io.milvus.grpc.ServerInfo;
import io.milvus.grpc.Status;
import io.milvus.shaded.io.grpc.Metadata;
import io.milvus.shaded.io.grpc.Server;
import io.milvus.shaded.io.grpc.ServerCall;
import io.milvus.shaded.io.grpc.ServerCallHandler;
import io.milvus.shaded.io.grpc.ServerInterceptor;
import io.milvus.shaded.io.grpc.ServerInterceptors;
import io.milvus.shaded.io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.milvus.shaded.io.grpc.stub.StreamObserver;
import io.milvus.shaded.io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.milvus.shaded.io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import io.milvus.shaded.io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Recorder;

/**
 * A "no-op Milvus": speaks the Milvus gRPC protocol on 127.0.0.1 and answers every Search with a
 * canned reply (ids 0..topK-1), or with an error status, or never (to provoke deadlines). Used by
 * the action tests and as the generator-ceiling benchmark's server: it measures its own service
 * time (µs) so measurement overhead can be computed.
 */
public final class NoopMilvusServer implements AutoCloseable {

  /** How Search answers. */
  public enum Behaviour { OK, ERROR_STATUS, NEVER_ANSWER }

  public static final int ERROR_CODE = 101;
  static final String THREAD_PREFIX = "noop-milvus-";
  public static final String ERROR_REASON = "collection not loaded[collection=benchmark_concurrent]";

  private final Server server;
  private final AtomicReference<Behaviour> behaviour = new AtomicReference<>(Behaviour.OK);
  private final AtomicLong searches = new AtomicLong();
  private final Recorder serviceMicros = new Recorder(3);
  private final AtomicReference<Metadata> lastHeaders = new AtomicReference<>();
  private final SearchResults canned;

  public NoopMilvusServer(int topK) throws IOException {
    SearchResultData.Builder data = SearchResultData.newBuilder().setNumQueries(1).setTopK(topK).addTopks(topK);
    LongArray.Builder ids = LongArray.newBuilder();
    for (int i = 0; i < topK; i++) {
      ids.addData(i);
      data.addScores(i);
    }
    canned = SearchResults.newBuilder()
        .setStatus(Status.newBuilder().build())
        .setResults(data.setIds(IDs.newBuilder().setIntId(ids)))
        .build();
    ServerInterceptor captureHeaders = new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        lastHeaders.set(headers);
        return next.startCall(call, headers);
      }
    };
    // Own NIO loops with named threads, so the benchmark can tell the server's CPU from the client's.
    server = NettyServerBuilder.forAddress(new java.net.InetSocketAddress("127.0.0.1", 0))
        .bossEventLoopGroup(new NioEventLoopGroup(1, new DefaultThreadFactory(THREAD_PREFIX + "boss", true)))
        .workerEventLoopGroup(new NioEventLoopGroup(0, new DefaultThreadFactory(THREAD_PREFIX + "worker", true)))
        .channelType(NioServerSocketChannel.class)
        .directExecutor()
        .addService(ServerInterceptors.intercept(new Service(), captureHeaders))
        .build()
        .start();
  }

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
      if (info != null && info.getThreadName().startsWith(THREAD_PREFIX)) {
        total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return total;
  }

  /** Service time histogram (µs) since the last call. */
  public org.HdrHistogram.Histogram serviceMicrosInterval() {
    return serviceMicros.getIntervalHistogram();
  }

  /** A header of the most recent call, decoded from base64 when {@code base64}. */
  public String lastHeader(String name, boolean base64) {
    Metadata headers = lastHeaders.get();
    String value = headers == null ? null : headers.get(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER));
    return value == null || !base64 ? value : new String(Base64.getDecoder().decode(value), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow().awaitTermination();
  }

  private final class Service extends MilvusServiceGrpc.MilvusServiceImplBase {
    @Override
    public void search(SearchRequest request, StreamObserver<SearchResults> out) {
      long start = System.nanoTime();
      searches.incrementAndGet();
      switch (behaviour.get()) {
        case OK -> out.onNext(canned);
        case ERROR_STATUS -> out.onNext(SearchResults.newBuilder()
            .setStatus(Status.newBuilder().setCode(ERROR_CODE).setReason(ERROR_REASON)).build());
        case NEVER_ANSWER -> {
          return;
        }
      }
      out.onCompleted();
      serviceMicros.recordValue(Math.max(0, (System.nanoTime() - start) / 1000));
    }

    @Override
    public void connect(ConnectRequest request, StreamObserver<ConnectResponse> out) {
      out.onNext(ConnectResponse.newBuilder().setStatus(Status.newBuilder())
          .setServerInfo(ServerInfo.newBuilder().setBuildTags("noop")).setIdentifier(1).build());
      out.onCompleted();
    }

    @Override
    public void getMetrics(GetMetricsRequest request, StreamObserver<GetMetricsResponse> out) {
      out.onNext(GetMetricsResponse.newBuilder().setStatus(Status.newBuilder()).setResponse("{}").build());
      out.onCompleted();
    }
  }
}
