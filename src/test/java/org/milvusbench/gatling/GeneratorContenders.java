package org.milvusbench.gatling;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.MoreExecutors;
import io.milvus.grpc.SearchRequest;
import io.milvus.grpc.SearchResults;
import io.gatling.netty.util.Transports;
import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.milvus.v2.client.ConnectConfig;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.data.FloatVec;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;
import org.milvusbench.gatling.core.QueryVectors;
import org.milvusbench.gatling.internal.MilvusComponents;
import org.milvusbench.gatling.internal.MilvusMethods;

/**
 * The clients {@link GeneratorCeilingBenchmark} measures the Gatling action against, each keeping
 * N searches outstanding against the no-op Milvus for a number of seconds.
 */
final class GeneratorContenders {
  private GeneratorContenders() {}

  /** Keeps {@code inFlight} searches outstanding: each completion (on the transport thread) sends the next. */
  static GeneratorCeilingBenchmark.Result rawAsync(NoopMilvusServer server, SearchRequest template, QueryVectors queries, int inFlight, int seconds)
      throws InterruptedException {
    // The same grpc-java as the action, out of the box: its own event loops and application
    // executor, two channels (the action has one per Gatling event loop, i.e. per core).
    ManagedChannel[] channels = new ManagedChannel[2];
    for (int i = 0; i < channels.length; i++) {
      channels[i] = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
    }
    Recorder latency = new Recorder(3);
    AtomicLong done = new AtomicLong();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong nextQuery = new AtomicLong();
    long[] window = new long[2];
    Runnable[] send = new Runnable[1];
    send[0] = () -> {
      long n = nextQuery.getAndIncrement();
      SearchRequest request = template.toBuilder()
          .setPlaceholderGroup(queries.placeholderGroup((int) (n % queries.size()), 1)).build();
      long start = System.nanoTime();
      ManagedChannel channel = channels[(int) (n % channels.length)];
      Futures.addCallback(ClientCalls.futureUnaryCall(channel.newCall(MilvusMethods.SEARCH, CallOptions.DEFAULT), request),
          new FutureCallback<SearchResults>() {
        @Override
        public void onSuccess(SearchResults result) {
          latency.recordValue((System.nanoTime() - start) / 1000);
          done.incrementAndGet();
          if (running.get()) {
            send[0].run();
          }
        }

        @Override
        public void onFailure(Throwable t) {
          if (running.get()) {
            send[0].run();
          }
        }
      }, MoreExecutors.directExecutor());
    };
    warmUp(send[0], done, 20_000);
    latency.reset();
    long before = done.get();
    window[0] = System.nanoTime();
    for (int i = 0; i < inFlight; i++) {
      send[0].run();
    }
    Thread.sleep(seconds * 1000L);
    long count = done.get() - before;
    window[1] = System.nanoTime();
    running.set(false);
    for (ManagedChannel channel : channels) {
      channel.shutdown().awaitTermination(5, TimeUnit.SECONDS);
    }
    return new GeneratorCeilingBenchmark.Result(count / ((window[1] - window[0]) / 1e9), latency.getIntervalHistogram().getValueAtPercentile(50));
  }

  /**
   * The action's transport without Gatling: the same channels (MilvusComponents on epoll loops as
   * Gatling makes them, 2 per core), each completion sending the next search from its own loop,
   * direct listener, the same deadline, nothing else. The ceiling of the design; Gatling / this =
   * Gatling's own cost.
   */
  static GeneratorCeilingBenchmark.Result rawOnLoops(NoopMilvusServer server, SearchRequest template, QueryVectors queries, int inFlight, int seconds)
      throws InterruptedException {
    EventLoopGroup loops = Transports.newEventLoopGroup(true, false, 0, "raw-loop");
    MilvusComponents components = new MilvusComponents(MilvusDsl.milvus().uri(server.uri()).protocol(), loops,
        Transports.newSocketChannelFactory(true, false));
    Recorder latency = new Recorder(3);
    AtomicLong done = new AtomicLong();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong nextQuery = new AtomicLong();
    class Loop {
      final EventLoop loop;

      Loop(EventLoop loop) {
        this.loop = loop;
      }

      void send() {
        long n = nextQuery.getAndIncrement();
        SearchRequest request = template.toBuilder()
            .setPlaceholderGroup(queries.placeholderGroup((int) (n % queries.size()), 1)).build();
        long start = System.nanoTime();
        // With the action's default deadline: its timer is part of the work.
        ClientCall<SearchRequest, SearchResults> call = components.channelFor(loop).newCall(MilvusMethods.SEARCH,
            CallOptions.DEFAULT.withDeadlineAfter(MilvusProtocolBuilder.DEFAULT_DEADLINE_MILLIS, TimeUnit.MILLISECONDS));
        call.start(new ClientCall.Listener<>() {
          @Override
          public void onClose(io.grpc.Status status, Metadata trailers) {
            if (status.isOk()) {
              latency.recordValue((System.nanoTime() - start) / 1000);
              done.incrementAndGet();
            }
            if (running.get()) {
              send();
            }
          }
        }, new Metadata());
        call.request(1);
        call.sendMessage(request);
        call.halfClose();
      }
    }
    List<Loop> senders = new ArrayList<>();
    for (EventExecutor executor : loops) {
      senders.add(new Loop((EventLoop) executor));
    }
    long target = 20_000;
    for (int i = 0; i < 2; i++) {
      Loop l = senders.get(i % senders.size());
      l.loop.execute(l::send);
    }
    while (done.get() < target) {
      Thread.sleep(10);
    }
    latency.reset();
    long before = done.get();
    long start = System.nanoTime();
    for (int i = 0; i < inFlight - 2; i++) {
      Loop l = senders.get(i % senders.size());
      l.loop.execute(l::send);
    }
    Thread.sleep(seconds * 1000L);
    long count = done.get() - before;
    long end = System.nanoTime();
    running.set(false);
    components.close();
    // Fully stopped before the next phase, which must not share the cores with these loops.
    loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    return new GeneratorCeilingBenchmark.Result(count / ((end - start) / 1e9), latency.getIntervalHistogram().getValueAtPercentile(50));
  }

  private static void warmUp(Runnable send, AtomicLong done, int requests) throws InterruptedException {
    long target = done.get() + requests;
    send.run();
    send.run();
    while (done.get() < target) {
      Thread.sleep(10);
    }
  }

  /** The reference's approach: N threads, each blocking in MilvusClientV2.search. */
  static GeneratorCeilingBenchmark.Result blockingPool(NoopMilvusServer server, QueryVectors unused, int threads, int seconds) throws InterruptedException {
    MilvusClientV2 client = new MilvusClientV2(ConnectConfig.builder().uri(server.uri()).build());
    SplittableRandom random = new SplittableRandom(42);
    List<float[]> vectors = new ArrayList<>();
    for (int i = 0; i < 256; i++) {
      float[] v = new float[768];
      for (int d = 0; d < v.length; d++) {
        v[d] = (float) random.nextDouble();
      }
      vectors.add(v);
    }
    Recorder latency = new Recorder(3);
    AtomicLong done = new AtomicLong();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicBoolean measuring = new AtomicBoolean(false);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (int t = 0; t < threads; t++) {
      int offset = t;
      pool.execute(() -> {
        int i = offset;
        while (running.get()) {
          SearchReq req = SearchReq.builder().collectionName("noop").annsField("embedding").topK(10)
              .searchParams(Map.of("ef", 64)).data(List.of(new FloatVec(vectors.get(i++ % vectors.size())))).build();
          long start = System.nanoTime();
          client.search(req);
          if (measuring.get()) {
            latency.recordValue((System.nanoTime() - start) / 1000);
            done.incrementAndGet();
          }
        }
      });
    }
    Thread.sleep(2000); // warm-up
    latency.reset();
    measuring.set(true);
    long start = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    long count = done.get();
    long elapsed = System.nanoTime() - start;
    running.set(false);
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.SECONDS);
    client.close();
    return new GeneratorCeilingBenchmark.Result(count / (elapsed / 1e9), latency.getIntervalHistogram().getValueAtPercentile(50));
  }
}
