package org.milvusbench.gatling.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.milvus.grpc.DataType;
import io.milvus.grpc.DeleteRequest;
import io.milvus.grpc.FieldData;
import io.milvus.grpc.InsertRequest;
import io.milvus.grpc.MsgType;
import io.milvus.grpc.QueryRequest;
import io.milvus.grpc.QueryResults;
import io.milvus.grpc.ScalarField;
import io.milvus.grpc.StringArray;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.milvusbench.gatling.core.ConsistencyLevel;
import org.milvusbench.gatling.core.DatasetRows;
import org.milvusbench.milvus.MilvusEndpoint;

/** The requests the data actions send, field by field, as milvus-sdk-java v2 builds them. */
class OperationRequestsTest {
  private static final MilvusProtocol PROTOCOL =
      new MilvusProtocol(MilvusEndpoint.of("http://localhost:19530", null, "bench"), 1000, 1);

  @Test
  void anInsertCarriesOneColumnPerFieldTheRowCountAndItsCollection() {
    WriteSpec spec = WriteSpec.named(false, "load").withBase(WriteSpec.named(false, "load").base().withCollection("c"))
        .withRows(DatasetRows.of(4, 42)).withBatchSize(3);
    InsertRequest request = OperationRequests.insert(spec, PROTOCOL).requests().apply(null);
    assertEquals("c", request.getCollectionName());
    assertEquals("bench", request.getDbName());
    assertEquals(MsgType.Insert, request.getBase().getMsgType());
    assertEquals(3, request.getNumRows());
    assertEquals(DatasetRows.of(4, 42).rows(0, 3), request.getFieldsDataList());
    // The next request takes the next rows: the source's cursor moved on.
    assertEquals(DatasetRows.of(4, 42).rows(3, 3),
        OperationRequests.insert(spec, PROTOCOL).requests().apply(null).getFieldsDataList());
  }

  @Test
  void aDeleteSendsTheSelectionAsItsExpression() {
    DeleteSpec byIds = DeleteSpec.named("d").withBase(DeleteSpec.named("d").base().withCollection("c"))
        .withSelection(RowSelection.NONE.withIds(session -> new long[] {5, -1, 7}));
    DeleteRequest request = OperationRequests.delete(byIds, PROTOCOL).requests().apply(null);
    assertEquals("id in [5,-1,7]", request.getExpr());
    assertEquals(MsgType.Delete, request.getBase().getMsgType());
    assertEquals("pk in []", OperationRequests.delete(byIds.withSelection(byIds.selection().withPrimaryKey("pk")
        .withIds(session -> new long[0])), PROTOCOL).requests().apply(null).getExpr());
    assertEquals("category == \"A\"", OperationRequests.delete(byIds.withSelection(byIds.selection()
        .withFilter("category == \"A\"")), PROTOCOL).requests().apply(null).getExpr());
  }

  @Test
  void aQueryWithoutConsistencyLeavesItToTheCollectionAsMilvusClientV2() {
    QueryRequest request = query(query("c").withSelection(RowSelection.NONE.withFilter("id > 1")).withLimit(10));
    assertTrue(request.getUseDefaultConsistency());
    assertEquals(1L, request.getGuaranteeTimestamp());
    assertEquals("id > 1", request.getExpr());
    assertEquals(List.of("limit=10"), params(request));
    assertEquals(List.of(), request.getOutputFieldsList());
  }

  @Test
  void aQuerySendsLevelOffsetLimitAndFields() {
    QueryRequest request = query(query("c").withLimit(10).withOffset(20).withOutputFields(List.of("category"))
        .withConsistency(ConsistencyLevel.STRONG));
    assertFalse(request.getUseDefaultConsistency());
    assertEquals(io.milvus.grpc.ConsistencyLevel.Strong, request.getConsistencyLevel());
    assertEquals(0L, request.getGuaranteeTimestamp(), "strong: wait for every acknowledged write");
    assertEquals(List.of("offset=20", "limit=10"), params(request));
    assertEquals(List.of("category"), request.getOutputFieldsList());
    assertEquals(2L, query(query("c").withCountAll(true).withConsistency(ConsistencyLevel.BOUNDED)).getGuaranteeTimestamp());
    assertEquals(List.of("count(*)"), query(query("c").withCountAll(true)).getOutputFieldsList());
  }

  @Test
  void aQueryReportsTheRowsReturnedOrTheCount() {
    QueryResults rows = QueryResults.newBuilder().setPrimaryFieldName("pk")
        .addFieldsData(strings("category", "A", "B", "C")).addFieldsData(strings("pk", "x", "y")).build();
    assertEquals(2, OperationRequests.returned(rows), "the primary key column, not the first");
    assertEquals(3, OperationRequests.returned(rows.toBuilder().setPrimaryFieldName("").build()), "else the first");
    assertEquals(0, OperationRequests.returned(QueryResults.getDefaultInstance()));
    QueryResults count = QueryResults.newBuilder().addFieldsData(FieldData.newBuilder().setFieldName("count(*)")
        .setScalars(ScalarField.newBuilder().setLongData(io.milvus.grpc.LongArray.newBuilder().addData(300)))).build();
    assertEquals(300, OperationRequests.counted(count));
  }

  @Test
  void specsThatCannotWorkAreRefusedNamingTheAction() {
    assertEquals("query(\"q\"): countAll() returns count(*) alone, without outputFields, limit or offset",
        assertThrows(IllegalStateException.class, () -> query("c").withCountAll(true).withLimit(5).requireComplete())
            .getMessage());
    assertEquals("query(\"q\"): no ids, filter or limit (call .ids(...), .filter(...) or .limit(n))",
        assertThrows(IllegalStateException.class, () -> query("c").requireComplete()).getMessage());
    assertEquals("delete(\"d\"): no ids or filter (call .ids(...) or .filter(...))",
        assertThrows(IllegalStateException.class, () -> DeleteSpec.named("d")
            .withBase(DeleteSpec.named("d").base().withCollection("c")).requireComplete()).getMessage());
    assertEquals("upsert(\"u\"): no collection (call .collection(name))",
        assertThrows(IllegalStateException.class, () -> WriteSpec.named(true, "u").requireComplete()).getMessage());
  }

  private static QuerySpec query(String collection) {
    QuerySpec spec = QuerySpec.named("q");
    return spec.withBase(spec.base().withCollection(collection));
  }

  private static QueryRequest query(QuerySpec spec) {
    return OperationRequests.query(spec, PROTOCOL).requests().apply(null);
  }

  private static List<String> params(QueryRequest request) {
    return request.getQueryParamsList().stream().map(kv -> kv.getKey() + "=" + kv.getValue()).toList();
  }

  private static FieldData strings(String name, String... values) {
    return FieldData.newBuilder().setFieldName(name).setType(DataType.VarChar)
        .setScalars(ScalarField.newBuilder().setStringData(StringArray.newBuilder().addAllData(List.of(values)))).build();
  }
}
