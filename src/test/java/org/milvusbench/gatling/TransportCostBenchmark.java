package org.milvusbench.gatling;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import io.milvus.grpc.MilvusServiceGrpc;
import io.milvus.grpc.SearchRequest;
import io.milvus.grpc.SearchResults;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.milvusbench.gatling.core.QueryVectors;
import org.milvusbench.process.ProcessStats;

/**
 * What grpc-java's Netty server spends per unary call on NIO against native epoll (issue 16: the
 * target serves on milvus-sdk-java's shaded grpc-java, whose Netty has NIO only): two no-op Milvus
 * servers in this JVM, one per transport, the same NIO client calling each asynchronously from its
 * event loop (as the Gatling action), c calls in flight, one-second slices alternating; the servers'
 * own threads' CPU per call, after a warm-up that waits for the JIT.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/test-cp.txt) org.milvusbench.gatling.TransportCostBenchmark [slices=10]
 * </pre>
 */
public final class TransportCostBenchmark {
  private static final MethodDescriptor<SearchRequest, SearchResults> SEARCH = MethodDescriptor
      .<SearchRequest, SearchResults>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
      .setFullMethodName(MethodDescriptor.generateFullMethodName(MilvusServiceGrpc.SERVICE_NAME, "Search"))
      .setRequestMarshaller(ProtoUtils.marshaller(SearchRequest.getDefaultInstance()))
      .setResponseMarshaller(ProtoUtils.marshaller(SearchResults.getDefaultInstance())).build();

  private TransportCostBenchmark() {}

  public static void main(String[] args) throws Exception {
    int slices = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    SearchRequest request = SearchRequest.newBuilder().setCollectionName("noop").setNq(1)
        .setPlaceholderGroup(QueryVectors.uniform(1, 768, 1).placeholderGroup(0, 1)).build();
    EventLoopGroup clientLoop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    try (NoopMilvusServer nio = new NoopMilvusServer(10, false); NoopMilvusServer epoll = new NoopMilvusServer(10, true)) {
      List<NoopMilvusServer> servers = List.of(nio, epoll);
      List<ManagedChannel> channels = servers.stream().map(s -> (ManagedChannel) NettyChannelBuilder
          .forAddress("127.0.0.1", s.port()).usePlaintext().eventLoopGroup(clientLoop)
          .channelType(NioSocketChannel.class).directExecutor().build()).toList();
      long compiled;
      int round = 0;
      do { // until the JIT compiled for under 2 % of a round (at least 3 rounds)
        compiled = ProcessStats.jitMillis();
        for (ManagedChannel channel : channels) {
          slice(channel, request, 4);
        }
      } while (++round < 3 || ProcessStats.jitMillis() - compiled > 40);
      System.out.printf("no-op Milvus server, unary Search, %d one-second slices per cell, %d cores;"
          + " server threads' CPU µs per call (calls per second)%n", slices, Runtime.getRuntime().availableProcessors());
      System.out.println("  c    NIO              epoll            epoll / NIO");
      for (int c : new int[] {1, 8}) {
        long[] calls = new long[2];
        long[] cpu = new long[2];
        for (int s = 0; s < slices; s++) {
          for (int i = 0; i < 2; i++) {
            long before = servers.get(i).cpuNanos();
            calls[i] += slice(channels.get(i), request, c);
            cpu[i] += servers.get(i).cpuNanos() - before;
          }
        }
        double nioPerCall = cpu[0] / 1e3 / calls[0];
        double epollPerCall = cpu[1] / 1e3 / calls[1];
        System.out.printf("%3d    %5.1f (%6d/s)   %5.1f (%6d/s)   %.2f%n", c, nioPerCall, calls[0] / slices, epollPerCall,
            calls[1] / slices, epollPerCall / nioPerCall);
      }
      channels.forEach(ManagedChannel::shutdownNow);
    } finally {
      clientLoop.shutdownGracefully();
    }
  }

  /** One second of {@code concurrency} calls in flight; returns the calls completed. */
  private static long slice(ManagedChannel channel, SearchRequest request, int concurrency) throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong done = new AtomicLong();
    CountDownLatch stopped = new CountDownLatch(concurrency);
    for (int i = 0; i < concurrency; i++) {
      new StreamObserver<SearchResults>() {
        void call() {
          ClientCalls.asyncUnaryCall(channel.newCall(SEARCH, CallOptions.DEFAULT), request, this);
        }

        @Override
        public void onNext(SearchResults value) {
          done.incrementAndGet();
        }

        @Override
        public void onError(Throwable t) {
          t.printStackTrace();
          stopped.countDown();
        }

        @Override
        public void onCompleted() {
          if (stop.get()) {
            stopped.countDown();
          } else {
            call();
          }
        }
      }.call();
    }
    Thread.sleep(1000);
    stop.set(true);
    stopped.await();
    return done.get();
  }
}
