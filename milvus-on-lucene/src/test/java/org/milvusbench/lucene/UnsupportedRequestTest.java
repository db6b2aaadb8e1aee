package org.milvusbench.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.DataType;
import io.milvus.v2.common.IndexParam;
import io.milvus.v2.exception.MilvusClientException;
import io.milvus.v2.service.collection.request.AddFieldReq;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import io.milvus.v2.service.index.request.CreateIndexReq;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.data.FloatVec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * Index and search requests this server does not implement are refused with 3000 naming the feature
 * (before, a JSON-path index was accepted and ignored, and a range or grouping search answered as a
 * plain top-k search); the next request succeeds.
 */
class UnsupportedRequestTest {
  private static final int DIM = 4;
  private static final String NAME = "requests";

  @RegisterExtension
  static final SharedTarget target = new SharedTarget();
  static MilvusClientV2 client;
  static float[][] data = TestData.normal(20, DIM, 8);

  @BeforeAll
  static void start() throws Exception {
    client = target.client();
    CreateCollectionReq.CollectionSchema schema = CreateCollectionReq.CollectionSchema.builder()
        .enableDynamicField(true).build();
    schema.addField(AddFieldReq.builder().fieldName("id").dataType(DataType.Int64).isPrimaryKey(true).autoID(false).build());
    schema.addField(AddFieldReq.builder().fieldName(TargetFixture.VECTOR).dataType(DataType.FloatVector).dimension(DIM).build());
    schema.addField(AddFieldReq.builder().fieldName("meta").dataType(DataType.JSON).build());
    client.createCollection(CreateCollectionReq.builder().collectionName(NAME).collectionSchema(schema).build());
    TargetFixture.insertIndexAndLoad(client, NAME, TestData.rowsKeyedByIndex(data, i -> {
      JsonObject row = new JsonObject();
      row.add("meta", new JsonObject());
      return row;
    }));
  }

  private static void assertRefused(String feature, Executable call) {
    MilvusClientException e = assertThrows(MilvusClientException.class, call);
    assertEquals(3000, e.getServerErrCode(), e.getMessage());
    assertTrue(e.getMessage().contains(feature) && e.getMessage().contains("unsupported operation"), e.getMessage());
    assertEquals(3, client.query(QueryReq.builder().collectionName(NAME).filter("id < 3").build())
        .getQueryResults().size(), "the next request succeeds");
  }

  private static void index(String field, Map<String, Object> params) {
    client.createIndex(CreateIndexReq.builder().collectionName(NAME).indexParams(List.of(IndexParam.builder()
        .fieldName(field).indexName(field + "_idx").indexType(IndexParam.IndexType.INVERTED).extraParams(params)
        .build())).build());
  }

  private static SearchReq.SearchReqBuilder search() {
    return SearchReq.builder().collectionName(NAME).annsField(TargetFixture.VECTOR)
        .data(List.of(new FloatVec(data[0]))).limit(3);
  }

  @Test
  void jsonIndexes() {
    assertRefused("JSON path indexes (json_path=meta[\"k\"] on field meta)",
        () -> index("meta", Map.of("json_path", "meta[\"k\"]", "json_cast_type", "varchar")));
    assertRefused("indexes on JSON fields (field meta)", () -> index("meta", Map.of()));
    assertRefused("indexes on JSON fields (field $meta)", () -> index("$meta", Map.of()));
  }

  @Test
  void groupingSearch() {
    assertRefused("grouping search (group_by_field)", () -> client.search(search().groupByFieldName("id").build()));
  }
}
