package org.milvusbench.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.exception.MilvusClientException;
import io.milvus.v2.service.vector.request.AnnSearchReq;
import io.milvus.v2.service.vector.request.HybridSearchReq;
import io.milvus.v2.service.vector.request.InsertReq;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.data.FloatVec;
import io.milvus.v2.service.vector.request.ranker.RRFRanker;
import io.milvus.v2.service.vector.request.ranker.WeightedRanker;
import io.milvus.v2.service.vector.response.SearchResp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HybridSearch over MilvusClientV2: each sub-request is searched on its own field with its own filter
 * and limit, and the fused answer equals what the test recomputes from the same sub-searches run alone
 * (RRF: the sum of 1 / (k + rank); weighted: the weighted sum, L2 distances mapped by 1 - 2 atan(d) / π
 * when mixed with similarities, as Milvus 2.6's rerank does). Sub-searches are exact (see
 * {@link MultiVectorTest#search}), so both runs see the same hits.
 */
class HybridSearchTest {
  private static final String NAME = "hybrid";
  private static final float[] TEXT_QUERY = TestData.normal(1, 8, 500)[0];
  private static final float[] IMAGE_QUERY = TestData.normal(1, 4, 501)[0];
  private static final String IMAGE_FILTER = "category == \"c1\"";

  @RegisterExtension
  static final SharedTarget target = new SharedTarget();
  static MilvusClientV2 client;

  @BeforeAll
  static void start() throws Exception {
    client = target.client();
    MultiVectorTest.createCollection(client, NAME);
    client.insert(InsertReq.builder().collectionName(NAME).data(MultiVectorTest.rows()).build());
    MultiVectorTest.indexAndLoad(client, NAME);
  }

  private static List<AnnSearchReq> subRequests() {
    return List.of(
        AnnSearchReq.builder().vectorFieldName(MultiVectorTest.TEXT).vectors(List.of(new FloatVec(TEXT_QUERY)))
            .limit(10).filter("id >= 0").params("{\"ef\": 256}").build(),
        AnnSearchReq.builder().vectorFieldName(MultiVectorTest.IMAGE).vectors(List.of(new FloatVec(IMAGE_QUERY)))
            .limit(12).filter(IMAGE_FILTER).params("{\"ef\": 256}").build());
  }

  /** The two sub-searches alone: (ids, scores) of each. */
  private static List<SearchResp.SearchResult> alone(String field, float[] q, int limit, String filter) {
    return client.search(SearchReq.builder().collectionName(NAME).annsField(field).data(List.of(new FloatVec(q)))
        .limit(limit).filter(filter).searchParams(Map.of("ef", 256)).build()).getSearchResults().get(0);
  }

  private static List<List<SearchResp.SearchResult>> subs() {
    return List.of(alone(MultiVectorTest.TEXT, TEXT_QUERY, 10, "id >= 0"),
        alone(MultiVectorTest.IMAGE, IMAGE_QUERY, 12, IMAGE_FILTER));
  }

  /** Keys by fused score, best first, ties by the smaller id; then offset and limit. */
  private static List<Map.Entry<Long, Float>> ranked(Map<Long, Float> scores, int offset, int limit) {
    List<Map.Entry<Long, Float>> all = new ArrayList<>(scores.entrySet());
    all.sort(Comparator.comparing((Map.Entry<Long, Float> e) -> -e.getValue()).thenComparing(Map.Entry::getKey));
    return all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
  }

  private static void assertSame(List<Map.Entry<Long, Float>> expected, List<SearchResp.SearchResult> got) {
    assertEquals(expected.stream().map(Map.Entry::getKey).toList(), got.stream().map(h -> (Long) h.getId()).toList());
    for (int i = 0; i < got.size(); i++) {
      assertEquals(expected.get(i).getValue(), got.get(i).getScore(), 1e-6f);
    }
  }

  @Test
  void rrfFusesTheSubSearchesByRank() {
    Map<Long, Float> scores = new LinkedHashMap<>();
    for (List<SearchResp.SearchResult> sub : subs()) {
      for (int i = 0; i < sub.size(); i++) {
        scores.merge((Long) sub.get(i).getId(), 1f / (60f + (i + 1)), Float::sum);
      }
    }
    SearchResp r = client.hybridSearch(HybridSearchReq.builder().collectionName(NAME).searchRequests(subRequests())
        .ranker(RRFRanker.builder().k(60).build()).limit(8).outFields(List.of("category", MultiVectorTest.IMAGE))
        .build());
    List<SearchResp.SearchResult> got = r.getSearchResults().get(0);
    assertSame(ranked(scores, 0, 8), got);
    for (SearchResp.SearchResult hit : got) {
      int row = (int) (long) (Long) hit.getId();
      assertEquals("c" + row % 3, hit.getEntity().get("category"));
      org.junit.jupiter.api.Assertions.assertArrayEquals(MultiVectorTest.IMAGES[row],
          MultiVectorTest.floats(hit.getEntity().get(MultiVectorTest.IMAGE)), 0f);
    }
  }

  @Test
  void weightedSumsSimilaritiesAndMappedDistances() {
    float[] weights = {0.7f, 0.3f};
    Map<Long, Float> scores = new LinkedHashMap<>();
    List<List<SearchResp.SearchResult>> subs = subs();
    for (int s = 0; s < 2; s++) {
      for (SearchResp.SearchResult hit : subs.get(s)) {
        float d = hit.getScore(); // COSINE as is; L2 (mixed with a similarity) mapped to a similarity
        float v = s == 0 ? d : 1f - 2f * (float) Math.atan(d) / (float) Math.PI;
        scores.merge((Long) hit.getId(), weights[s] * v, Float::sum);
      }
    }
    SearchResp r = client.hybridSearch(HybridSearchReq.builder().collectionName(NAME).searchRequests(subRequests())
        .ranker(WeightedRanker.builder().weights(List.of(0.7f, 0.3f)).build()).limit(5).offset(2).roundDecimal(3)
        .build());
    List<Map.Entry<Long, Float>> expected = ranked(scores, 2, 5);
    List<SearchResp.SearchResult> got = r.getSearchResults().get(0);
    assertEquals(expected.stream().map(Map.Entry::getKey).toList(), got.stream().map(h -> (Long) h.getId()).toList());
    for (int i = 0; i < got.size(); i++) {
      float rounded = (float) (Math.floor(expected.get(i).getValue() * 1000.0 + 0.5) / 1000.0);
      assertEquals(rounded, got.get(i).getScore(), 0f);
    }
  }

  @Test
  void whatIsNotServedIsRefused() {
    MilvusClientException grouped = assertThrows(MilvusClientException.class, () -> client.hybridSearch(
        HybridSearchReq.builder().collectionName(NAME).searchRequests(subRequests())
            .ranker(RRFRanker.builder().k(60).build()).limit(5).groupByFieldName("category").build()));
    assertEquals(3000, grouped.getServerErrCode(), grouped.getMessage());
    assertTrue(grouped.getMessage().contains("grouping search (group_by_field)"), grouped.getMessage());

    MilvusClientException weights = assertThrows(MilvusClientException.class, () -> client.hybridSearch(
        HybridSearchReq.builder().collectionName(NAME).searchRequests(subRequests())
            .ranker(WeightedRanker.builder().weights(List.of(1f)).build()).limit(5).build()));
    assertEquals(1100, weights.getServerErrCode(), weights.getMessage());
    assertTrue(weights.getMessage().contains("the length of weights param mismatch with ann search requests"),
        weights.getMessage());
  }
}
