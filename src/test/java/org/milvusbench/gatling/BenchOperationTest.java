package org.milvusbench.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.milvus.grpc.DeleteRequest;
import io.milvus.grpc.FieldData;
import io.milvus.grpc.InsertRequest;
import io.milvus.grpc.KeyValuePair;
import io.milvus.grpc.QueryRequest;
import io.milvus.grpc.UpsertRequest;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * {@link OperationCostBenchmark}'s requests are the production-shaped ones it names: what each puts
 * on the wire (rows, dimension, ids, filter, limit) and the rows the no-op server reports back, so
 * its per-row figures divide by rows that were really sent.
 */
class BenchOperationTest {
  @Test
  void insertAndUpsertSendOneHundredRowsOf768DimensionsUpsertWithTheirIds() throws Exception {
    try (NoopMilvusServer server = new NoopMilvusServer(10)) {
      assertEquals(100, once(server, BenchOperation.INSERT).rows);
      InsertRequest insert = server.lastRequest("Insert");
      assertEquals(100, insert.getNumRows());
      assertEquals(List.of("embedding", "category"), names(insert.getFieldsDataList()));
      assertEquals(768, insert.getFieldsData(0).getVectors().getDim());
      assertEquals(100 * 768, insert.getFieldsData(0).getVectors().getFloatVector().getDataCount());

      assertEquals(100, once(server, BenchOperation.UPSERT).rows);
      UpsertRequest upsert = server.lastRequest("Upsert");
      assertEquals(List.of("id", "embedding", "category"), names(upsert.getFieldsDataList()));
      assertEquals(LongStream.range(0, 100).boxed().toList(), upsert.getFieldsData(0).getScalars().getLongData().getDataList());
      assertEquals(100 * 768, upsert.getFieldsData(1).getVectors().getFloatVector().getDataCount());
    }
  }

  @Test
  void deleteSendsOneHundredIdsAndEachRequestItsOwn() throws Exception {
    try (NoopMilvusServer server = new NoopMilvusServer(10)) {
      MilvusDataActionBuilder<?, ?> delete = (MilvusDataActionBuilder<?, ?>) BenchOperation.DELETE.builder();
      assertEquals(100, run(server, delete).rows);
      assertEquals("id in [" + LongStream.range(0, 100).mapToObj(Long::toString).collect(Collectors.joining(",")) + "]",
          server.<DeleteRequest>lastRequest("Delete").getExpr());
      run(server, delete);
      assertTrue(server.<DeleteRequest>lastRequest("Delete").getExpr().startsWith("id in [100,101,"));
    }
  }

  @Test
  void theQueriesAreAFilterWithLimit10AndACount() throws Exception {
    try (NoopMilvusServer server = new NoopMilvusServer(10)) {
      assertEquals(NoopDataMethods.QUERY_ROWS, once(server, BenchOperation.QUERY_FILTER).rows);
      QueryRequest filtered = server.lastRequest("Query");
      assertEquals("category == \"B\"", filtered.getExpr());
      assertTrue(filtered.getQueryParamsList().contains(KeyValuePair.newBuilder().setKey("limit").setValue("10").build()),
          filtered.getQueryParamsList().toString());

      assertEquals(NoopDataMethods.COUNT, once(server, BenchOperation.QUERY_COUNT).rows);
      assertEquals(List.of("count(*)"), server.<QueryRequest>lastRequest("Query").getOutputFieldsList());
    }
  }

  private static OperationRun.Outcome once(NoopMilvusServer server, BenchOperation operation) throws Exception {
    return run(server, (MilvusDataActionBuilder<?, ?>) operation.builder());
  }

  private static OperationRun.Outcome run(NoopMilvusServer server, MilvusDataActionBuilder<?, ?> action) throws Exception {
    OperationRun.Outcome outcome = OperationRun.runOnForeignLoop(action,
        MilvusDsl.milvus().uri(server.uri()).deadline(Duration.ofSeconds(5)).protocol());
    assertEquals("OK", outcome.stats.status());
    return outcome;
  }

  private static List<String> names(List<FieldData> columns) {
    return columns.stream().map(FieldData::getFieldName).toList();
  }
}
