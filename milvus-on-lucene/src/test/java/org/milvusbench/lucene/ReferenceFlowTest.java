package org.milvusbench.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.service.collection.request.DropCollectionReq;
import io.milvus.v2.service.collection.request.GetLoadStateReq;
import io.milvus.v2.service.collection.request.LoadCollectionReq;
import io.milvus.v2.service.collection.request.ReleaseCollectionReq;
import io.milvus.v2.service.utility.request.FlushReq;
import io.milvus.v2.service.vector.request.GetReq;
import io.milvus.v2.service.vector.request.InsertReq;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.data.BaseVector;
import io.milvus.v2.service.vector.request.data.FloatVec;
import io.milvus.v2.service.vector.response.GetResp;
import io.milvus.v2.service.vector.response.InsertResp;
import io.milvus.v2.service.vector.response.QueryResp;
import io.milvus.v2.service.vector.response.SearchResp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference tutorial's flow over real gRPC with the unchanged MilvusClientV2: create, insert 5,000
 * clustered 768-d rows in batches, flush, HNSW index, load, count, search (recall, ascending squared L2,
 * filter, nq = 3), get by id, release, drop.
 */
class ReferenceFlowTest {
  private static final int ROWS = 5_000;
  private static final int DIM = 768;
  private static final String NAME = "benchmark_concurrent";

  @TempDir
  static Path dataDir;
  static TargetServer server;
  static MilvusClientV2 client;
  static float[][] data;
  /** Row index of each primary key returned by insert. */
  static final Map<Long, Integer> rowOfId = new HashMap<>();

  @BeforeAll
  static void seedAndIndex() throws Exception {
    server = TargetServer.start(TargetConfig.builder().port(0).dataDir(dataDir).build());
    client = TargetFixture.connect(server, null);
    client.dropCollection(DropCollectionReq.builder().collectionName(NAME).build());
    TargetFixture.createReferenceCollection(client, NAME, DIM);
    data = TestData.clustered(ROWS, DIM, 20, 42);
    long lastId = Long.MIN_VALUE;
    for (int from = 0; from < ROWS; from += 1_000) {
      InsertResp resp = client.insert(InsertReq.builder().collectionName(NAME)
          .data(TestData.rows(data, from, from + 1_000)).build());
      assertEquals(1_000, resp.getInsertCnt());
      for (int i = 0; i < resp.getPrimaryKeys().size(); i++) {
        long id = (Long) resp.getPrimaryKeys().get(i);
        assertTrue(id > lastId, "auto ids increase across batches");
        lastId = id;
        rowOfId.put(id, from + i);
      }
    }
    client.flush(FlushReq.builder().collectionNames(List.of(NAME)).build());
    TargetFixture.createReferenceIndex(client, NAME);
    client.loadCollection(LoadCollectionReq.builder().collectionName(NAME).build());
  }

  @AfterAll
  static void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void countIsExact() {
    QueryResp all = client.query(QueryReq.builder().collectionName(NAME).filter("").outputFields(List.of("count(*)")).build());
    assertEquals((long) ROWS, all.getQueryResults().get(0).getEntity().get("count(*)"));
    QueryResp b = client.query(QueryReq.builder().collectionName(NAME).filter("category == \"B\"")
        .outputFields(List.of("count(*)")).build());
    assertEquals((long) ROWS / 4, b.getQueryResults().get(0).getEntity().get("count(*)"));
  }

  @Test
  void searchHasHighRecallAndAscendingSquaredL2() {
    float[][] queries = TestData.near(data, 20, 7);
    double recallSum = 0;
    for (float[] q : queries) {
      SearchResp resp = client.search(SearchReq.builder().collectionName(NAME).annsField(TargetFixture.VECTOR)
          .data(List.of(new FloatVec(q))).limit(10).searchParams(Map.of("ef", 64)).build());
      List<SearchResp.SearchResult> hits = resp.getSearchResults().get(0);
      assertEquals(10, hits.size());
      int[] truth = TestData.bruteForceL2(data, q, 10, i -> true);
      long[] expected = new long[10];
      long[] actual = new long[10];
      float previous = -1;
      for (int i = 0; i < 10; i++) {
        SearchResp.SearchResult h = hits.get(i);
        actual[i] = (Long) h.getId();
        float exact = VectorUtil.squareDistance(q, data[rowOfId.get(actual[i])]);
        assertEquals(exact, h.getScore(), 1e-3 * Math.max(1, exact), "score is the squared L2 distance");
        assertTrue(h.getScore() >= previous, "ascending distances");
        previous = h.getScore();
        expected[i] = idOfRow(truth[i]);
      }
      recallSum += TestData.recall(expected, actual);
    }
    double recall = recallSum / queries.length;
    assertTrue(recall >= 0.95, "recall@10 = " + recall);
  }

  @Test
  void filteredSearchReturnsOnlyTheCategoryAndTheRightRows() {
    float[] q = TestData.near(data, 1, 11)[0];
    SearchResp resp = client.search(SearchReq.builder().collectionName(NAME).annsField(TargetFixture.VECTOR)
        .data(List.of(new FloatVec(q))).limit(10).filter("category == \"B\"").outputFields(List.of("category"))
        .searchParams(Map.of("ef", 64)).build());
    List<SearchResp.SearchResult> hits = resp.getSearchResults().get(0);
    assertEquals(10, hits.size());
    int[] truth = TestData.bruteForceL2(data, q, 10, i -> TestData.category(i).equals("B"));
    for (int i = 0; i < 10; i++) {
      assertEquals("B", hits.get(i).getEntity().get("category"));
      assertEquals(idOfRow(truth[i]), hits.get(i).getId(), "filtered search falls back to exact search here");
    }
  }

  @Test
  void searchWithThreeQueriesAnswersEach() {
    float[][] queries = TestData.near(data, 3, 13);
    List<BaseVector> vectors = new ArrayList<>();
    for (float[] q : queries) {
      vectors.add(new FloatVec(q));
    }
    SearchResp resp = client.search(SearchReq.builder().collectionName(NAME).annsField(TargetFixture.VECTOR)
        .data(vectors).limit(5).searchParams(Map.of("ef", 64)).build());
    assertEquals(3, resp.getSearchResults().size());
    for (int qi = 0; qi < 3; qi++) {
      List<SearchResp.SearchResult> hits = resp.getSearchResults().get(qi);
      assertEquals(5, hits.size());
      int best = TestData.bruteForceL2(data, queries[qi], 1, i -> true)[0];
      assertEquals(idOfRow(best), hits.get(0).getId());
    }
  }

  @Test
  void getByIdReturnsTheRow() {
    long id = idOfRow(1234);
    GetResp resp = client.get(GetReq.builder().collectionName(NAME).ids(List.of(id))
        .outputFields(List.of("id", "category", TargetFixture.VECTOR)).build());
    assertEquals(1, resp.getGetResults().size());
    Map<String, Object> row = resp.getGetResults().get(0).getEntity();
    assertEquals(id, row.get("id"));
    assertEquals(TestData.category(1234), row.get("category"));
    @SuppressWarnings("unchecked")
    List<Float> vec = (List<Float>) row.get(TargetFixture.VECTOR);
    assertEquals(data[1234][5], vec.get(5), 0f);
  }

  @Test
  void releaseThenDropRemovesTheCollection() {
    String other = "flow_drop";
    TargetFixture.createReferenceCollection(client, other, 8);
    TargetFixture.insertIndexAndLoad(client, other, TestData.rows(TestData.normal(10, 8, 1), 0, 10));
    assertTrue(client.getLoadState(GetLoadStateReq.builder().collectionName(other).build()));
    client.releaseCollection(ReleaseCollectionReq.builder().collectionName(other).build());
    assertFalse(client.getLoadState(GetLoadStateReq.builder().collectionName(other).build()));
    client.dropCollection(DropCollectionReq.builder().collectionName(other).build());
    assertFalse(client.hasCollection(io.milvus.v2.service.collection.request.HasCollectionReq.builder()
        .collectionName(other).build()));
  }

  private static long idOfRow(int row) {
    return rowOfId.entrySet().stream().filter(e -> e.getValue() == row).findFirst().orElseThrow().getKey();
  }
}
