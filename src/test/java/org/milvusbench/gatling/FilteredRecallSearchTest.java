package org.milvusbench.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.milvusbench.dataprep.DataPrep;
import org.milvusbench.dataprep.DataPrepConfig;
import org.milvusbench.dataprep.FilteredGroundTruth;
import org.milvusbench.dataprep.ProgressListener;
import org.milvusbench.dataprep.QueryPool;
import org.milvusbench.gatling.core.QueryVectors;
import org.milvusbench.recorder.RecallAccumulator;

/**
 * Recall of filtered searches as the sweep measures it: the search action sends them over gRPC to
 * the embedded target, a {@link RecallAccumulator} scores each reply against the filter's ground
 * truth, and a second one against the pool's unfiltered ground truth shows what scoring with that
 * would have reported.
 */
class FilteredRecallSearchTest {
  @RegisterExtension static final EmbeddedMilvus MILVUS = new EmbeddedMilvus();
  @TempDir static Path pool;
  static DataPrepConfig cfg;

  @BeforeAll
  static void seed() {
    cfg = DataPrepConfig.builder().collection("filtered_recall").dim(16).rows(3_000).batchSize(500).uniformQueries(0)
        .datasetQueries(40).k(10).threads(2).queryPoolDir(pool).build();
    DataPrep.prepare(MILVUS.client, cfg, ProgressListener.none());
  }

  @Test
  void aFilteredSearchScoresHighAgainstItsFiltersGroundTruthAndLowAgainstTheUnfilteredOne() throws Exception {
    String filter = "category in [\"B\", \"C\"] and not category == \"C\"";
    FilteredGroundTruth.Outcome truth = FilteredGroundTruth.ensure(cfg, QueryPool.DATASET, filter,
        ProgressListener.none());
    assertTrue(truth.available(), truth.note());
    QueryPool.QuerySet set = QueryPool.load(cfg.collectionDir()).dataset();
    QueryVectors queries = QueryVectors.of(List.of(set.queries()), List.of(truth.truthIds()));
    RecallAccumulator filtered = new RecallAccumulator(10, queries.size(), queries::groundTruth);
    RecallAccumulator unfiltered = new RecallAccumulator(10, set.size(), q -> set.truthIds()[q]);
    MilvusSearchActionBuilder search = MilvusDsl.search("filtered").collection(cfg.collection())
        .annsField("embedding").vectors(queries).topK(10).ef(64).metric("L2").filter(filter)
        .observer((ok, start, latency, first, results) -> {
          if (ok) {
            filtered.add(first, results.getResults());
            unfiltered.add(first, results.getResults());
          }
        });
    for (int q = 0; q < set.size(); q++) {
      assertEquals("OK", MILVUS.run(search).status());
    }
    assertEquals(set.size(), filtered.samples());
    assertTrue(filtered.mean() > 0.9, "recall@10 against the filter's ground truth: " + filtered.mean());
    // A quarter of the rows are category B, so about a quarter of the unfiltered neighbours are.
    assertTrue(unfiltered.mean() < 0.5, "recall@10 against the unfiltered ground truth: " + unfiltered.mean());
  }
}
