package org.milvusbench.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.exception.MilvusClientException;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import io.milvus.v2.service.collection.request.DescribeCollectionReq;
import io.milvus.v2.service.collection.request.DropCollectionReq;
import io.milvus.v2.service.collection.request.GetLoadStateReq;
import io.milvus.v2.service.collection.request.HasCollectionReq;
import io.milvus.v2.service.collection.request.LoadCollectionReq;
import io.milvus.v2.service.collection.response.DescribeCollectionResp;
import io.milvus.v2.service.index.request.DescribeIndexReq;
import io.milvus.v2.service.index.response.DescribeIndexResp;
import io.milvus.v2.service.utility.request.FlushReq;
import io.milvus.v2.service.vector.request.DeleteReq;
import io.milvus.v2.service.vector.request.InsertReq;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.data.FloatVec;
import io.milvus.v2.service.vector.response.InsertResp;
import io.milvus.v2.service.vector.response.SearchResp;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Persistence across restarts, token authentication, delete, and the client's one-call quick setup. */
class RestartAndAuthTest {
  private static final int DIM = 32;

  @TempDir
  Path dataDir;

  private long count(MilvusClientV2 client, String name, String filter) {
    return (Long) client.query(QueryReq.builder().collectionName(name).filter(filter)
        .outputFields(List.of("count(*)")).build()).getQueryResults().get(0).getEntity().get("count(*)");
  }

  @Test
  void restartKeepsRowsIndexIdsAndLoadState() throws Exception {
    float[][] data = TestData.clustered(300, DIM, 5, 9);
    long lastId;
    try (TargetServer server = TargetServer.start(TargetConfig.builder().port(0).dataDir(dataDir).build())) {
      MilvusClientV2 client = TargetFixture.connect(server, null);
      TargetFixture.createReferenceCollection(client, "kept", DIM);
      InsertResp first = client.insert(InsertReq.builder().collectionName("kept").data(TestData.rows(data, 0, 200)).build());
      TargetFixture.createReferenceIndex(client, "kept");
      InsertResp second = client.insert(InsertReq.builder().collectionName("kept").data(TestData.rows(data, 200, 300)).build());
      client.flush(FlushReq.builder().collectionNames(List.of("kept")).build());
      client.loadCollection(LoadCollectionReq.builder().collectionName("kept").build());
      TargetFixture.createReferenceCollection(client, "cold", DIM);
      TargetFixture.createReferenceIndex(client, "cold");
      lastId = (Long) second.getPrimaryKeys().get(99);
      assertTrue(lastId > (Long) first.getPrimaryKeys().get(199));
      client.close();
    }
    try (TargetServer server = TargetServer.start(TargetConfig.builder().port(0).dataDir(dataDir).build())) {
      MilvusClientV2 client = TargetFixture.connect(server, null);
      assertTrue(client.hasCollection(HasCollectionReq.builder().collectionName("kept").build()));
      // As in Milvus: what was loaded is loaded again, what was not stays released.
      assertTrue(client.getLoadState(GetLoadStateReq.builder().collectionName("kept").build()), "loaded after restart");
      assertFalse(client.getLoadState(GetLoadStateReq.builder().collectionName("cold").build()), "never loaded");
      MilvusClientException notLoaded = assertThrows(MilvusClientException.class, () -> count(client, "cold", ""));
      assertEquals(101, notLoaded.getServerErrCode());
      DescribeIndexResp index = client.describeIndex(DescribeIndexReq.builder().collectionName("kept")
          .fieldName(TargetFixture.VECTOR).build());
      assertEquals("HNSW", index.getIndexDescriptions().get(0).getIndexType().getName());
      assertEquals("16", index.getIndexDescriptions().get(0).getExtraParams().get("M"));
      assertEquals(300, count(client, "kept", ""));
      SearchResp hit = client.search(SearchReq.builder().collectionName("kept").data(List.of(new FloatVec(data[250])))
          .limit(1).searchParams(Map.of("ef", 32)).build());
      assertEquals(lastId - 49, hit.getSearchResults().get(0).get(0).getId(), "row 250 found by its vector");
      InsertResp more = client.insert(InsertReq.builder().collectionName("kept").data(TestData.rows(data, 0, 1)).build());
      assertTrue((Long) more.getPrimaryKeys().get(0) > lastId, "auto ids keep increasing across restarts");
      client.delete(DeleteReq.builder().collectionName("kept").filter("category in [\"A\", \"B\"]").build());
      assertEquals(0, count(client, "kept", "category == \"A\" or category == \"B\""));
      assertEquals(150, count(client, "kept", "not (category in [\"A\", \"B\"])"));
      client.close();
    }
  }

  @Test
  void tokenIsRequiredWhenConfigured() throws Exception {
    String token = "root:Milvus";
    try (TargetServer server = TargetServer.start(TargetConfig.builder().port(0).dataDir(dataDir).token(token).build())) {
      MilvusClientV2 client = TargetFixture.connect(server, token);
      client.dropCollection(DropCollectionReq.builder().collectionName("nothing_here").build());
      assertFalse(client.hasCollection(HasCollectionReq.builder().collectionName("nothing_here").build()));
      client.close();
      Exception wrong = assertThrows(Exception.class, () -> TargetFixture.connect(server, "root:wrong"));
      assertTrue(String.valueOf(wrong.getMessage()).contains("UNAUTHENTICATED")
          || String.valueOf(wrong.getCause()).contains("UNAUTHENTICATED"), wrong.toString());
      assertThrows(Exception.class, () -> TargetFixture.connect(server, null));
    }
    try (TargetServer server = TargetServer.start(TargetConfig.builder().port(0).dataDir(dataDir).build())) {
      MilvusClientV2 client = TargetFixture.connect(server, "any:thing");
      assertFalse(client.hasCollection(HasCollectionReq.builder().collectionName("x").build()), "no token configured: any accepted");
      client.close();
    }
  }

  @Test
  void quickSetupCollectionWorksEndToEnd() throws Exception {
    try (TargetServer server = TargetServer.start(TargetConfig.builder().port(0).dataDir(dataDir).build())) {
      MilvusClientV2 client = TargetFixture.connect(server, null);
      client.createCollection(CreateCollectionReq.builder().collectionName("quick").dimension(8).build());
      DescribeCollectionResp desc = client.describeCollection(DescribeCollectionReq.builder().collectionName("quick").build());
      assertTrue(desc.getEnableDynamicField());
      float[][] data = TestData.normal(20, 8, 4);
      List<JsonObject> rows = new java.util.ArrayList<>();
      for (int i = 0; i < data.length; i++) {
        JsonObject row = new JsonObject();
        row.addProperty("id", 1000 + i);
        row.add("vector", new com.google.gson.Gson().toJsonTree(data[i]));
        row.addProperty("colour", "red");
        rows.add(row);
      }
      assertEquals(20, client.insert(InsertReq.builder().collectionName("quick").data(rows).build()).getInsertCnt());
      client.loadCollection(LoadCollectionReq.builder().collectionName("quick").build());
      SearchResp resp = client.search(SearchReq.builder().collectionName("quick").data(List.of(new FloatVec(data[7])))
          .limit(3).build());
      assertEquals(1007L, resp.getSearchResults().get(0).get(0).getId());
      assertEquals(1.0f, resp.getSearchResults().get(0).get(0).getScore(), 1e-5f, "COSINE similarity of itself");
      assertTrue(resp.getSearchResults().get(0).get(0).getScore() >= resp.getSearchResults().get(0).get(1).getScore(),
          "COSINE is descending");
      client.dropCollection(DropCollectionReq.builder().collectionName("quick").build());
      client.close();
    }
  }
}
