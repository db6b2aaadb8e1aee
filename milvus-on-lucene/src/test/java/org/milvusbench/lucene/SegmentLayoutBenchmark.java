package org.milvusbench.lucene;

import io.milvus.grpc.MilvusServiceGrpc;
import io.milvus.grpc.SearchRequest;
import io.milvus.shaded.io.grpc.ManagedChannel;
import io.milvus.shaded.io.grpc.ManagedChannelBuilder;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.service.collection.request.LoadCollectionReq;
import io.milvus.v2.service.utility.request.FlushReq;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.milvusbench.lucene.store.Collection;
import org.milvusbench.lucene.store.SearcherLease;
import org.milvusbench.lucene.store.VectorMetric;
import org.milvusbench.lucene.store.VectorSearch;
import org.milvusbench.process.ProcessStats;

/**
 * Which index layout searches best here (not a test): the same rows bulk-built by CreateIndex into
 * 1, 2, 4 ... segments (one embedded target per layout, all running in this JVM), then searched
 * (ef=64, top 10, the reference's uniform queries) at concurrency 1, 2 and 8 over gRPC and
 * in-process. One-second slices of every layout and path alternate, so load from elsewhere on the
 * machine biases no layout. Prints each layout's build time and CPU, QPS, p50 and CPU per query.
 *
 * <pre>
 * mvn -q install -DskipTests -pl common &amp;&amp; mvn -f milvus-on-lucene -q test-compile \
 *     dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx6g -cp milvus-on-lucene/target/test-classes:milvus-on-lucene/target/classes:$(cat milvus-on-lucene/target/cp.txt) \
 *     org.milvusbench.lucene.SegmentLayoutBenchmark
 * </pre>
 * Properties: bench.rows (50000), bench.layouts (segments per layout, 1,2,4), bench.seconds (slices
 * per path, layout and concurrency; 5), bench.efs (the equal-recall table's ef values, 32,64,128,256),
 * bench.paths (true: also gRPC against in-process at ef=64).
 */
public final class SegmentLayoutBenchmark {
  private static final int DIM = 768;
  private static final int TOP_K = 10;
  private static final int EF = 64;

  private SegmentLayoutBenchmark() {}

  /** One target whose CreateIndex builds {@code segments} segments. */
  private record Layout(int segments, Path dir, String name, TargetServer server, ManagedChannel channel,
      MilvusServiceGrpc.MilvusServiceBlockingStub stub, Collection collection,
      BenchLoop.Searcher inProcess, double buildSeconds, double buildCpuSeconds) {

    /** gRPC searches of {@code queries} with {@code ef}. */
    BenchLoop.Searcher grpc(float[][] queries, int ef) {
      List<SearchRequest> requests = new ArrayList<>();
      for (float[] q : queries) {
        requests.add(BenchClient.search(name, q, TOP_K, ef));
      }
      return i -> BenchClient.ids(stub.search(requests.get(i)));
    }
  }

  public static void main(String[] args) throws Exception {
    int rows = Integer.getInteger("bench.rows", 50_000);
    int seconds = Integer.getInteger("bench.seconds", 5);
    int cores = Runtime.getRuntime().availableProcessors();
    float[][] data = TestData.normal(rows, DIM, 1);
    float[][] queries = TestData.uniform(1_000, DIM, 2);
    System.out.printf(Locale.ROOT, "segment layouts: %d rows x %d-d, %d cores, JDK %s, ef=%d top %d%n", rows, DIM,
        cores, Runtime.version(), EF, TOP_K);
    List<Layout> layouts = new ArrayList<>();
    try {
      for (String s : System.getProperty("bench.layouts", "1,2,4").split(",")) {
        layouts.add(build(Integer.parseInt(s.trim()), cores, data, queries));
      }
      System.out.println("\n segments  build s  build CPU s  actual segments");
      for (Layout l : layouts) {
        try (SearcherLease lease = l.collection().acquire()) {
          System.out.printf(Locale.ROOT, "%9d %8.1f %12.1f %16d%n", l.segments(), l.buildSeconds(), l.buildCpuSeconds(),
              lease.reader().leaves().size());
        }
      }
      List<BenchLoop.Path> paths = new ArrayList<>();
      for (Layout l : layouts) { // JIT warm-up of both paths on every layout
        BenchLoop.Searcher grpc = l.grpc(queries, EF);
        paths.add((c, s) -> BenchLoop.run(grpc, c, s, queries.length));
        paths.add((c, s) -> BenchLoop.run(l.inProcess(), c, s, queries.length));
      }
      BenchLoop.warmUp(paths, 180);
      if (Boolean.parseBoolean(System.getProperty("bench.paths", "true"))) {
        comparePaths(layouts, queries, seconds);
      }
      equalRecall(layouts, data, queries, seconds);
    } finally {
      for (Layout l : layouts) {
        l.channel().shutdownNow();
        l.server().close();
        TargetBenchmark.deleteTree(l.dir());
      }
    }
  }

  /** gRPC against in-process search at ef=64, c = 1, 2, 8, per layout. */
  private static void comparePaths(List<Layout> layouts, float[][] queries, int seconds) throws Exception {
    List<BenchLoop.Searcher> grpc = layouts.stream().map(l -> l.grpc(queries, EF)).toList();
    System.out.println("\n conc  segments  gRPC QPS  p50 µs  CPU µs/q | in-proc QPS  p50 µs  CPU µs/q | gRPC/in-proc");
    for (int concurrency : new int[] {1, 2, 8}) {
      BenchLoop.Stats[][] stats = new BenchLoop.Stats[layouts.size()][2];
      for (BenchLoop.Stats[] pair : stats) {
        pair[0] = new BenchLoop.Stats();
        pair[1] = new BenchLoop.Stats();
      }
      for (int slice = 0; slice < seconds; slice++) {
        for (int i = 0; i < layouts.size(); i++) {
          stats[i][0].add(BenchLoop.run(grpc.get(i), concurrency, 1, queries.length));
          stats[i][1].add(BenchLoop.run(layouts.get(i).inProcess(), concurrency, 1, queries.length));
        }
      }
      for (int i = 0; i < layouts.size(); i++) {
        BenchLoop.Stats g = stats[i][0];
        BenchLoop.Stats p = stats[i][1];
        System.out.printf(Locale.ROOT, "%5d %9d %9.0f %7d %9.0f | %11.0f %7d %9.0f | %.2f%n", concurrency,
            layouts.get(i).segments(), g.qps(), g.hist.getValueAtPercentile(50), g.cpuMicrosPerQuery(), p.qps(),
            p.hist.getValueAtPercentile(50), p.cpuMicrosPerQuery(), g.qps() / p.qps());
      }
    }
  }

  /**
   * Fewer segments gather fewer candidates at one ef (each segment is searched with it, as Milvus
   * searches each segment), so layouts are compared at equal recall: recall@10 and c=8 gRPC QPS of
   * every layout at every ef of {@code bench.efs}, slices alternated as above.
   */
  private static void equalRecall(List<Layout> layouts, float[][] data, float[][] queries, int seconds)
      throws Exception {
    int[] efs = java.util.Arrays.stream(System.getProperty("bench.efs", "32,64,128,256").split(","))
        .mapToInt(e -> Integer.parseInt(e.trim())).toArray();
    float[][] uniform = TestData.uniform(100, DIM, 3);
    float[][] near = TestData.near(data, 100, 4);
    long[][] uniformTruth = BenchClient.truth(data, uniform, TOP_K);
    long[][] nearTruth = BenchClient.truth(data, near, TOP_K);
    BenchLoop.Stats[][] stats = new BenchLoop.Stats[layouts.size()][efs.length];
    BenchLoop.Searcher[][] searchers = new BenchLoop.Searcher[layouts.size()][efs.length];
    for (int l = 0; l < layouts.size(); l++) {
      for (int e = 0; e < efs.length; e++) {
        stats[l][e] = new BenchLoop.Stats();
        searchers[l][e] = layouts.get(l).grpc(queries, efs[e]);
      }
    }
    for (int slice = 0; slice < seconds; slice++) {
      for (int l = 0; l < layouts.size(); l++) {
        for (int e = 0; e < efs.length; e++) {
          stats[l][e].add(BenchLoop.run(searchers[l][e], 8, 1, queries.length));
        }
      }
    }
    System.out.println("\n segments    ef  recall@10 uniform  near | c=8 gRPC QPS  p50 µs  CPU µs/q");
    for (int l = 0; l < layouts.size(); l++) {
      Layout layout = layouts.get(l);
      for (int e = 0; e < efs.length; e++) {
        BenchLoop.Stats g = stats[l][e];
        System.out.printf(Locale.ROOT, "%9d %5d %18.3f %5.3f | %12.0f %7d %9.0f%n", layout.segments(), efs[e],
            BenchClient.recall(layout.stub(), layout.name(), uniform, uniformTruth, efs[e]),
            BenchClient.recall(layout.stub(), layout.name(), near, nearTruth, efs[e]), g.qps(),
            g.hist.getValueAtPercentile(50), g.cpuMicrosPerQuery());
      }
    }
  }

  /** A target whose build makes {@code segments} segments: min(segments, cores) threads, the rest per thread. */
  private static Layout build(int segments, int cores, float[][] data, float[][] queries) throws Exception {
    int threads = Math.min(segments, cores);
    if (segments % threads != 0) {
      throw new IllegalArgumentException("bench.layouts: " + segments + " segments do not divide among " + threads
          + " build threads");
    }
    Path dir = Files.createTempDirectory("layout-" + segments);
    TargetServer server = TargetServer.start(TargetConfig.builder().port(0).dataDir(dir).buildThreads(threads)
        .segmentsPerBuildThread(segments / threads).build());
    ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext()
        .maxInboundMessageSize(256 * 1024 * 1024).build();
    MilvusServiceGrpc.MilvusServiceBlockingStub stub = MilvusServiceGrpc.newBlockingStub(channel);
    MilvusClientV2 client = TargetFixture.connect(server, null);
    String name = "layout_" + segments;
    TargetFixture.createReferenceCollection(client, name, DIM);
    BenchClient.insertAll(stub, name, data);
    client.flush(FlushReq.builder().collectionNames(List.of(name)).build());
    long start = System.nanoTime();
    long cpu = ProcessStats.cpuNanos();
    TargetFixture.createReferenceIndexAsync(client, name);
    TargetBenchmark.waitForIndex(client, name);
    double buildSeconds = (System.nanoTime() - start) / 1e9;
    double buildCpu = (ProcessStats.cpuNanos() - cpu) / 1e9;
    client.loadCollection(LoadCollectionReq.builder().collectionName(name).build());
    client.close();
    System.out.printf(Locale.ROOT, "built %d segment(s) in %.1f s%n", segments, buildSeconds);
    Collection collection = server.store().get(name);
    BenchLoop.Searcher inProcess = i -> {
      try (SearcherLease lease = collection.acquire()) {
        VectorSearch.graph(lease.searcher(), TargetFixture.VECTOR, queries[i], TOP_K, EF, null, VectorMetric.L2);
      }
    };
    return new Layout(segments, dir, name, server, channel, stub, collection, inProcess, buildSeconds, buildCpu);
  }
}
