package org.milvusbench.sweep.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.milvus.grpc.IDs;
import io.milvus.grpc.LongArray;
import io.milvus.grpc.SearchResultData;
import io.milvus.grpc.SearchResults;
import org.junit.jupiter.api.Test;
import org.milvusbench.gatling.core.DatasetRows;
import org.milvusbench.sweep.setup.SeededTruth;

/** Recall beside an ingest is scored against the rows present when each search was sent. */
class StreamingRecallTest {
  private static final DatasetRows ROWS = DatasetRows.of(4, 7);

  private static SearchResults reply(long... ids) {
    return SearchResults.newBuilder().setResults(SearchResultData.newBuilder().setNumQueries(1).setTopK(ids.length)
        .addTopks(ids.length).setIds(IDs.newBuilder().setIntId(LongArray.newBuilder().addAllData(
            java.util.Arrays.stream(ids).boxed().toList())))).build();
  }

  /** Query 0 is dataset row 100's own vector: that row, once inserted, is its nearest neighbour (distance 0). */
  private static StreamingRecall recallOfTwo() {
    float[] q = ROWS.vector(100);
    SeededTruth truth = new SeededTruth(new float[][] {q}, new long[][] {{1, 2}}, new float[][] {{0.5f, 0.7f}});
    return new StreamingRecall(truth, 2, "L2");
  }

  @Test
  void anInsertedRowAcknowledgedBeforeTheSearchIsPartOfTheTruth() {
    StreamingRecall recall = recallOfTwo();
    recall.acknowledged(100, new long[] {9000}, 1_000);
    recall.onSearch(true, 2_000, 500, 0, reply(9000, 1)); // the new row and the best seeded one: exact
    assertEquals(1.0, recall.score(ROWS).mean(), 1e-9);

    StreamingRecall stale = recallOfTwo();
    stale.acknowledged(100, new long[] {9000}, 1_000);
    stale.onSearch(true, 2_000, 500, 0, reply(1, 2)); // the seeded answer misses the nearer new row
    assertEquals(0.5, stale.score(ROWS).mean(), 1e-9);
  }

  @Test
  void aRowAcknowledgedLaterIsNotInTheTruthAndInFlightMayBeSeen() {
    StreamingRecall later = recallOfTwo();
    later.acknowledged(100, new long[] {9000}, 5_000);
    later.onSearch(true, 2_000, 500, 0, reply(1, 2)); // sent before the row existed: the seeded answer is right
    assertEquals(1.0, later.score(ROWS).mean(), 1e-9);

    StreamingRecall inFlight = recallOfTwo();
    inFlight.acknowledged(100, new long[] {9000}, 2_200);
    inFlight.onSearch(true, 2_000, 500, 0, reply(9000, 1)); // acknowledged while the search was in flight
    assertEquals(1.0, inFlight.score(ROWS).mean(), 1e-9);
  }

  @Test
  void onlyEveryFifthSearchIsSampledAndNoneMeansNoRecall() {
    StreamingRecall recall = recallOfTwo();
    assertNull(recall.score(ROWS));
    for (int i = 0; i < 11; i++) {
      recall.onSearch(true, 2_000, 500, 0, reply(1, 2));
    }
    assertEquals(3, recall.score(ROWS).samples());
  }
}
