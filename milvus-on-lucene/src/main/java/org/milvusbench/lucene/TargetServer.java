package org.milvusbench.lucene;

import io.milvus.shaded.io.grpc.Server;
import io.milvus.shaded.io.grpc.ServerInterceptor;
import io.milvus.shaded.io.grpc.ServerInterceptors;
import io.milvus.shaded.io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.milvus.shaded.io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.milvusbench.lucene.metrics.MetricsEndpoint;
import org.milvusbench.lucene.metrics.MilvusMetrics;
import org.milvusbench.lucene.metrics.ServiceTimes;
import org.milvusbench.lucene.rpc.CallInterceptor;
import org.milvusbench.lucene.rpc.DatabaseHeader;
import org.milvusbench.lucene.rpc.MilvusServiceImpl;
import org.milvusbench.lucene.rpc.RpcMetrics;
import org.milvusbench.lucene.rpc.UnparsableRequests;
import org.milvusbench.lucene.store.CollectionStore;
import org.milvusbench.lucene.store.StoreSettings;

/**
 * The embedded Milvus-compatible server: gRPC (milvus-sdk-java's shaded Netty) in front of Lucene.
 * <pre>
 * try (TargetServer server = TargetServer.start(TargetConfig.builder().port(0).dataDir(dir).build())) {
 *   String uri = "http://127.0.0.1:" + server.port();
 * }
 * </pre>
 * {@link #close()} stops accepting calls, lets running ones finish, then commits and closes every collection.
 */
public final class TargetServer implements AutoCloseable {
  private final Server server;
  private final CollectionStore store;
  private final ExecutorService searchExecutor;
  private final ExecutorService buildExecutor;
  private final ServiceTimes serviceTimes;
  private final MetricsEndpoint metrics;

  private TargetServer(Server server, CollectionStore store, ExecutorService searchExecutor,
      ExecutorService buildExecutor, ServiceTimes serviceTimes, MetricsEndpoint metrics) {
    this.server = server;
    this.metrics = metrics;
    this.store = store;
    this.searchExecutor = searchExecutor;
    this.buildExecutor = buildExecutor;
    this.serviceTimes = serviceTimes;
  }

  public static TargetServer start(TargetConfig cfg) throws IOException {
    int cores = Runtime.getRuntime().availableProcessors();
    ExecutorService searchExecutor = Executors.newFixedThreadPool(cores, CollectionStore.daemon("lucene-search"));
    ExecutorService buildExecutor = Executors.newFixedThreadPool(cfg.buildThreads(), CollectionStore.daemon("hnsw-build"));
    long heapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
    // Big enough that a graph build never flushes early (each flush seals a segment), bounded by the heap.
    double ramBufferMb = Math.max(64, Math.min(2048, heapMb / 3));
    StoreSettings settings = new StoreSettings(ramBufferMb, cfg.maxSegmentRows(), cfg.buildThreads(),
        cfg.segmentsPerBuildThread(), Math.min(2, cores),
        buildExecutor, buildExecutor, searchExecutor);
    CollectionStore store = null;
    MetricsEndpoint metrics = null;
    try {
      store = new CollectionStore(cfg.dataDir(), settings);
      MilvusMetrics milvusMetrics = new MilvusMetrics();
      ServiceTimes serviceTimes = new ServiceTimes(milvusMetrics::queryNodeSearch);
      MilvusServiceImpl service = new MilvusServiceImpl(store, serviceTimes, cfg.serviceDelayMillis());
      metrics = cfg.metricsPort() == TargetConfig.METRICS_OFF ? null : MetricsEndpoint.start(milvusMetrics, cfg.metricsPort());
      NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(cfg.bindAddress(), cfg.port()));
      if (cfg.tlsCert() != null) {
        // The shaded Netty's TLS (what milvus-sdk-java's own channels use), ALPN h2 as gRPC needs.
        builder.sslContext(GrpcSslContexts.forServer(cfg.tlsCert().toFile(), cfg.tlsKey().toFile()).build());
      }
      Server server = builder
          .maxInboundMessageSize(CallInterceptor.transportLimit(cfg.maxMessageBytes()))
          // Milvus clients ping every few seconds, also when idle; gRPC's default policy (5 min) answers
          // that with GOAWAY "too_many_pings", dropping connections mid-sweep. Milvus permits 5 s.
          .permitKeepAliveTime(1, TimeUnit.SECONDS)
          .permitKeepAliveWithoutCalls(true)
          .addService(ServerInterceptors.intercept(UnparsableRequests.guard(service.bindService()),
              interceptors(cfg, metrics == null ? null : milvusMetrics)))
          .build()
          .start();
      return new TargetServer(server, store, searchExecutor, buildExecutor, serviceTimes, metrics);
    } catch (IOException | RuntimeException e) {
      if (metrics != null) {
        metrics.close();
      }
      if (store != null) {
        store.close();
      }
      searchExecutor.shutdownNow();
      buildExecutor.shutdownNow();
      throw e;
    }
  }

  /** Innermost first; with metrics the last (outermost) one sees every call, refused ones too. */
  private static ServerInterceptor[] interceptors(TargetConfig cfg, MilvusMetrics metrics) {
    ServerInterceptor auth = new CallInterceptor(cfg.token(), cfg.maxMessageBytes());
    return metrics == null ? new ServerInterceptor[] {auth, new DatabaseHeader()}
        : new ServerInterceptor[] {auth, new DatabaseHeader(), new RpcMetrics(metrics)};
  }

  /** The metrics endpoint's port; {@link TargetConfig#METRICS_OFF} when there is none. */
  public int metricsPort() {
    return metrics == null ? TargetConfig.METRICS_OFF : metrics.port();
  }

  /** The port actually bound (useful with port 0). */
  public int port() {
    return server.getPort();
  }

  /** The address actually listened on (127.0.0.1 unless configured otherwise). */
  public InetSocketAddress listenAddress() {
    return (InetSocketAddress) server.getListenSockets().get(0);
  }


  /** The collections, for in-process use (benchmarks compare against direct Lucene search). */
  public CollectionStore store() {
    return store;
  }

  @Override
  public void close() throws IOException {
    if (metrics != null) {
      metrics.close();
    }
    server.shutdown();
    try {
      if (!server.awaitTermination(10, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
    try {
      store.close();
    } finally {
      buildExecutor.shutdownNow();
      searchExecutor.shutdownNow();
    }
  }
}
