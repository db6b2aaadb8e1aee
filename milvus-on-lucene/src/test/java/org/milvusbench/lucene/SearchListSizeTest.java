package org.milvusbench.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.exception.MilvusClientException;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.data.FloatVec;
import io.milvus.v2.service.vector.response.SearchResp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** HNSW's search list size as Milvus (knowhere) chooses it: {@code max(k, 16)} without ef, an error below k. */
class SearchListSizeTest {
  private static final int DIM = 16;
  private static final int ROWS = 2_000;
  private static final String NAME = "list_size";

  // One segment: Lucene searches several segments concurrently and shares the competitive score
  // between them, so with more than one the same search can explore a little differently twice.
  @RegisterExtension
  static final SharedTarget target = new SharedTarget(config -> config.buildThreads(1)
      .segmentsPerBuildThread(1).maxSegmentRows(0));
  static MilvusClientV2 client;

  @BeforeAll
  static void start() throws Exception {
    client = target.client();
    TargetFixture.createReferenceCollection(client, NAME, DIM);
    float[][] data = TestData.normal(ROWS, DIM, 5);
    TargetFixture.insertIndexAndLoad(client, NAME, TestData.rows(data, 0, ROWS));
  }

  private static List<SearchResp.SearchResult> search(float[] query, int limit, Map<String, Object> params) {
    return client.search(SearchReq.builder().collectionName(NAME).annsField(TargetFixture.VECTOR)
        .data(List.of(new FloatVec(query))).limit(limit).searchParams(params).build()).getSearchResults().get(0);
  }

  /**
   * Without ef, limit 1 and limit 10 both explore 16 candidates, so the best hit is the same one. With
   * the old rule (ef = limit) limit 1 explored a single candidate and missed some of them.
   */
  @Test
  void withoutEfTheBestHitDoesNotDependOnTheLimit() {
    float[][] queries = TestData.uniform(1_000, DIM, 11);
    for (int q = 0; q < queries.length; q++) {
      Object top1 = search(queries[q], 1, Map.of()).get(0).getId();
      Object firstOfTen = search(queries[q], 10, Map.of()).get(0).getId();
      assertEquals(firstOfTen, top1, "query " + q);
    }
  }

  @Test
  void efBelowTheLimitIsRefusedAsKnowhereDoes() {
    MilvusClientException e = assertThrows(MilvusClientException.class,
        () -> search(TestData.uniform(1, DIM, 3)[0], 10, Map.of("ef", 4)));
    assertEquals("ef(4) should be larger than k(10): invalid parameter", e.getMessage().replaceAll("^.*reason: ", ""));
  }
}
