package org.milvusbench.lucene;

import io.milvus.grpc.MilvusServiceGrpc;
import io.milvus.grpc.SearchRequest;
import io.milvus.shaded.io.grpc.ManagedChannel;
import io.milvus.shaded.io.grpc.ManagedChannelBuilder;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.service.collection.request.LoadCollectionReq;
import io.milvus.v2.service.index.request.DescribeIndexReq;
import io.milvus.v2.service.index.response.DescribeIndexResp;
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
 * Prints the target's figures for 768-d vectors on this machine (not a test):
 * <ol>
 *   <li>insert + index rate as a curve: HNSW index (M=16, efConstruction=200, L2) created on the empty
 *       collection, rows inserted over gRPC in batches of 1,000, cumulative and interval vectors/s at
 *       each checkpoint; then the data-prep path: insert everything raw, CreateIndex, wait;</li>
 *   <li>search QPS, p50 / p99 µs and process CPU per query (ef=64, top 10, uniform queries as in the
 *       reference) at concurrency 1, 2, 8 on the same index over gRPC (blocking stub; async on the
 *       event loop) and in-process, once the JIT has settled, and the gRPC / in-process ratios;</li>
 *   <li>recall@10 at ef=64: normal data with uniform and near-data queries, clustered data.</li>
 * </ol>
 * Run: {@code mvn -f milvus-on-lucene -q test-compile exec:exec -Dbench.rows=50000}
 * (quick check: {@code -Dbench.rows=5000 -Dbench.seconds=3}). Properties: bench.rows, bench.step,
 * bench.seconds (per concurrency level), bench.maxSegmentRows, bench.segmentsPerThread, bench.curve (true),
 * bench.bulk (true; the bulk-built collection is the one searched), bench.clusteredRows, bench.dataDir and
 * bench.collection (search a collection a target's data directory already holds instead), bench.threadCpu
 * (false; true prints each slice's CPU by thread group, JIT and kernel share).
 */
public final class TargetBenchmark {
  private static final int DIM = 768;
  private static final int TOP_K = 10;
  private static final int EF = 64;

  private TargetBenchmark() {}

  public static void main(String[] args) throws Exception {
    String existing = System.getProperty("bench.dataDir");
    if (existing != null) {
      searchExisting(Path.of(existing), System.getProperty("bench.collection", "benchmark_concurrent"),
          Integer.getInteger("bench.seconds", 5));
      return;
    }
    int rows = Integer.getInteger("bench.rows", 5_000);
    int step = Integer.getInteger("bench.step", Math.max(1_000, rows / 5 / 1_000 * 1_000));
    int seconds = Integer.getInteger("bench.seconds", 5);
    int maxSegmentRows = Integer.getInteger("bench.maxSegmentRows", TargetConfig.DEFAULT_MAX_SEGMENT_ROWS);
    boolean bulk = Boolean.parseBoolean(System.getProperty("bench.bulk", "true"));
    boolean curve = Boolean.parseBoolean(System.getProperty("bench.curve", "true"));
    int segmentsPerThread = Integer.getInteger("bench.segmentsPerThread", TargetConfig.DEFAULT_SEGMENTS_PER_BUILD_THREAD);
    int clusteredRows = Math.min(rows, Integer.getInteger("bench.clusteredRows", 20_000));
    Path dir = Files.createTempDirectory("target-bench");
    System.out.printf(Locale.ROOT, "milvus-on-lucene benchmark: %d rows x %d-d, %d cores, JDK %s, maxSegmentRows=%d,"
        + " segmentsPerBuildThread=%d%n", rows, DIM, Runtime.getRuntime().availableProcessors(), Runtime.version(),
        maxSegmentRows, segmentsPerThread);
    try (TargetServer server = TargetServer.start(TargetConfig.builder().port(0).dataDir(dir)
        .maxSegmentRows(maxSegmentRows).segmentsPerBuildThread(segmentsPerThread).build())) {
      ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext()
          .maxInboundMessageSize(256 * 1024 * 1024).build();
      MilvusServiceGrpc.MilvusServiceBlockingStub stub = MilvusServiceGrpc.newBlockingStub(channel);
      MilvusClientV2 client = TargetFixture.connect(server, null);
      try {
        float[][] normal = TestData.normal(rows, DIM, 1);
        if (curve) {
          buildCurve(client, stub, server, "bench_normal", normal, step);
        }
        // The collection searched below: the bulk-built one when built (the data-prep path), else the curve's.
        String searched = bulk ? "bench_bulk" : "bench_normal";
        if (bulk) {
          bulkBuild(client, stub, server, "bench_bulk", normal);
        }
        client.loadCollection(LoadCollectionReq.builder().collectionName(searched).build());
        searchThroughput(server, stub, server.store().get(searched), TestData.uniform(1_000, DIM, 2), seconds);
        System.out.println("\nrecall@10 at ef=64 (vs brute force)");
        recall(stub, "normal, uniform [0,1) queries (reference)", searched, normal, TestData.uniform(50, DIM, 3));
        recall(stub, "normal, near-data queries", searched, normal, TestData.near(normal, 50, 4));
        float[][] clustered = TestData.clustered(clusteredRows, DIM, 50, 5);
        TargetFixture.createReferenceCollection(client, "bench_clustered", DIM);
        BenchClient.insertAll(stub, "bench_clustered", clustered);
        TargetFixture.createReferenceIndexAsync(client, "bench_clustered");
        waitForIndex(client, "bench_clustered");
        client.loadCollection(LoadCollectionReq.builder().collectionName("bench_clustered").build());
        recall(stub, "clustered (" + clusteredRows + " rows), near-data queries", "bench_clustered", clustered,
            TestData.near(clustered, 50, 6));
      } finally {
        client.close();
        channel.shutdownNow();
      }
    } finally {
      deleteTree(dir);
    }
  }

  /**
   * Only the search table, on a collection a target already holds (e.g. the 1M rows of
   * {@code -Dprofile=seed}); nothing is built, written or deleted.
   */
  private static void searchExisting(Path dataDir, String collection, int seconds) throws Exception {
    try (TargetServer server = TargetServer.start(TargetConfig.builder().port(0).dataDir(dataDir).build())) {
      ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
      try {
        Collection c = server.store().get(collection);
        try (SearcherLease lease = c.acquire()) {
          System.out.printf(Locale.ROOT, "milvus-on-lucene benchmark: collection %s in %s, %d rows in %d segments,"
              + " %d cores, JDK %s%n", collection, dataDir, lease.reader().numDocs(), lease.reader().leaves().size(),
              Runtime.getRuntime().availableProcessors(), Runtime.version());
        }
        searchThroughput(server, MilvusServiceGrpc.newBlockingStub(channel), c, TestData.uniform(1_000, DIM, 2), seconds);
      } finally {
        channel.shutdownNow();
      }
    }
  }

  static void deleteTree(Path dir) throws java.io.IOException {
    try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Index first, then insert: every batch goes straight into the HNSW graphs (both cores). */
  private static void buildCurve(MilvusClientV2 client, MilvusServiceGrpc.MilvusServiceBlockingStub stub,
      TargetServer server, String name, float[][] data, int step) throws Exception {
    TargetFixture.createReferenceCollection(client, name, DIM);
    TargetFixture.createReferenceIndex(client, name);
    System.out.println("\ninsert + index (index created first; gRPC inserts of 1,000 rows)");
    System.out.println("     rows   seconds  cumulative vec/s  interval vec/s");
    long start = System.nanoTime();
    long intervalStart = start;
    int intervalFrom = 0;
    for (int from = 0; from < data.length; from += 1_000) {
      int to = Math.min(data.length, from + 1_000);
      BenchClient.insertOrFail(stub, BenchClient.insert(name, data, from, to));
      if (to % step == 0 || to == data.length) {
        if (to == data.length) {
          client.flush(FlushReq.builder().collectionNames(List.of(name)).build());
        }
        long now = System.nanoTime();
        double total = (now - start) / 1e9;
        double interval = (now - intervalStart) / 1e9;
        System.out.printf(Locale.ROOT, "%9d %9.1f %17.0f %15.0f%n", to, total, to / total,
            (to - intervalFrom) / interval);
        intervalStart = now;
        intervalFrom = to;
      }
    }
    try (SearcherLease lease = server.store().get(name).acquire()) {
      System.out.printf(Locale.ROOT, "segments: %d%n", lease.reader().leaves().size());
    }
  }

  /** The data-prep path: raw inserts, then CreateIndex builds the graphs from the stored rows. */
  private static void bulkBuild(MilvusClientV2 client, MilvusServiceGrpc.MilvusServiceBlockingStub stub,
      TargetServer server, String name, float[][] data) throws Exception {
    TargetFixture.createReferenceCollection(client, name, DIM);
    long start = System.nanoTime();
    BenchClient.insertAll(stub, name, data);
    client.flush(FlushReq.builder().collectionNames(List.of(name)).build());
    long inserted = System.nanoTime();
    long cpuBefore = ProcessStats.cpuNanos();
    TargetFixture.createReferenceIndexAsync(client, name);
    waitForIndex(client, name);
    long built = System.nanoTime();
    double cpuSeconds = (ProcessStats.cpuNanos() - cpuBefore) / 1e9;
    System.out.printf(Locale.ROOT, "%ninsert raw then CreateIndex: insert %.1f s, index build %.1f s (%.0f vec/s), total %.0f vec/s%n",
        (inserted - start) / 1e9, (built - inserted) / 1e9, data.length / ((built - inserted) / 1e9),
        data.length / ((built - start) / 1e9));
    // Wall-clock rates depend on whatever else runs on the machine; CPU time does much less.
    System.out.printf(Locale.ROOT, "index build CPU: %.1f s = %.0f vec per CPU-second (x %d cores = %.0f vec/s if the cores were idle)%n",
        cpuSeconds, data.length / cpuSeconds, Runtime.getRuntime().availableProcessors(),
        data.length / cpuSeconds * Runtime.getRuntime().availableProcessors());
    try (SearcherLease lease = server.store().get(name).acquire()) {
      System.out.printf(Locale.ROOT, "segments: %d%n", lease.reader().leaves().size());
    }
  }

  static void waitForIndex(MilvusClientV2 client, String name) throws InterruptedException {
    while (true) {
      DescribeIndexResp d = client.describeIndex(DescribeIndexReq.builder().collectionName(name)
          .fieldName(TargetFixture.VECTOR).build());
      String state = d.getIndexDescriptions().get(0).getIndexState().name();
      if (state.equals("Finished")) {
        return;
      }
      if (state.equals("Failed")) {
        throw new IllegalStateException("index build failed: " + d.getIndexDescriptions().get(0).getIndexFailedReason());
      }
      Thread.sleep(200);
    }
  }

  /**
   * Three paths on the same index, one-second slices alternating so that load from elsewhere on the
   * machine (it is shared) biases none: gRPC through a blocking stub (one client thread per search),
   * gRPC asynchronously with the callbacks on the channel's event loop (as the Gatling action calls),
   * and Lucene in-process.
   */
  private static void searchThroughput(TargetServer server, MilvusServiceGrpc.MilvusServiceBlockingStub stub,
      Collection collection, float[][] queries, int seconds) throws Exception {
    List<SearchRequest> requests = new ArrayList<>();
    for (float[] q : queries) {
      requests.add(BenchClient.search(collection.name(), q, TOP_K, EF));
    }
    ManagedChannel loopChannel = ManagedChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext()
        .directExecutor().build();
    try {
      MilvusServiceGrpc.MilvusServiceStub async = MilvusServiceGrpc.newStub(loopChannel);
      BenchLoop.Searcher blocking = i -> BenchClient.ids(stub.search(requests.get(i)));
      BenchLoop.AsyncSearcher onLoop = (i, done) -> async.search(requests.get(i), BenchClient.observer(done));
      BenchLoop.Searcher inProcess = i -> {
        try (SearcherLease lease = collection.acquire()) {
          VectorSearch.graph(lease.searcher(), TargetFixture.VECTOR, queries[i], TOP_K, EF, null, VectorMetric.L2);
        }
      };
      List<BenchLoop.Path> paths = List.of(
          (c, s) -> BenchLoop.run(blocking, c, s, queries.length),
          (c, s) -> BenchLoop.run(onLoop, c, s, queries.length),
          (c, s) -> BenchLoop.run(inProcess, c, s, queries.length));
      System.out.printf(Locale.ROOT, "%nsearch ef=%d top %d, uniform queries, %d s per level;"
          + " QPS, p50 / p99 µs, process CPU µs per query%n", EF, TOP_K, seconds);
      BenchLoop.warmUp(paths, 120);
      System.out.println("  conc | gRPC blocking stub           | gRPC async, on the event loop | in-process"
          + "                   | blocking/in-proc  async/in-proc");
      for (int concurrency : new int[] {1, 2, 8}) {
        List<BenchLoop.Stats> stats = new ArrayList<>();
        for (BenchLoop.Path path : paths) {
          path.run(concurrency, 1); // the first slice of each is a warm-up at this concurrency
          stats.add(new BenchLoop.Stats());
        }
        for (int slice = 0; slice < seconds; slice++) {
          for (int p = 0; p < paths.size(); p++) {
            stats.get(p).add(paths.get(p).run(concurrency, 1));
          }
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%6d", concurrency));
        for (BenchLoop.Stats st : stats) {
          line.append(String.format(Locale.ROOT, " | %5.0f %6d %6d %7.0f", st.qps(), st.hist.getValueAtPercentile(50),
              st.hist.getValueAtPercentile(99), st.cpuMicrosPerQuery()));
        }
        double inProcessQps = stats.get(2).qps();
        System.out.println(line.append(String.format(Locale.ROOT, " | %16.2f %14.2f", stats.get(0).qps() / inProcessQps,
            stats.get(1).qps() / inProcessQps)));
      }
    } finally {
      loopChannel.shutdownNow();
    }
  }

  private static void recall(MilvusServiceGrpc.MilvusServiceBlockingStub stub, String label, String collection,
      float[][] data, float[][] queries) {
    double recall = BenchClient.recall(stub, collection, queries, BenchClient.truth(data, queries, TOP_K), EF);
    System.out.printf(Locale.ROOT, "  %-50s %.3f%n", label, recall);
  }

}
