package org.milvusbench.sweep;

import io.milvus.v2.client.MilvusClientV2;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.milvusbench.dataprep.DataPrep;
import org.milvusbench.dataprep.DataPrepConfig;
import org.milvusbench.dataprep.MilvusConnect;
import org.milvusbench.dataprep.PrepSummary;
import org.milvusbench.dataprep.ProgressListener;
import org.milvusbench.dataprep.QueryPool;
import org.milvusbench.gatling.QueryVectors;

/**
 * Gets a target ready before any load: starts the embedded one (child JVM) or checks that {@code
 * milvus.uri} answers within 5 s, seeds it through data-prep when allowed (always on the embedded
 * target, on a remote one only with {@code -Dprepare=true}), and loads the query vectors.
 */
public final class TargetSetup {
  /** Uniform queries generated when no query pool exists (remote target, not prepared). */
  static final int GENERATED_QUERIES = 4096;
  /** Connect deadline: with JVM and Gatling start-up, an unreachable target is reported within ~10 s. */
  static final int REACH_SECONDS = 5;

  private TargetSetup() {}

  /**
   * Where the load goes and with which queries.
   *
   * @param child the embedded target's process, null for a remote target
   * @param prep what data-prep did, null when it did not run
   */
  public record Prepared(String uri, String token, String db, boolean embedded, String serverVersion, String collection,
      QueryVectors queries, String queriesSource, ChildTarget child, PrepSummary prep) implements AutoCloseable {
    @Override
    public void close() {
      if (child != null) {
        child.close();
      }
    }
  }

  public static Prepared prepare(SweepConfig cfg, Path runDir) throws IOException {
    ChildTarget child = null;
    try {
      String uri = cfg.uri();
      if (cfg.embedded()) {
        log("starting the embedded target (data " + cfg.embeddedData().toAbsolutePath() + ", heap " + cfg.embeddedHeap() + ")");
        child = ChildTarget.start(cfg.embeddedData(), cfg.embeddedHeap(), runDir.resolve("target.log"));
        uri = child.uri();
        log("embedded target listening on " + uri + " (pid " + child.pid() + ")");
      }
      String version;
      int dimension;
      DataPrepConfig dataCfg = dataPrepConfig(cfg, uri);
      String collection = cfg.collection() != null ? cfg.collection() : dataCfg.collection();
      PrepSummary prep = null;
      try (AdminClient admin = new AdminClient(uri, cfg.token(), cfg.db())) {
        version = admin.checkReachable(REACH_SECONDS);
        if (cfg.embedded() || cfg.prepare()) {
          prep = seed(uri, cfg, dataCfg);
        }
        dimension = admin.dimension(collection, cfg.annsField());
      }
      if (child != null && prep != null && !prep.reused()) {
        // Measured on 50k rows: right after an index build the same JVM served 192 QPS at c=20, a
        // restarted one 297 (most likely HotSpot compiled the vector code build and search share with the
        // build's profile). Sweep what a running target serves; the load state survives the restart.
        log("restarting the embedded target after seeding, so the sweep measures a target that only searches");
        child.close();
        child = ChildTarget.start(cfg.embeddedData(), cfg.embeddedHeap(), runDir.resolve("target-restarted.log"));
        uri = child.uri();
        log("embedded target listening on " + uri + " (pid " + child.pid() + ")");
      }
      Path poolDir = QueryPool.dir(dataCfg);
      QueryVectors queries;
      String source;
      if (QueryPool.readInfo(poolDir).isPresent() && collection.equals(dataCfg.collection())) {
        QueryPool.QuerySet set = QueryPool.load(poolDir).get(cfg.queries());
        queries = QueryVectors.of(List.of(set.queries()), List.of(set.truthIds()));
        source = "query pool " + poolDir + " (" + cfg.queries() + ", " + set.size() + " queries with ground truth)";
      } else if (cfg.queries().equals("dataset")) {
        throw new IllegalArgumentException("search.queries: \"dataset\" needs the query pool " + poolDir
            + ", which does not exist; run with -Dprepare=true or run data-prep for this collection first");
      } else {
        queries = QueryVectors.uniform(GENERATED_QUERIES, dimension, cfg.seed());
        source = GENERATED_QUERIES + " uniform [0,1) queries from seed " + cfg.seed() + " (no ground truth: recall not measured)";
      }
      if (queries.dimension() != dimension) {
        throw new IllegalArgumentException("search.collection: " + collection + "." + cfg.annsField() + " has dimension "
            + dimension + " but the queries have " + queries.dimension());
      }
      log("queries: " + source);
      return new Prepared(uri, cfg.token(), cfg.db(), cfg.embedded(), version, collection, queries, source, child, prep);
    } catch (IOException | RuntimeException | Error e) {
      if (child != null) {
        child.close();
      }
      throw e;
    }
  }

  private static DataPrepConfig dataPrepConfig(SweepConfig cfg, String uri) {
    DataPrepConfig.Builder b = DataPrepConfig.profileBuilder(cfg.profile()).uri(uri).token(cfg.token()).db(cfg.db());
    if (cfg.collection() != null) {
      b.collection(cfg.collection());
    }
    return b.build();
  }

  private static PrepSummary seed(String uri, SweepConfig cfg, DataPrepConfig dataCfg) {
    log("preparing collection " + dataCfg.collection() + " (profile " + cfg.profile() + ", " + dataCfg.rows() + " rows); an existing complete one is reused");
    MilvusClientV2 client = MilvusConnect.connect(uri, cfg.token(), cfg.db());
    try {
      PrepSummary summary = DataPrep.prepare(client, dataCfg, new ProgressListener() {
        private final long[] totals = new long[ProgressListener.Phase.values().length];
        private final int[] lastDecile = new int[ProgressListener.Phase.values().length];

        @Override
        public void phaseStarted(Phase phase, long total, long done) {
          totals[phase.ordinal()] = total;
          lastDecile[phase.ordinal()] = -1;
          log("data-prep " + phase.name().toLowerCase() + ": " + done + "/" + total);
        }

        @Override
        public void progress(Phase phase, long done) {
          long total = totals[phase.ordinal()];
          int decile = total <= 0 ? 0 : (int) (10 * done / total);
          if (decile > lastDecile[phase.ordinal()]) {
            lastDecile[phase.ordinal()] = decile;
            log("data-prep " + phase.name().toLowerCase() + ": " + done + "/" + total);
          }
        }

        @Override
        public void info(String message) {
          log("data-prep: " + message);
        }
      });
      log(String.format("data-prep done in %.1f s (%s, %d rows%s)", summary.totalSeconds(), summary.index(),
          summary.rows(), summary.reused() ? ", reused" : ""));
      return summary;
    } finally {
      client.close();
    }
  }

  static void log(String message) {
    System.out.println("[milvus-sweep] " + message);
  }
}
