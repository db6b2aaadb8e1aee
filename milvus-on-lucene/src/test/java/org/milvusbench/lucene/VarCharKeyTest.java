package org.milvusbench.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import io.milvus.grpc.FieldData;
import io.milvus.grpc.FloatArray;
import io.milvus.grpc.InsertRequest;
import io.milvus.grpc.MilvusServiceGrpc;
import io.milvus.grpc.MutationResult;
import io.milvus.grpc.ScalarField;
import io.milvus.grpc.StringArray;
import io.milvus.grpc.VectorField;
import io.milvus.shaded.io.grpc.ManagedChannel;
import io.milvus.shaded.io.grpc.ManagedChannelBuilder;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.DataType;
import io.milvus.v2.service.collection.request.AddFieldReq;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import io.milvus.v2.service.collection.request.LoadCollectionReq;
import io.milvus.v2.service.vector.request.DeleteReq;
import io.milvus.v2.service.vector.request.InsertReq;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.UpsertReq;
import io.milvus.v2.service.vector.request.data.FloatVec;
import io.milvus.v2.service.vector.response.InsertResp;
import io.milvus.v2.service.vector.response.SearchResp;
import io.milvus.v2.service.vector.response.UpsertResp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * VarChar primary keys, as RAG clients use them for document ids: insert, upsert, delete, query and
 * search with string ids, max_length on the key, auto_id keys (Milvus writes them as decimal text), a
 * graph built over rows inserted before the index, and all of it after a restart.
 */
class VarCharKeyTest {
  private static final int DIM = 8;
  private static final String NAME = "documents";

  @TempDir
  Path dataDir;

  private static void createDocuments(MilvusClientV2 client, String name, boolean autoId) {
    CreateCollectionReq.CollectionSchema schema = CreateCollectionReq.CollectionSchema.builder().build();
    schema.addField(AddFieldReq.builder().fieldName("doc_id").dataType(DataType.VarChar).maxLength(12)
        .isPrimaryKey(true).autoID(autoId).build());
    schema.addField(AddFieldReq.builder().fieldName(TargetFixture.VECTOR).dataType(DataType.FloatVector).dimension(DIM).build());
    schema.addField(AddFieldReq.builder().fieldName("category").dataType(DataType.VarChar).maxLength(10).build());
    client.createCollection(CreateCollectionReq.builder().collectionName(name).collectionSchema(schema).build());
  }

  /** Rows {@code from..to} of {@code data}, row i keyed {@code doc-i} (zero-padded so keys sort like rows). */
  private static List<JsonObject> documents(float[][] data, int from, int to, String category) {
    List<JsonObject> rows = TestData.rows(data, from, to);
    for (int i = 0; i < rows.size(); i++) {
      rows.get(i).addProperty("doc_id", key(from + i));
      rows.get(i).addProperty("category", category);
    }
    return rows;
  }

  private static String key(int row) {
    return String.format("doc-%03d", row);
  }

  private static List<Object> keys(MilvusClientV2 client, QueryReq.QueryReqBuilder q) {
    return client.query(q.outputFields(List.of()).build()).getQueryResults().stream()
        .map(r -> r.getEntity().get("doc_id")).collect(Collectors.toList());
  }

  @Test
  void stringKeysThroughEveryDataPathAndARestart() throws Exception {
    float[][] data = TestData.normal(40, DIM, 71);
    try (TargetServer server = TargetServer.start(TargetConfig.builder().port(0).dataDir(dataDir).build())) {
      MilvusClientV2 client = TargetFixture.connect(server, null);
      createDocuments(client, NAME, false);
      InsertResp inserted = client.insert(InsertReq.builder().collectionName(NAME).data(documents(data, 0, 30, "v1")).build());
      assertEquals(key(0), inserted.getPrimaryKeys().get(0));
      TargetFixture.createReferenceIndex(client, NAME); // the graph build copies string keys
      client.loadCollection(LoadCollectionReq.builder().collectionName(NAME).build());

      UpsertResp up = client.upsert(UpsertReq.builder().collectionName(NAME).data(documents(data, 25, 40, "v2")).build());
      assertEquals(15, up.getUpsertCnt());
      assertEquals(key(25), up.getPrimaryKeys().get(0));
      client.delete(DeleteReq.builder().collectionName(NAME).ids(new ArrayList<>(List.of(key(3), key(4)))).build());
      assertEquals(38, ConsistencyTest.count(client, NAME, io.milvus.v2.common.ConsistencyLevel.STRONG));

      assertEquals(List.of(key(5), key(26)), keys(client, QueryReq.builder().collectionName(NAME)
          .ids(new ArrayList<>(List.of(key(26), key(5), key(4), "nope")))), "in key order; deleted and missing keys absent");
      assertEquals(List.of(key(7), key(8), key(9)), keys(client, QueryReq.builder().collectionName(NAME)
          .filter("doc_id like \"doc-0%\"").limit(3).offset(5)), "pages in key order (doc-000..002, 005..)");
      assertEquals(List.of(key(38), key(39)), keys(client, QueryReq.builder().collectionName(NAME)
          .filter("doc_id >= {from}").filterTemplateValues(Map.of("from", key(38)))));
      assertEquals("v2", client.query(QueryReq.builder().collectionName(NAME).ids(new ArrayList<>(List.of(key(27))))
          .outputFields(List.of("category")).build()).getQueryResults().get(0).getEntity().get("category"));

      SearchResp hit = client.search(SearchReq.builder().collectionName(NAME).data(List.of(new FloatVec(data[33])))
          .limit(3).outputFields(List.of("category")).searchParams(Map.of("ef", 64)).build());
      assertEquals(key(33), hit.getSearchResults().get(0).get(0).getId(), "search returns string ids");
      assertEquals("v2", hit.getSearchResults().get(0).get(0).getEntity().get("category"));
      client.close();
    }
    try (TargetServer server = TargetServer.start(TargetConfig.builder().port(0).dataDir(dataDir).build())) {
      MilvusClientV2 client = TargetFixture.connect(server, null);
      assertEquals(38, ConsistencyTest.count(client, NAME, io.milvus.v2.common.ConsistencyLevel.STRONG));
      SearchResp hit = client.search(SearchReq.builder().collectionName(NAME).data(List.of(new FloatVec(data[12])))
          .limit(1).searchParams(Map.of("ef", 64)).build());
      assertEquals(key(12), hit.getSearchResults().get(0).get(0).getId(), "after a restart");
      client.close();
    }
  }

  @Test
  void maxLengthAndAutoIdOnAStringKey() throws Exception {
    float[][] data = TestData.normal(3, DIM, 72);
    try (TargetServer server = TargetServer.start(TargetConfig.builder().port(0).dataDir(dataDir).build())) {
      MilvusClientV2 client = TargetFixture.connect(server, null);
      createDocuments(client, NAME, false);
      // MilvusClientV2 checks max_length itself, so the server's own check is reached over a raw stub.
      ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
      try {
        MutationResult refused = MilvusServiceGrpc.newBlockingStub(channel).insert(InsertRequest.newBuilder()
            .setCollectionName(NAME).setNumRows(1)
            .addFieldsData(FieldData.newBuilder().setFieldName("doc_id").setType(io.milvus.grpc.DataType.VarChar)
                .setScalars(ScalarField.newBuilder().setStringData(StringArray.newBuilder().addData("0123456789abc"))))
            .addFieldsData(FieldData.newBuilder().setFieldName(TargetFixture.VECTOR).setType(io.milvus.grpc.DataType.FloatVector)
                .setVectors(VectorField.newBuilder().setDim(DIM).setFloatVector(FloatArray.newBuilder()
                    .addAllData(TestData.boxed(data[0])))))
            .addFieldsData(FieldData.newBuilder().setFieldName("category").setType(io.milvus.grpc.DataType.VarChar)
                .setScalars(ScalarField.newBuilder().setStringData(StringArray.newBuilder().addData("x"))))
            .build());
        assertEquals(1100, refused.getStatus().getCode());
        assertEquals("length of varchar field doc_id exceeds max length, row number: 0, length: 13, max length: 12:"
            + " invalid parameter", refused.getStatus().getReason());
      } finally {
        channel.shutdownNow();
      }

      createDocuments(client, "auto_docs", true);
      InsertResp auto = client.insert(InsertReq.builder().collectionName("auto_docs").data(TestData.rows(data, 0, 3)).build());
      String first = (String) auto.getPrimaryKeys().get(0);
      assertEquals(Long.parseLong(first) + 1, Long.parseLong((String) auto.getPrimaryKeys().get(1)),
          "auto ids of a VarChar key are decimal text");
      client.loadCollection(LoadCollectionReq.builder().collectionName("auto_docs").build());
      assertEquals(1, client.query(QueryReq.builder().collectionName("auto_docs").ids(new ArrayList<>(List.of(first)))
          .build()).getQueryResults().size());
      client.close();
    }
  }
}
