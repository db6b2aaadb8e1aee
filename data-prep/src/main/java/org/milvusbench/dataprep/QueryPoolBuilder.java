package org.milvusbench.dataprep;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.milvusbench.dataprep.ProgressListener.Phase;
import org.milvusbench.dataprep.QueryPool.Fingerprint;
import org.milvusbench.dataprep.QueryPool.Info;
import org.milvusbench.dataprep.QueryPool.QuerySet;
import org.milvusbench.dataprep.source.Sources;
import org.milvusbench.dataprep.source.VectorSource;

/** Writes the query pool for a seeded collection, unless a pool with the same fingerprint is there. */
final class QueryPoolBuilder {
  private QueryPoolBuilder() {}

  /** Returns true when the existing pool was reused, false when it was (re)computed. */
  static boolean ensure(DataPrepConfig cfg, VectorSource source, String data, float[][] dataset, SeedLedger ledger,
      long collectionId, ProgressListener listener) {
    long[] ids = ledger.allIds();
    Fingerprint fp = new Fingerprint(cfg.collection(), cfg.db(), collectionId, ids.length, data,
        cfg.seed(), cfg.metric(), ids[0], ids[ids.length - 1]);
    Optional<Info> existing = QueryPool.readInfo(cfg.collectionDir());
    if (existing.isPresent() && existing.get().fingerprint().equals(fp) && existing.get().dim() == cfg.dim()
        && existing.get().k() == cfg.k() && existing.get().uniformQueries() == cfg.uniformQueries()
        && existing.get().datasetQueries() == cfg.datasetQueries()) {
      return true;
    }
    long t0 = System.nanoTime();
    float[][] uniform = Sources.uniformQueries(cfg.seed(), cfg.uniformQueries(), cfg.dim());
    float[][] all = new float[uniform.length + dataset.length][];
    System.arraycopy(uniform, 0, all, 0, uniform.length);
    System.arraycopy(dataset, 0, all, uniform.length, dataset.length);
    listener.phaseStarted(Phase.GROUND_TRUTH, ids.length, 0);
    GroundTruth.Result truth = GroundTruth.compute(source, ids.length, all, cfg.k(), cfg.metric(), cfg.threads(),
        done -> listener.progress(Phase.GROUND_TRUTH, done));
    listener.phaseFinished(Phase.GROUND_TRUTH);
    if (dataset.length > 0) {
      long[][] datasetRows = Arrays.copyOfRange(truth.rows(), uniform.length, all.length);
      source.neighborsAgreement(datasetRows, ids.length, cfg.k()).ifPresent(a -> listener.info(
          String.format("ground truth agrees with the dataset's published neighbours on %.2f%% of top-%d ids%s", 100 * a, cfg.k(),
              a < 0.99 ? " — is --metric right for this file? (-angular files need COSINE)" : "")));
    }
    long[][] truthIds = new long[all.length][];
    for (int q = 0; q < all.length; q++) {
      long[] rows = truth.rows()[q];
      truthIds[q] = new long[rows.length];
      for (int i = 0; i < rows.length; i++) {
        truthIds[q][i] = ids[(int) rows[i]];
      }
    }
    int u = uniform.length;
    QuerySet uniformSet = new QuerySet(QueryPool.UNIFORM, uniform, Arrays.copyOfRange(truthIds, 0, u),
        Arrays.copyOfRange(truth.scores(), 0, u));
    QuerySet datasetSet = new QuerySet(QueryPool.DATASET, dataset, Arrays.copyOfRange(truthIds, u, all.length),
        Arrays.copyOfRange(truth.scores(), u, all.length));
    Info info = new Info(QueryPool.VERSION, cfg.dim(), cfg.k(), cfg.metric(), uniform.length, dataset.length, fp,
        DataPrep.seconds(t0), Instant.now().toString());
    QueryPool.write(cfg.collectionDir(), info, uniformSet, datasetSet);
    return false;
  }
}
