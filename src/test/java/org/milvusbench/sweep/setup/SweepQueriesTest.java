package org.milvusbench.sweep.setup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.milvus.v2.client.MilvusClientV2;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milvusbench.dataprep.DataPrep;
import org.milvusbench.dataprep.DataPrepConfig;
import org.milvusbench.dataprep.MilvusConnect;
import org.milvusbench.dataprep.ProgressListener;
import org.milvusbench.dataprep.QueryPool;
import org.milvusbench.milvus.InProcessTargets;
import org.milvusbench.milvus.MilvusTarget;
import org.milvusbench.sweep.config.SweepConfig;

/** Which ground truth the sweep's queries carry: the pool's, the filter's (computed, then reused), or none. */
class SweepQueriesTest {
  @TempDir static Path tmp;
  static MilvusTarget target;
  static DataPrepConfig cfg;

  @BeforeAll
  static void seed() {
    target = InProcessTargets.start(tmp.resolve("target"));
    cfg = DataPrepConfig.builder().collection("sweep_queries").dim(16).rows(1_000).batchSize(500).uniformQueries(5)
        .datasetQueries(5).k(10).threads(2).queryPoolDir(tmp.resolve("pool")).build();
    MilvusClientV2 client = MilvusConnect.connect(target.endpoint());
    try {
      DataPrep.prepare(client, cfg, ProgressListener.none());
    } finally {
      client.close();
    }
  }

  @AfterAll
  static void stop() {
    target.close();
  }

  private static SweepQueries load(String filter) {
    Map<String, String> props = new HashMap<>(Map.of("search.queries", "dataset"));
    if (filter != null) {
      props.put("search.filter", filter);
    }
    return SweepQueries.load(SweepConfig.parse(props), cfg, cfg.collection(), 16);
  }

  @Test
  void withoutAFilterThePoolsGroundTruth() {
    SweepQueries q = load(null);
    assertArrayEquals(QueryPool.load(cfg.collectionDir()).dataset().truthIds()[0], q.queries().groundTruth(0));
    assertTrue(q.source().endsWith("5 queries with ground truth)"), q.source());
  }

  @Test
  void withAFilterItsOwnGroundTruthComputedOnceThenReused() {
    SweepQueries first = load("category == \"D\"");
    assertTrue(first.source().contains("with the filter's ground truth: computed the ground truth of filter "
        + "`category == \"D\"`"), first.source());
    SweepQueries again = load("category=='D'");
    assertTrue(again.source().contains("reused the ground truth of filter `category == \"D\"`"), again.source());
    assertArrayEquals(first.queries().groundTruth(3), again.queries().groundTruth(3));
    assertFalse(java.util.Arrays.equals(QueryPool.load(cfg.collectionDir()).dataset().truthIds()[3],
        first.queries().groundTruth(3)), "not the unfiltered truth");
  }

  @Test
  void aFilterOnAFieldDataPrepDoesNotGenerateMeasuresNoRecallAndSaysWhy() {
    SweepQueries q = load("price > 3");
    assertFalse(q.queries().hasGroundTruth());
    assertTrue(q.source().contains("recall not measured: filter `price > 3` cannot be evaluated client-side: field "
        + "price is not one of"), q.source());
  }
}
