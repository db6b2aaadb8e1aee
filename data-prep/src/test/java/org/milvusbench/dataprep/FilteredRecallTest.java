package org.milvusbench.dataprep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.milvus.v2.common.ConsistencyLevel;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.data.FloatVec;
import io.milvus.v2.service.vector.response.SearchResp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.milvusbench.dataprep.QueryPool.QuerySet;

/**
 * Filtered searches against the embedded target over gRPC, scored with the filter's ground truth:
 * high recall, where the pool's unfiltered ground truth would say the search is mostly wrong.
 */
class FilteredRecallTest {
  @TempDir static Path tmp;
  @RegisterExtension
  static final TargetFixture target = new TargetFixture();
  static DataPrepConfig cfg;

  @BeforeAll
  static void seed() throws Exception {
    cfg = ResumeTest.small("filtered", 3_000, tmp.resolve("pool")).toBuilder().datasetQueries(40).build();
    DataPrep.prepare(target.client, cfg, ProgressListener.none());
  }

  @Test
  void aCategoryFilterIsScoredAgainstTheTopKOfItsCategory() {
    List<String> notes = new ArrayList<>();
    FilteredGroundTruth.Outcome outcome = FilteredGroundTruth.ensure(cfg, QueryPool.DATASET, "category=='A'",
        listener(notes));
    assertTrue(outcome.available(), outcome.note());
    assertTrue(outcome.note().startsWith("computed the ground truth of filter `category == \"A\"`"), outcome.note());
    assertTrue(notes.get(0).contains("among the ") && notes.get(0).contains(" of 3000 rows matching"), notes.toString());

    QuerySet set = QueryPool.load(cfg.collectionDir()).dataset();
    double filtered = 0;
    double unfiltered = 0;
    for (int q = 0; q < set.size(); q++) {
      long[] got = search(set.queries()[q], "category == \"A\"");
      filtered += QueryPool.recall(outcome.truthIds()[q], got, 10) / set.size();
      unfiltered += QueryPool.recall(set.truthIds()[q], got, 10) / set.size();
    }
    assertTrue(filtered > 0.9, "recall@10 against the filter's ground truth is " + filtered);
    // About a quarter of the unfiltered neighbours are in category A, so the wrong truth says ~0.25.
    assertTrue(unfiltered < 0.5, "recall@10 against the unfiltered ground truth is " + unfiltered);
  }

  @Test
  void anIdRangeIsComputedOnceThenReusedUnderAnyEqualSpelling() {
    long[] ids = SeedLedger.open(cfg.collectionDir()).allIds();
    String filter = "id < " + ids[300];
    FilteredGroundTruth.Outcome first = FilteredGroundTruth.ensure(cfg, QueryPool.DATASET, filter, ProgressListener.none());
    assertTrue(first.note().contains("(300 of 3000 rows match)"), first.note());
    FilteredGroundTruth.Outcome again = FilteredGroundTruth.ensure(cfg, QueryPool.DATASET, ids[300] + " > id",
        ProgressListener.none());
    assertTrue(again.note().startsWith("reused the ground truth of filter `" + filter + "`"), again.note());
    assertEquals(List.of(first.truthIds()).stream().map(java.util.Arrays::toString).toList(),
        List.of(again.truthIds()).stream().map(java.util.Arrays::toString).toList());
    QuerySet set = QueryPool.load(cfg.collectionDir()).dataset();
    double recall = 0;
    for (int q = 0; q < set.size(); q++) {
      recall += QueryPool.recall(first.truthIds()[q], search(set.queries()[q], filter), 10) / set.size();
    }
    assertTrue(recall > 0.9, "recall@10 of " + filter + " is " + recall);
  }

  @Test
  void aFieldTheGeneratorDoesNotKnowGivesNoGroundTruthAndSaysWhy() throws Exception {
    FilteredGroundTruth.Outcome o = FilteredGroundTruth.ensure(cfg, QueryPool.DATASET, "category == \"A\" or price > 3",
        ProgressListener.none());
    assertFalse(o.available());
    assertTrue(o.note().contains("cannot be evaluated client-side: field price is not one of"), o.note());
    try (var files = Files.list(cfg.collectionDir())) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith(
          FilteredTruthStore.stem(QueryPool.DATASET, "category == \"A\" or price > 3"))), "nothing stored");
    }
  }

  @Test
  void aPoolOfOtherDataGivesNoGroundTruth() {
    DataPrepConfig otherSeed = cfg.toBuilder().seed(cfg.seed() + 1).build();
    FilteredGroundTruth.Outcome o = FilteredGroundTruth.ensure(otherSeed, QueryPool.DATASET, "category == \"B\"",
        ProgressListener.none());
    assertFalse(o.available());
    assertTrue(o.note().contains("is not of this data"), o.note());
  }

  private static long[] search(float[] query, String filter) {
    SearchResp r = target.client.search(SearchReq.builder().collectionName(cfg.collection()).annsField("embedding")
        .data(List.of(new FloatVec(query))).limit(10).filter(filter).searchParams(Map.of("ef", 64))
        .consistencyLevel(ConsistencyLevel.STRONG).build());
    return r.getSearchResults().get(0).stream().mapToLong(x -> ((Number) x.getId()).longValue()).toArray();
  }

  private static ProgressListener listener(List<String> notes) {
    return new ProgressListener() {
      @Override
      public void info(String message) {
        notes.add(message);
      }
    };
  }
}
