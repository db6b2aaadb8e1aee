package org.milvusbench.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.milvusbench.gatling.MilvusDsl.query;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.milvusbench.gatling.core.ConsistencyLevel;

/** Query against the embedded target over gRPC: the rows it reports are exactly those Milvus returned. */
class MilvusQueryActionTest {
  private static final String COLLECTION = "queried";

  @RegisterExtension
  static final EmbeddedMilvus milvus = new EmbeddedMilvus();

  @BeforeAll
  static void seed() throws Exception {
    MilvusDeleteActionTest.seed(milvus, COLLECTION);
  }

  private static long rows(MilvusQueryActionBuilder query) throws Exception {
    OperationRun.Outcome outcome = milvus.run(query.collection(COLLECTION));
    assertEquals("OK", outcome.stats.status(), outcome.stats.message());
    outcome.assertGatlingGotTheObservedLatency();
    return outcome.rows;
  }

  @Test
  void aFilterReturnsEveryMatchingRow() throws Exception {
    assertEquals(MilvusDeleteActionTest.idsOf("B").length, rows(query("B").filter("category == \"B\"")));
    assertEquals(10, rows(query("first ten").filter(session -> "id < 10")));
  }

  @Test
  void limitAndOffsetBoundTheRows() throws Exception {
    assertEquals(10, rows(query("page").filter("category == \"B\"").limit(10).offset(5)));
    assertEquals(7, rows(query("any seven").limit(7).outputFields("category", "embedding")));
    assertEquals(5, rows(query("tail").filter("id >= 290").offset(5).limit(100)));
  }

  @Test
  void idsReturnTheRowsThatExist() throws Exception {
    assertEquals(3, rows(query("ids").ids(session -> new long[] {1, 2, 3, 1000})));
  }

  @Test
  void countAllCountsTheSelectedRows() throws Exception {
    assertEquals(MilvusDeleteActionTest.ROWS, rows(query("all").countAll().consistencyLevel(ConsistencyLevel.STRONG)));
    assertEquals(MilvusDeleteActionTest.idsOf("C").length, rows(query("C").filter("category == \"C\"").countAll()));
  }

  @Test
  void anUnknownCollectionIsKoWithMilvusReason() throws Exception {
    OperationRun.Outcome outcome = milvus.run(query("lost").collection("nope").countAll());
    outcome.assertKo("100");
    assertEquals("collection not found[collection=nope]", outcome.stats.message());
  }
}
