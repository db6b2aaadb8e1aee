package org.milvusbench.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.milvus.orm.iterator.QueryIterator;
import io.milvus.orm.iterator.SearchIterator;
import io.milvus.orm.iterator.SearchIteratorV2;
import io.milvus.response.QueryResultsWrapper;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.IndexParam;
import io.milvus.v2.exception.MilvusClientException;
import io.milvus.v2.service.collection.request.LoadCollectionReq;
import io.milvus.v2.service.index.request.CreateIndexReq;
import io.milvus.v2.service.vector.request.InsertReq;
import io.milvus.v2.service.vector.request.QueryIteratorReq;
import io.milvus.v2.service.vector.request.SearchIteratorReq;
import io.milvus.v2.service.vector.request.SearchIteratorReqV2;
import io.milvus.v2.service.vector.request.data.FloatVec;
import io.milvus.v2.service.vector.response.SearchResp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * MilvusClientV2's iterators, unchanged, against the target: the query iterator visits every matching
 * row once in key order and in batches of the asked size; the search iterators (v1: range-search
 * probing, v2: {@code search_iter_v2} with a last bound) return hits in non-decreasing L2 distance, no
 * key twice, and together the exact top N of a brute-force computation (FLAT index: exact search).
 */
class IteratorTest {
  private static final String NAME = "iter";
  private static final int DIM = 8;
  private static final int ROWS = 300;
  private static final float[][] DATA = TestData.normal(ROWS, DIM, 41);
  private static final float[] QUERY = TestData.uniform(1, DIM, 42)[0];

  @RegisterExtension
  static final SharedTarget target = new SharedTarget();
  static MilvusClientV2 client;

  @BeforeAll
  static void start() throws Exception {
    client = target.client();
    TargetFixture.createKeyedCollection(client, NAME, DIM);
    client.insert(InsertReq.builder().collectionName(NAME).data(TestData.keyedRows(DATA, 0, ROWS, 0, "A")).build());
    client.createIndex(CreateIndexReq.builder().collectionName(NAME).indexParams(List.of(IndexParam.builder()
        .fieldName(TargetFixture.VECTOR).indexType(IndexParam.IndexType.FLAT).metricType(IndexParam.MetricType.L2)
        .build())).build());
    client.loadCollection(LoadCollectionReq.builder().collectionName(NAME).build());
  }

  /** Row ids by exact L2 distance to QUERY (ties by id). */
  private static List<Long> bruteForce(int n) {
    return IntStream.range(0, ROWS).boxed()
        .sorted((a, b) -> {
          int c = Float.compare(VectorUtil.squareDistance(QUERY, DATA[a]), VectorUtil.squareDistance(QUERY, DATA[b]));
          return c != 0 ? c : Integer.compare(a, b);
        })
        .limit(n).map(Integer::longValue).collect(Collectors.toList());
  }

  private static List<List<Long>> drainQuery(String expr, int batch) {
    QueryIterator it = client.queryIterator(QueryIteratorReq.builder().collectionName(NAME).expr(expr)
        .outputFields(List.of("id", "category")).batchSize(batch).build());
    List<List<Long>> batches = new ArrayList<>();
    for (List<QueryResultsWrapper.RowRecord> page = it.next(); !page.isEmpty(); page = it.next()) {
      batches.add(page.stream().map(r -> (Long) r.get("id")).collect(Collectors.toList()));
      assertEquals("A", page.get(0).get("category"));
    }
    it.close();
    return batches;
  }

  @Test
  void queryIteratorVisitsEveryRowOnceInBatches() {
    List<List<Long>> batches = drainQuery("", 64);
    assertEquals(List.of(64, 64, 64, 64, 44), batches.stream().map(List::size).collect(Collectors.toList()));
    List<Long> all = batches.stream().flatMap(List::stream).collect(Collectors.toList());
    assertEquals(LongStream(0, ROWS), all);
  }

  @Test
  void queryIteratorHonoursTheFilter() {
    List<List<Long>> batches = drainQuery("id >= 17 and id < 250 and id != 100", 50);
    assertEquals(List.of(50, 50, 50, 50, 32), batches.stream().map(List::size).collect(Collectors.toList()));
    List<Long> expected = LongStream(17, 250);
    expected.remove(Long.valueOf(100));
    assertEquals(expected, batches.stream().flatMap(List::stream).collect(Collectors.toList()));
  }

  @Test
  void searchIteratorV1ReturnsTheExactTopNInOrder() {
    SearchIterator it = client.searchIterator(SearchIteratorReq.builder().collectionName(NAME)
        .vectorFieldName(TargetFixture.VECTOR).vectors(List.of(new FloatVec(QUERY)))
        .metricType(IndexParam.MetricType.L2).batchSize(20).limit(130).outputFields(List.of("id")).build());
    List<Long> ids = new ArrayList<>();
    List<Float> scores = new ArrayList<>();
    for (List<QueryResultsWrapper.RowRecord> page = it.next(); !page.isEmpty(); page = it.next()) {
      assertTrue(page.size() <= 20, "batch of " + page.size());
      page.forEach(r -> {
        ids.add((Long) r.get("id"));
        scores.add((Float) r.get("score"));
      });
    }
    it.close();
    assertOrderedExact(ids, scores, 130);
  }

  @Test
  void searchIteratorV2ReturnsTheExactTopNInOrder() {
    SearchIteratorV2 it = client.searchIteratorV2(SearchIteratorReqV2.builder().collectionName(NAME)
        .vectorFieldName(TargetFixture.VECTOR).vectors(List.of(new FloatVec(QUERY)))
        .metricType(IndexParam.MetricType.L2).batchSize(25).limit(140).searchParams(new HashMap<>()).build());
    List<Long> ids = new ArrayList<>();
    List<Float> scores = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    for (List<SearchResp.SearchResult> page = it.next(); !page.isEmpty(); page = it.next()) {
      sizes.add(page.size());
      page.forEach(r -> {
        ids.add((Long) r.getId());
        scores.add(r.getScore());
      });
    }
    it.close();
    assertEquals(List.of(25, 25, 25, 25, 25, 15), sizes);
    assertOrderedExact(ids, scores, 140);
  }

  @Test
  void searchIteratorV2RespectsRadiusAndFilter() {
    List<Long> top = bruteForce(ROWS);
    float radius = VectorUtil.squareDistance(QUERY, DATA[top.get(60).intValue()]); // rows 0..59 lie inside
    Map<String, Object> params = new HashMap<>(Map.of("radius", radius));
    SearchIteratorV2 it = client.searchIteratorV2(SearchIteratorReqV2.builder().collectionName(NAME)
        .vectorFieldName(TargetFixture.VECTOR).vectors(List.of(new FloatVec(QUERY))).filter("id >= 100")
        .metricType(IndexParam.MetricType.L2).batchSize(7).searchParams(params).build());
    List<Long> ids = new ArrayList<>();
    for (List<SearchResp.SearchResult> page = it.next(); !page.isEmpty(); page = it.next()) {
      page.forEach(r -> ids.add((Long) r.getId()));
    }
    List<Long> expected = top.subList(0, 60).stream().filter(id -> id >= 100).collect(Collectors.toList());
    assertEquals(expected, ids);
  }

  @Test
  void aWriteDuringAnIteratorIsRefusedByName() {
    String name = "iter_written";
    TargetFixture.createKeyedCollection(client, name, DIM);
    client.insert(InsertReq.builder().collectionName(name).data(TestData.keyedRows(DATA, 0, 50, 0, "A")).build());
    client.createIndex(CreateIndexReq.builder().collectionName(name).indexParams(List.of(IndexParam.builder()
        .fieldName(TargetFixture.VECTOR).indexType(IndexParam.IndexType.FLAT).metricType(IndexParam.MetricType.L2)
        .build())).build());
    client.loadCollection(LoadCollectionReq.builder().collectionName(name).build());
    QueryIterator it = client.queryIterator(QueryIteratorReq.builder().collectionName(name).batchSize(10).build());
    assertEquals(10, it.next().size());
    client.insert(InsertReq.builder().collectionName(name).data(TestData.keyedRows(DATA, 50, 60, 1000, "A")).build());
    MilvusClientException e = assertThrows(MilvusClientException.class, it::next);
    assertTrue(e.getMessage().contains("iterating collection iter_written while it is written"), e.getMessage());
  }

  /** Non-decreasing distances, no id twice, and the ids are the brute-force top n. */
  private static void assertOrderedExact(List<Long> ids, List<Float> scores, int n) {
    for (int i = 1; i < scores.size(); i++) {
      assertTrue(scores.get(i - 1) <= scores.get(i), "distance decreased at " + i + ": " + scores);
    }
    assertEquals(ids.size(), ids.stream().distinct().count(), "an id twice: " + ids);
    assertEquals(bruteForce(n), ids);
  }

  private static List<Long> LongStream(int from, int to) {
    return java.util.stream.LongStream.range(from, to).boxed().collect(Collectors.toList());
  }
}
