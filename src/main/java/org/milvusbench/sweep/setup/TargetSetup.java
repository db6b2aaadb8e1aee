package org.milvusbench.sweep.setup;

import io.milvus.v2.client.MilvusClientV2;
import java.io.IOException;
import java.nio.file.Path;
import org.milvusbench.dataprep.DataPrep;
import org.milvusbench.dataprep.DataPrepConfig;
import org.milvusbench.dataprep.MilvusConnect;
import org.milvusbench.dataprep.PrepSummary;
import org.milvusbench.gatling.core.QueryVectors;
import org.milvusbench.milvus.AdminClient;
import org.milvusbench.milvus.EmbeddedTarget;
import org.milvusbench.milvus.MilvusEndpoint;
import org.milvusbench.milvus.MilvusTarget;
import org.milvusbench.milvus.RemoteTarget;
import org.milvusbench.rundir.RunLayout;
import org.milvusbench.sweep.SweepLog;
import org.milvusbench.sweep.config.SweepConfig;

/**
 * Gets a target ready before any load: starts the embedded one (child JVM) or checks that {@code
 * milvus.uri} answers within 5 s, seeds it through data-prep when allowed (always on the embedded
 * target, on a remote one only with {@code -Dprepare=true}), and loads the query vectors
 * ({@link SweepQueries}: with a filter, the filter's ground truth).
 */
public final class TargetSetup {
  /** Connect deadline: with JVM and Gatling start-up, an unreachable target is reported within ~10 s. */
  static final int REACH_SECONDS = 5;
  /**
   * The embedded target printed READY, so it is up: its first call only bounds liveness. Five seconds
   * failed once in CI while both JVMs were still loading their gRPC classes on a fully loaded machine.
   */
  static final int EMBEDDED_REACH_SECONDS = 60;

  private TargetSetup() {}

  /**
   * Where the load goes and with which queries.
   *
   * @param target the embedded target (stopped by {@link #close()}) or the remote one
   * @param prep what data-prep did, null when it did not run
   * @param seeded the queries' unfiltered ground truth with its scores, for recall while rows are
   *     added; null without a query pool or with a filter
   */
  public record Prepared(MilvusTarget target, String serverVersion, String collection, QueryVectors queries,
      String queriesSource, PrepSummary prep, SeededTruth seeded) implements AutoCloseable {
    @Override
    public void close() {
      target.close();
    }
  }

  /** The candidate: {@code milvus.uri}, or the embedded target when it is unset. */
  public static Prepared prepare(SweepConfig cfg, Path runDir) throws IOException {
    return prepare(cfg, cfg.uri(), cfg.token(), QUERY_POOLS, runDir);
  }

  /**
   * The A/B mode's baseline target ({@code compare.uri}), prepared as a remote {@code milvus.uri} is
   * (seeded only with {@code -Dprepare=true}). Its data-prep records (row→id ledger, query pool, ground
   * truth) live in a directory of their own, as its keys are its own; data-prep generates the same
   * query vectors from the same seed, so both targets get the same searches.
   */
  public static Prepared prepareBaseline(SweepConfig cfg, Path runDir) throws IOException {
    MilvusEndpoint endpoint = MilvusEndpoint.of(cfg.compare().uri(), null, null);
    String name = (endpoint.host() + "-" + endpoint.port()).replaceAll("[^A-Za-z0-9._-]", "_");
    return prepare(cfg, cfg.compare().uri(), cfg.compare().token(), QUERY_POOLS.resolve("compare").resolve(name), runDir);
  }

  /** data-prep's query pools (and seeding records) of the candidate target. */
  static final Path QUERY_POOLS = Path.of("data", "querypool");

  /** @param uri null: start the embedded target */
  private static Prepared prepare(SweepConfig cfg, String uri, String token, Path queryPools, Path runDir)
      throws IOException {
    MilvusTarget target = null;
    boolean embedded = uri == null;
    try {
      target = embedded ? startEmbedded(cfg, runDir.resolve(RunLayout.TARGET_LOG))
          : new RemoteTarget(MilvusEndpoint.of(uri, token, cfg.db()));
      String version;
      int dimension;
      DataPrepConfig dataCfg = dataPrepConfig(cfg, target.endpoint(), queryPools);
      String collection = cfg.collection() != null ? cfg.collection() : dataCfg.collection();
      PrepSummary prep = null;
      try (AdminClient admin = new AdminClient(target.endpoint())) {
        version = admin.checkReachable(target.embedded() ? EMBEDDED_REACH_SECONDS : REACH_SECONDS);
        // Of several injectors only injector 0 seeds; the others wait for it at a barrier.
        if ((embedded || cfg.prepare()) && cfg.injectors().ownsTarget()) {
          prep = seed(target.endpoint(), cfg, dataCfg);
        }
        dimension = admin.dimension(collection, cfg.annsField());
      }
      if (target.embedded() && prep != null && !prep.reused()) {
        // Measured on 50k rows: right after an index build the same JVM served 192 QPS at c=20, a
        // restarted one 297 (most likely HotSpot compiled the vector code build and search share with the
        // build's profile). Sweep what a running target serves; the load state survives the restart.
        SweepLog.log("restarting the embedded target after seeding, so the sweep measures a target that only searches");
        target.close();
        target = startEmbedded(cfg, runDir.resolve("target-restarted.log"));
      }
      SweepQueries loaded = SweepQueries.load(cfg, dataCfg, collection, dimension);
      QueryVectors queries = loaded.queries();
      if (queries.dimension() != dimension) {
        throw new IllegalArgumentException("search.collection: " + collection + "." + cfg.annsField() + " has dimension "
            + dimension + " but the queries have " + queries.dimension());
      }
      SweepLog.log("queries: " + loaded.source());
      return new Prepared(target, version, collection, queries, loaded.source(), prep, loaded.seeded());
    } catch (IOException | RuntimeException | Error e) {
      if (target != null) {
        target.close();
      }
      throw e;
    }
  }

  private static EmbeddedTarget startEmbedded(SweepConfig cfg, Path logFile) throws IOException {
    SweepLog.log("starting the embedded target (data " + cfg.embeddedData().toAbsolutePath() + ", heap " + cfg.embeddedHeap() + ")");
    EmbeddedTarget child = EmbeddedTarget.start(cfg.embeddedData(), cfg.embeddedHeap(), logFile);
    SweepLog.log("embedded target listening on " + child.uri() + " (pid " + child.pid() + ")");
    return child;
  }

  private static DataPrepConfig dataPrepConfig(SweepConfig cfg, MilvusEndpoint endpoint, Path queryPools) {
    DataPrepConfig.Builder b = DataPrepConfig.profileBuilder(cfg.profile()).uri(endpoint.uri()).token(endpoint.token())
        .db(endpoint.db()).queryPoolDir(queryPools);
    if (cfg.collection() != null) {
      b.collection(cfg.collection());
    }
    return b.build();
  }

  private static PrepSummary seed(MilvusEndpoint endpoint, SweepConfig cfg, DataPrepConfig dataCfg) {
    SweepLog.log("preparing collection " + dataCfg.collection() + " (profile " + cfg.profile() + ", " + dataCfg.rows() + " rows); an existing complete one is reused");
    MilvusClientV2 client = MilvusConnect.connect(endpoint);
    try {
      PrepSummary summary = DataPrep.prepare(client, dataCfg, new SweepLogProgress());
      SweepLog.log(String.format("data-prep done in %.1f s (%s, %d rows%s)", summary.totalSeconds(), summary.index(),
          summary.rows(), summary.reused() ? ", reused" : ""));
      return summary;
    } finally {
      client.close();
    }
  }
}
