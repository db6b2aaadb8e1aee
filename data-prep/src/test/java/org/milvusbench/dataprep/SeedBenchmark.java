package org.milvusbench.dataprep;

import org.milvusbench.milvus.InProcessTargets;
import org.milvusbench.milvus.MilvusEndpoint;
import org.milvusbench.milvus.MilvusTarget;
import io.milvus.v2.client.MilvusClientV2;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.data.FloatVec;
import io.milvus.v2.service.vector.response.SearchResp;
import java.util.List;
import java.util.Map;
import org.milvusbench.dataprep.source.RandomNormalSource;
import org.milvusbench.dataprep.source.Sources;

/**
 * Seeding benchmark: prepares a profile on a fresh embedded target (or {@code --uri}) and prints the
 * insert rate per batch (the rate curve), index wait, load and ground-truth times, plus a
 * ground-truth throughput figure, so the {@code seed} profile can be extrapolated.
 *
 * <pre>
 * cd data-prep &amp;&amp; mvn -B -q package -DskipTests &amp;&amp; mvn -B -q test-compile
 * java -Xmx8g -cp target/test-classes:target/data-prep-0.1.0-SNAPSHOT-standalone.jar \
 *   org.milvusbench.dataprep.SeedBenchmark default [rows] [uri|-] [batch-size]
 * # or only the brute-force throughput:  ... SeedBenchmark ground-truth
 * </pre>
 */
public final class SeedBenchmark {
  private SeedBenchmark() {}

  public static void main(String[] args) throws Exception {
    String profile = args.length > 0 ? args[0] : "smoke";
    if (profile.equals("ground-truth")) {
      groundTruthOnly(768, Runtime.getRuntime().availableProcessors());
      return;
    }
    DataPrepConfig.Builder b = DataPrepConfig.profileBuilder(profile).collection("bench_" + profile).recreate(true);
    if (args.length > 1) {
      b.rows(Long.parseLong(args[1]));
    }
    if (args.length > 3) {
      b.batchSize(Integer.parseInt(args[3]));
    }
    Path work = Files.createTempDirectory("seed-bench");
    DataPrepConfig cfg = b.queryPoolDir(work.resolve("pool")).build();
    String uri = args.length > 2 && !args[2].equals("-") ? args[2] : null;
    MilvusTarget embedded = uri == null ? InProcessTargets.start(work.resolve("target")) : null;
    MilvusClientV2 client = MilvusConnect.connect(uri != null ? MilvusEndpoint.of(uri, System.getenv("MILVUS_TOKEN"), null)
        : embedded.endpoint());
    ProgressListener listener = printingListener(cfg);
    System.out.println("profile " + profile + ": " + cfg);
    PrepSummary s = DataPrep.prepare(client, cfg, listener);
    printFigures(s, cfg);
    QueryPool pool = QueryPool.load(QueryPool.dir(cfg));
    for (QueryPool.QuerySet set : List.of(pool.uniform(), pool.dataset())) {
      System.out.printf("recall@10 at ef=64, %s queries: %.3f%n", set.kind(), recallAt10(client, cfg, set));
    }
    client.close();
    if (embedded != null) {
      embedded.close();
    }
    deleteRecursively(work);
    groundTruthOnly(cfg.dim(), cfg.threads());
  }

  /** Prints each committed batch's rate and the index build's progress every tenth. */
  private static ProgressListener printingListener(DataPrepConfig cfg) {
    long[] last = {System.nanoTime()};
    return new ProgressListener() {
      @Override
      public void batchCommitted(long firstRow, int rows, long committed) {
        long now = System.nanoTime();
        String line = String.format("  rows %,9d  batch %,6d rows in %6.1f s  %6.0f rows/s", committed, rows,
            (now - last[0]) / 1e9, rows / ((now - last[0]) / 1e9));
        System.out.println(line);
        last[0] = now;
      }

      @Override
      public void info(String message) {
        System.out.println(message);
      }

      long indexStart;
      long nextReport;

      @Override
      public void phaseStarted(Phase phase, long total, long done) {
        if (phase == Phase.INDEX) {
          indexStart = System.nanoTime();
          nextReport = total / 10;
        }
      }

      @Override
      public void progress(Phase phase, long done) {
        if (phase == Phase.INDEX && done >= nextReport && done > 0) {
          double s = (System.nanoTime() - indexStart) / 1e9;
          System.out.printf("  indexed %,9d  after %6.1f s  %6.0f rows/s%n", done, s, done / s);
          nextReport = done + Math.max(1, cfg.rows() / 10);
        }
      }
    };
  }

  private static void printFigures(PrepSummary s, DataPrepConfig cfg) {
    Runtime rt = Runtime.getRuntime();
    System.out.printf("%nrows %,d: insert %.1f s (%.0f rows/s), index wait %.1f s, load %.1f s, ground truth %.1f s,"
        + " total %.1f s, heap used %.0f MiB%n", s.rows(), s.insertSeconds(), s.insertRowsPerSecond(), s.indexSeconds(),
        s.loadSeconds(), s.groundTruthSeconds(), s.totalSeconds(), (rt.totalMemory() - rt.freeMemory()) / 1048576.0);
    double perRowQuery = s.groundTruthSeconds() / ((double) s.rows() * (cfg.uniformQueries() + cfg.datasetQueries()));
    System.out.printf("ground truth: %.2f M row·query distances/s (dim %d, %d threads)%n", 1e-6 / perRowQuery,
        cfg.dim(), cfg.threads());
    System.out.printf("extrapolated ground truth for 1,000,000 rows × %d queries: %.0f s%n",
        cfg.uniformQueries() + cfg.datasetQueries(), perRowQuery * 1e6 * (cfg.uniformQueries() + cfg.datasetQueries()));
  }

  private static void deleteRecursively(Path dir) throws java.io.IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }

  static double recallAt10(MilvusClientV2 client, DataPrepConfig cfg, QueryPool.QuerySet set) {
    int n = Math.min(100, set.size());
    double sum = 0;
    for (int q = 0; q < n; q++) {
      SearchResp r = client.search(SearchReq.builder().collectionName(cfg.collection()).annsField("embedding")
          .data(List.of(new FloatVec(set.queries()[q]))).limit(10).searchParams(Map.of("ef", 64)).build());
      long[] got = r.getSearchResults().get(0).stream().mapToLong(x -> ((Number) x.getId()).longValue()).toArray();
      sum += QueryPool.recall(set.truthIds()[q], got, 10);
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** Ground-truth throughput without a server: 1,200 queries over 20,000 rows. */
  static void groundTruthOnly(int dim, int threads) {
    RandomNormalSource source = new RandomNormalSource(dim, 42);
    float[][] queries = Sources.uniformQueries(42, 1_200, dim);
    GroundTruth.compute(source, 2_000, queries, 100, "L2", threads, d -> {}); // warm-up (JIT)
    long t0 = System.nanoTime();
    int rows = 20_000;
    GroundTruth.compute(source, rows, queries, 100, "L2", threads, d -> {});
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf("ground truth only: %,d rows × %,d queries × %d-d in %.2f s = %.2f M distances/s "
        + "→ 1,000,000 rows ≈ %.0f s%n", rows, queries.length, dim, s, rows * (double) queries.length / s / 1e6,
        s * 1_000_000 / rows);
  }
}
