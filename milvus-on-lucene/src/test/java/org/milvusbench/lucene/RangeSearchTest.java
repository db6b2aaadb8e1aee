package org.milvusbench.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.IndexParam;
import io.milvus.v2.exception.MilvusClientException;
import io.milvus.v2.service.collection.request.LoadCollectionReq;
import io.milvus.v2.service.index.request.CreateIndexReq;
import io.milvus.v2.service.vector.request.InsertReq;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.data.FloatVec;
import io.milvus.v2.service.vector.response.SearchResp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Range search ({@code radius} / {@code range_filter}) through MilvusClientV2, against a brute-force
 * computation of Milvus's documented bands: L2 {@code range_filter <= d < radius}, IP / COSINE
 * {@code radius < s <= range_filter}; the band's best {@code limit} hits, best first, on HNSW-indexed
 * collections of each metric.
 */
class RangeSearchTest {
  private static final int DIM = 8;
  private static final int ROWS = 300;
  private static final float[][] DATA = TestData.normal(ROWS, DIM, 23);
  private static final float[] QUERY = TestData.uniform(1, DIM, 24)[0];

  @RegisterExtension
  static final SharedTarget target = new SharedTarget();
  static MilvusClientV2 client;

  @BeforeAll
  static void start() throws Exception {
    client = target.client();
    for (IndexParam.MetricType metric : List.of(IndexParam.MetricType.L2, IndexParam.MetricType.IP,
        IndexParam.MetricType.COSINE)) {
      String name = "range_" + metric.name().toLowerCase();
      TargetFixture.createKeyedCollection(client, name, DIM);
      client.insert(InsertReq.builder().collectionName(name).data(TestData.keyedRows(DATA, 0, ROWS, 0, "A")).build());
      client.createIndex(CreateIndexReq.builder().collectionName(name).indexParams(List.of(IndexParam.builder()
          .fieldName(TargetFixture.VECTOR).indexType(IndexParam.IndexType.HNSW).metricType(metric)
          .extraParams(Map.of("M", 16, "efConstruction", 200)).build())).build());
      client.loadCollection(LoadCollectionReq.builder().collectionName(name).build());
    }
  }

  private static float value(String metric, float[] v) {
    switch (metric) {
      case "L2":
        return VectorUtil.squareDistance(QUERY, v);
      case "IP":
        return VectorUtil.dotProduct(QUERY, v);
      default:
        return VectorUtil.cosine(QUERY, v);
    }
  }

  /** The ids Milvus's definition selects: in the band, best first, at most {@code limit}. */
  private static List<Long> expected(String metric, double radius, Double rangeFilter, int limit) {
    boolean larger = !metric.equals("L2");
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      float v = value(metric, DATA[i]);
      boolean in = larger ? v > radius && (rangeFilter == null || v <= rangeFilter)
          : v < radius && (rangeFilter == null || v >= rangeFilter);
      if (in) {
        ids.add((long) i);
      }
    }
    Comparator<Long> best = Comparator.comparingDouble(id -> value(metric, DATA[id.intValue()]));
    ids.sort(larger ? best.reversed() : best);
    return ids.subList(0, Math.min(limit, ids.size()));
  }

  private static SearchResp search(String metric, Map<String, Object> params, int limit) {
    return client.search(SearchReq.builder().collectionName("range_" + metric.toLowerCase())
        .annsField(TargetFixture.VECTOR).data(List.of(new FloatVec(QUERY))).limit(limit).searchParams(params).build());
  }

  private static List<Long> ids(SearchResp r) {
    return r.getSearchResults().get(0).stream().map(h -> (Long) h.getId()).toList();
  }

  /** The value at rank {@code rank} of the brute-force order: bands built from it hold a known number of rows. */
  private static float ranked(String metric, int rank) {
    return value(metric, DATA[expected(metric, metric.equals("L2") ? Double.MAX_VALUE : -Double.MAX_VALUE, null,
        ROWS).get(rank).intValue()]);
  }

  /**
   * A bound between the values at ranks {@code rank - 1} and {@code rank}: exactly {@code rank} rows lie
   * on its better side. On a row's own value, the last float bit of two ways of computing it (SIMD or
   * scalar summation order) decided whether that row was in.
   */
  private static double between(String metric, int rank) {
    return ((double) ranked(metric, rank - 1) + ranked(metric, rank)) / 2;
  }

  @Test
  void bandsMatchMilvusDefinitionForEachMetric() {
    for (String metric : List.of("L2", "IP", "COSINE")) {
      // The band between the 10th and the 60th best value: the top 10 must be skipped, which the
      // graph's nearest neighbours alone would not do.
      double inner = between(metric, 10);
      double outer = between(metric, 60);
      List<Long> want = expected(metric, outer, inner, 20);
      assertEquals(20, want.size(), metric);
      SearchResp got = search(metric, Map.of("radius", outer, "range_filter", inner), 20);
      assertEquals(want, ids(got), metric + " radius=" + outer + " range_filter=" + inner);
      got.getSearchResults().get(0).forEach(h -> assertTrue(
          metric.equals("L2") ? h.getScore() >= inner && h.getScore() < outer : h.getScore() > outer && h.getScore() <= inner,
          metric + " score " + h.getScore()));

      // Radius alone: the outer bound only; fewer rows than the limit come back when the band is small.
      List<Long> near = expected(metric, between(metric, 5), null, 50);
      assertEquals(5, near.size(), metric);
      assertEquals(near, ids(search(metric, Map.of("radius", between(metric, 5)), 50)), metric);
    }
  }

  @Test
  void invalidBandsAreRefusedAsKnowhereDoes() {
    MilvusClientException l2 = assertThrows(MilvusClientException.class,
        () -> search("L2", Map.of("radius", 1.0, "range_filter", 2.0), 5));
    assertEquals(1100, l2.getServerErrCode());
    assertTrue(l2.getMessage().contains("range_filter(2.0) must be less than radius(1.0) for L2"), l2.getMessage());
    MilvusClientException ip = assertThrows(MilvusClientException.class,
        () -> search("IP", Map.of("radius", 0.5, "range_filter", 0.1), 5));
    assertTrue(ip.getMessage().contains("range_filter(0.1) must be greater than radius(0.5) for IP/COSINE"), ip.getMessage());
    MilvusClientException alone = assertThrows(MilvusClientException.class,
        () -> search("COSINE", Map.of("range_filter", 0.5), 5));
    assertTrue(alone.getMessage().contains("needs radius"), alone.getMessage());
  }
}
