package org.milvusbench.sweep.setup;

import java.nio.file.Path;
import java.util.List;
import org.milvusbench.dataprep.DataPrepConfig;
import org.milvusbench.dataprep.FilteredGroundTruth;
import org.milvusbench.dataprep.QueryPool;
import org.milvusbench.gatling.core.QueryVectors;
import org.milvusbench.sweep.config.SweepConfig;

/**
 * The queries a sweep sends, with ground truth only when it is the right answer to the configured
 * search: the pool's for an unfiltered search, the filter's own (computed by data-prep over the
 * generated rows) for a filtered one, none when the filter cannot be evaluated client-side.
 *
 * @param queries the vectors, with or without ground truth
 * @param source where they come from and which ground truth they carry, for the log
 */
record SweepQueries(QueryVectors queries, String source, SeededTruth seeded) {
  SweepQueries(QueryVectors queries, String source) {
    this(queries, source, null);
  }

  /** Uniform queries generated when no query pool exists (remote target, not prepared). */
  static final int GENERATED_QUERIES = 4096;

  static SweepQueries load(SweepConfig cfg, DataPrepConfig dataCfg, String collection, int dimension) {
    Path poolDir = QueryPool.dir(dataCfg);
    if (QueryPool.readInfo(poolDir).isPresent() && collection.equals(dataCfg.collection())) {
      QueryPool.QuerySet set = QueryPool.load(poolDir).get(cfg.queries());
      List<float[]> vectors = List.of(set.queries());
      String pool = "query pool " + poolDir + " (" + cfg.queries() + ", " + set.size() + " queries";
      if (cfg.filter() == null) {
        return new SweepQueries(QueryVectors.of(vectors, List.of(set.truthIds())), pool + " with ground truth)",
            new SeededTruth(set.queries(), set.truthIds(), set.truthScores()));
      }
      FilteredGroundTruth.Outcome truth = FilteredGroundTruth.ensure(dataCfg, cfg.queries(), cfg.filter(),
          new SweepLogProgress());
      return truth.available()
          ? new SweepQueries(QueryVectors.of(vectors, List.of(truth.truthIds())), pool + " with the filter's ground truth: "
              + truth.note() + ")")
          : new SweepQueries(QueryVectors.of(vectors), pool + "; recall not measured: " + truth.note() + ")");
    }
    if (cfg.queries().equals("dataset")) {
      throw new IllegalArgumentException("search.queries: \"dataset\" needs the query pool " + poolDir
          + ", which does not exist; run with -Dprepare=true or run data-prep for this collection first");
    }
    return new SweepQueries(QueryVectors.uniform(GENERATED_QUERIES, dimension, cfg.seed()), GENERATED_QUERIES
        + " uniform [0,1) queries from seed " + cfg.seed() + " (no ground truth: recall not measured)");
  }
}
