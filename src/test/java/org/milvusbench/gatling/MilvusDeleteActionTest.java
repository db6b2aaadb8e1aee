package org.milvusbench.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.milvusbench.gatling.MilvusDsl.datasetRows;
import static org.milvusbench.gatling.MilvusDsl.delete;
import static org.milvusbench.gatling.MilvusDsl.insert;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.milvusbench.dataprep.DataPrepConfig;
import org.milvusbench.dataprep.source.Sources;

/** Delete against the embedded target over gRPC: by filter and by ids, exactly the rows it should. */
class MilvusDeleteActionTest {
  static final int ROWS = 300;
  static final int DIM = 8;
  static final long SEED = 42;

  @RegisterExtension
  static final EmbeddedMilvus milvus = new EmbeddedMilvus();

  /** A collection of rows 0..299 of the dataset (dimension 8), each with its row index as id, inserted by the DSL. */
  static void seed(EmbeddedMilvus milvus, String collection) throws Exception {
    milvus.createCollection(collection, DIM, false);
    MilvusWriteActionBuilder load = insert("seed").collection(collection).rows(datasetRows(DIM, SEED).withIds());
    for (int batch = 0; batch < ROWS / MilvusWriteActionBuilder.DEFAULT_BATCH_SIZE; batch++) {
      assertEquals("OK", milvus.run(load).stats.status());
    }
  }

  /** Row ids among 0..299 whose category is {@code category}, computed with data-prep's own function. */
  static long[] idsOf(String category) {
    return LongStream.range(0, ROWS)
        .filter(row -> Sources.category(SEED, row, DataPrepConfig.DEFAULT_CATEGORIES).equals(category)).toArray();
  }

  @Test
  void deleteByFilterRemovesExactlyTheMatchingRows() throws Exception {
    seed(milvus, "byFilter");
    long a = idsOf("A").length;
    assertTrue(a > 0 && a < ROWS, "both kinds of rows exist: " + a);
    OperationRun.Outcome outcome = milvus.run(
        delete("expire A").collection("byFilter").filter("category == \"A\""));
    assertEquals("OK", outcome.stats.status());
    assertEquals(a, outcome.rows);
    outcome.assertGatlingGotTheObservedLatency();
    assertEquals(ROWS - a, milvus.count("byFilter", ""));
    assertEquals(0, milvus.count("byFilter", "category == \"A\""));
  }

  @Test
  void deleteByIdsRemovesExactlyThoseRows() throws Exception {
    seed(milvus, "byIds");
    long[] firstTenB = java.util.Arrays.copyOf(idsOf("B"), 10);
    OperationRun.Outcome outcome = milvus.run(
        delete("expire ids").collection("byIds").ids(session -> firstTenB));
    assertEquals("OK", outcome.stats.status());
    assertEquals(10, outcome.rows);
    assertEquals(ROWS - 10, milvus.count("byIds", ""));
    assertEquals(idsOf("B").length - 10, milvus.count("byIds", "category == \"B\""));
  }

  @Test
  void anUnknownCollectionIsKoWithMilvusReason() throws Exception {
    OperationRun.Outcome outcome = milvus.run(delete("lost").collection("nope").filter("id > 0"));
    outcome.assertKo("100");
    assertEquals("collection not found[collection=nope]", outcome.stats.message());
  }

  @Test
  void idsFunctionReturningNullIsACrash() throws Exception {
    OperationRun.Outcome outcome = milvus.run(delete("none").collection("nope").ids(session -> null));
    assertEquals("CRASH", outcome.stats.status());
    assertEquals("ids: the function returned null", outcome.stats.message());
    assertTrue(outcome.session.isFailed());
  }
}
