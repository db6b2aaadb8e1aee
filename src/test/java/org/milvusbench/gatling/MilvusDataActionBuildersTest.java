package org.milvusbench.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.milvusbench.gatling.MilvusDsl.datasetRows;
import static org.milvusbench.gatling.MilvusDsl.delete;
import static org.milvusbench.gatling.MilvusDsl.insert;
import static org.milvusbench.gatling.MilvusDsl.query;
import static org.milvusbench.gatling.MilvusDsl.search;
import static org.milvusbench.gatling.MilvusDsl.upsert;

import io.milvus.grpc.SearchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.milvusbench.gatling.core.ConsistencyLevel;
import org.milvusbench.gatling.core.QueryVectors;
import org.milvusbench.gatling.internal.SearchRequestTemplate;

/** The insert, upsert, delete and query builders as users see them: immutable, checked, complete before Gatling gets them. */
class MilvusDataActionBuildersTest {

  @Test
  void settersReturnANewBuilderAndLeaveThisOneUnchanged() {
    MilvusQueryActionBuilder base = query("q").collection("c");
    MilvusQueryActionBuilder limited = base.limit(5).silent();
    assertNotSame(base, limited);
    assertEquals(0, base.wrapped.limit());
    assertEquals(false, base.wrapped.base().silent());
    assertEquals(5, limited.wrapped.limit());
    assertEquals(true, limited.wrapped.base().silent());
    assertEquals("c", limited.wrapped.base().collection());
    assertEquals(MilvusWriteActionBuilder.DEFAULT_BATCH_SIZE, insert("i").wrapped.batchSize());
    assertEquals(true, upsert("u").wrapped.upsert());
  }

  @Test
  void invalidValuesAreRejectedAsTheyAreSet() {
    assertIllegal("insert: request name is empty", () -> insert(" "));
    assertIllegal("query: request name is empty", () -> query(null));
    assertIllegal("batchSize: 0 is not a positive integer", () -> insert("i").batchSize(0));
    assertIllegal("limit: 0 is not a positive integer", () -> query("q").limit(0));
    assertIllegal("offset: -1 is negative", () -> query("q").offset(-1));
    assertIllegal("primaryKey: the field name is empty", () -> delete("d").primaryKey(""));
  }

  @Test
  void gatlingGetsOnlyACompleteAction() {
    assertIncomplete("insert(\"i\"): no collection (call .collection(name))", () -> insert("i").asScala());
    assertIncomplete("upsert(\"u\"): no rows (call .rows(...))", () -> upsert("u").collection("c").asScala());
    assertIncomplete("delete(\"d\"): no ids or filter (call .ids(...) or .filter(...))",
        () -> delete("d").collection("c").filter("  ").asScala());
    assertIncomplete("query(\"q\"): countAll() returns count(*) alone, without outputFields, limit or offset",
        () -> query("q").collection("c").countAll().outputFields("category").asScala());
    assertNotNull(insert("i").collection("c").rows(datasetRows(4, 1)).asScala());
  }

  @Test
  void theLastSelectionAndTheLastRowsWin() {
    MilvusDeleteActionBuilder byFilter = delete("d").ids(session -> new long[] {1}).filter("id > 0");
    assertNull(byFilter.wrapped.selection().ids());
    assertNotNull(byFilter.wrapped.selection().filter());
    MilvusWriteActionBuilder fromFunction = insert("i").rows(datasetRows(4, 1)).rows(session -> java.util.List.of());
    assertNull(fromFunction.wrapped.rows());
    assertNotNull(fromFunction.wrapped.rowsFunction());
  }

  @Test
  void aSearchCarriesItsConsistencyLevelAsMilvusClientV2() {
    MilvusSearchActionBuilder base = search("s").collection("c").vectors(QueryVectors.uniform(2, 4, 1));
    SearchRequest strong = SearchRequestTemplate.build(base.consistencyLevel(ConsistencyLevel.STRONG).wrapped,
        MilvusDsl.milvus().protocol());
    assertEquals(false, strong.getUseDefaultConsistency());
    assertEquals(io.milvus.grpc.ConsistencyLevel.Strong, strong.getConsistencyLevel());
    assertEquals(0L, strong.getGuaranteeTimestamp());
    SearchRequest byDefault = SearchRequestTemplate.build(base.wrapped, MilvusDsl.milvus().protocol());
    assertEquals(true, byDefault.getUseDefaultConsistency());
    assertEquals(1L, byDefault.getGuaranteeTimestamp());
  }

  private static void assertIllegal(String message, Executable setter) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, setter).getMessage());
  }

  private static void assertIncomplete(String message, Executable build) {
    assertEquals(message, assertThrows(IllegalStateException.class, build).getMessage());
  }
}
