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
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.milvusbench.gatling.core.QueryVectors;
import org.milvusbench.gatling.internal.MilvusComponents;
import org.milvusbench.gatling.internal.SearchMethod;
import org.milvusbench.gatling.internal.SearchRequestTemplate;
import org.milvusbench.recorder.LevelRecorder;
import org.milvusbench.process.ProcessStats;

/**
 * Generator ceiling, in one run against the in-process no-op Milvus (so only client cost counts):
 * requests/s of (1) a raw grpc-java async loop with N in flight (futures), (2) the reference's
 * approach, a pool of N threads calling {@code MilvusClientV2.search} (blocking), (3) the Gatling
 * search action with N closed-model users; plus measurement overhead at c=1 (client p50 − server
 * service p50). The two cores are shared by client and server, so absolute numbers are a floor.
 *
 * <pre>
 * mvn -B -q install -DskipTests   # the two modules, which -N resolves from the local repository
 * mvn -B -q -N test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt
 * java --add-opens java.base/java.lang=ALL-UNNAMED -cp target/test-classes:target/classes:$(cat target/test-cp.txt) \
 *     org.milvusbench.gatling.GeneratorCeilingBenchmark [seconds=10] [inFlight=100] [gatling-only]
 * </pre>
 */
public final class GeneratorCeilingBenchmark {
  private GeneratorCeilingBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    try (NoopMilvusServer server = new NoopMilvusServer(10)) {
      if (args.length > 2 && args[2].equals("gatling-only")) {
        // For profiling the action alone (e.g. under JFR): no comparison printed.
        Result[] gatling = gatling(server, inFlight, seconds);
        System.out.printf("%nGatling Milvus action, c=%d: %.0f req/s, p50 %.0f µs%n", inFlight, gatling[1].rps, gatling[1].p50Micros);
        System.exit(0);
      }
      QueryVectors queries = QueryVectors.uniform(256, 768, 42);
      SearchRequest template = SearchRequestTemplate.build(
          MilvusDsl.search("raw").collection("noop").annsField("embedding").vectors(queries).topK(10).ef(64).wrapped,
          MilvusDsl.milvus().uri(server.uri()).protocol());

      ClientCpu cpu = new ClientCpu(server);
      Result raw = rawAsync(server, template, queries, inFlight, seconds);
      double rawCpu = cpu.microsPerRequest();
      double rawServerCpu = cpu.serverMicrosPerRequest;
      Result raw1 = rawAsync(server, template, queries, 1, Math.max(2, seconds / 2));
      cpu.microsPerRequest();
      Result blocking = blockingPool(server, queries, inFlight, seconds);
      double blockingCpu = cpu.microsPerRequest();
      double blockingServerCpu = cpu.serverMicrosPerRequest;
      Result tuned = rawOnLoops(server, template, queries, inFlight, seconds);
      double tunedCpu = cpu.microsPerRequest();
      server.serviceMicrosInterval();
      Result[] gatling = gatling(server, inFlight, seconds);
      // Charged with Gatling's start-up, its c=1 phase and report parsing: an upper bound.
      double gatlingCpu = cpu.microsPerRequest();
      double gatlingServerCpu = cpu.serverMicrosPerRequest;
      Histogram serverService = server.serviceMicrosInterval();

      System.out.println();
      System.out.printf("generator ceiling vs no-op Milvus, %d in flight, %d s each, %d cores shared by client and server%n",
          inFlight, seconds, Runtime.getRuntime().availableProcessors());
      System.out.printf("  raw grpc-java async, its defaults      %9.0f req/s   p50 %6.0f µs%n", raw.rps, raw.p50Micros);
      System.out.printf("  raw grpc-java on the action's loops     %9.0f req/s   p50 %6.0f µs%n", tuned.rps, tuned.p50Micros);
      System.out.printf("  MilvusClientV2 blocking, %3d threads  %9.0f req/s   p50 %6.0f µs%n", inFlight, blocking.rps, blocking.p50Micros);
      System.out.printf("  Gatling Milvus action, c=%-3d         %9.0f req/s   p50 %6.0f µs%n", inFlight, gatling[1].rps, gatling[1].p50Micros);
      System.out.printf("  ratios: Gatling/raw %.2f (goal >= 0.9), Gatling/blocking %.2f (goal >= 3);"
          + " Gatling/raw on the action's loops %.2f (Gatling's own cost)%n",
          gatling[1].rps / raw.rps, gatling[1].rps / blocking.rps, gatling[1].rps / tuned.rps);
      System.out.printf("client CPU per request (process CPU minus the no-op server's threads): raw %.1f µs, raw on loops %.1f µs,"
          + " blocking %.1f µs, Gatling %.1f µs%n", rawCpu, tunedCpu, blockingCpu, gatlingCpu);
      System.out.printf("  no-op server CPU per request in the same phases: raw %.1f µs, blocking %.1f µs, Gatling %.1f µs%n",
          rawServerCpu, blockingServerCpu, gatlingServerCpu);
      System.out.printf("  generator cost ratio: blocking/Gatling %.2f (the server's own cost, shared by all three, caps the req/s ratio)%n",
          blockingCpu / gatlingCpu);
      System.out.printf("measurement overhead at c=1: Gatling p50 %.0f µs, raw gRPC p50 %.0f µs, server service p50 %d µs%n",
          gatling[0].p50Micros, raw1.p50Micros, serverService.getValueAtPercentile(50));
      System.out.printf("  client p50 - server service p50 = %.0f µs (goal <= 100); Gatling action over raw gRPC: %.0f µs%n",
          gatling[0].p50Micros - serverService.getValueAtPercentile(50), gatling[0].p50Micros - raw1.p50Micros);
    }
    System.exit(0);
  }

  record Result(double rps, double p50Micros) {}

  /** CPU this process spent outside the no-op server's threads, per request the server answered, between calls. */
  static final class ClientCpu {
    private final NoopMilvusServer server;
    private long processNanos;
    private long serverNanos;
    private long searches;
    /** The server's own CPU per request over the last interval. */
    double serverMicrosPerRequest;

    ClientCpu(NoopMilvusServer server) {
      this.server = server;
      microsPerRequest();
    }

    double microsPerRequest() {
      long process = ProcessStats.cpuNanos();
      long serverCpu = server.cpuNanos();
      long answered = server.searches();
      double micros = answered == searches ? 0
          : ((process - processNanos) - (serverCpu - serverNanos)) / 1000.0 / (answered - searches);
      serverMicrosPerRequest = answered == searches ? 0 : (serverCpu - serverNanos) / 1000.0 / (answered - searches);
      processNanos = process;
      serverNanos = serverCpu;
      searches = answered;
      return micros;
    }
  }

  /** Keeps {@code inFlight} searches outstanding: each completion (on the transport thread) sends the next. */
  static Result rawAsync(NoopMilvusServer server, SearchRequest template, QueryVectors queries, int inFlight, int seconds)
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
      Futures.addCallback(ClientCalls.futureUnaryCall(channel.newCall(SearchMethod.SEARCH, CallOptions.DEFAULT), request),
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
    return new Result(count / ((window[1] - window[0]) / 1e9), latency.getIntervalHistogram().getValueAtPercentile(50));
  }

  /**
   * The action's transport without Gatling: the same channels (MilvusComponents on epoll loops as
   * Gatling makes them, 2 per core), each completion sending the next search from its own loop,
   * direct listener, the same deadline, nothing else. The ceiling of the design; Gatling / this =
   * Gatling's own cost.
   */
  static Result rawOnLoops(NoopMilvusServer server, SearchRequest template, QueryVectors queries, int inFlight, int seconds)
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
        ClientCall<SearchRequest, SearchResults> call = components.channelFor(loop).newCall(SearchMethod.SEARCH,
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
    return new Result(count / ((end - start) / 1e9), latency.getIntervalHistogram().getValueAtPercentile(50));
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
  static Result blockingPool(NoopMilvusServer server, QueryVectors unused, int threads, int seconds) throws InterruptedException {
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
    return new Result(count / (elapsed / 1e9), latency.getIntervalHistogram().getValueAtPercentile(50));
  }

  /** Runs {@link CeilingSimulation} in this JVM; returns [c=1, c=N]. */
  static Result[] gatling(NoopMilvusServer server, int users, int seconds) {
    System.setProperty("bench.uri", server.uri());
    System.setProperty("bench.users", Integer.toString(users));
    System.setProperty("bench.seconds", Integer.toString(seconds));
    int exit = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {
        "-s", CeilingSimulation.class.getName(), "-rf", "target/gatling-bench", "-nr"});
    if (exit != 0) {
      throw new IllegalStateException("Gatling exited with " + exit);
    }
    return new Result[] {result(CeilingSimulation.SINGLE), result(CeilingSimulation.MANY)};
  }

  private static Result result(LevelRecorder recorder) {
    LevelRecorder.LevelSnapshot snap = recorder.snapshot();
    double window = (snap.windowEndEpochMicros() - snap.windowStartEpochMicros()) / 1e6;
    return new Result(snap.total() / window, snap.histogramMicros().getValueAtPercentile(50));
  }
}
