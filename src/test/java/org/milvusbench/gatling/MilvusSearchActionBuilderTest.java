package org.milvusbench.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.milvusbench.gatling.MilvusDsl.milvus;
import static org.milvusbench.gatling.MilvusDsl.search;

import io.milvus.grpc.KeyValuePair;
import io.milvus.grpc.SearchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.milvusbench.gatling.core.Metric;
import org.milvusbench.gatling.core.QueryVectors;
import org.milvusbench.gatling.internal.SearchRequestTemplate;

/** The search builder as users see it: immutable, checked as values are set, complete before Gatling gets it. */
class MilvusSearchActionBuilderTest {
  private static final QueryVectors QUERIES = QueryVectors.uniform(3, 4, 7);

  @Test
  void settersReturnANewBuilderAndLeaveThisOneUnchanged() {
    MilvusSearchActionBuilder base = search("s").collection("c");
    MilvusSearchActionBuilder top5 = base.topK(5);
    assertNotSame(base, top5);
    assertEquals(MilvusSearchActionBuilder.DEFAULT_TOP_K, base.wrapped.topK());
    assertEquals(5, top5.wrapped.topK());
    assertEquals("c", top5.wrapped.base().collection());
  }

  @Test
  void invalidValuesAreRejectedAsTheyAreSet() {
    MilvusSearchActionBuilder base = search("s");
    assertIllegal("search: request name is empty", () -> search(" "));
    assertIllegal("topK: 0 is not a positive integer", () -> base.topK(0));
    assertIllegal("nq: -1 is not a positive integer", () -> base.nq(-1));
    assertIllegal("ef: 0 is not a positive integer", () -> base.ef(0));
    assertIllegal("metric: \"hamming\" is not one of L2, IP, COSINE (any case)", () -> base.metric("hamming"));
  }

  @Test
  void gatlingGetsOnlyACompleteSearch() {
    assertEquals("search(\"s\"): no collection (call .collection(name))",
        assertThrows(IllegalStateException.class, () -> search("s").vectors(QUERIES).asScala()).getMessage());
    assertEquals("search(\"s\"): no query vectors (call .vectors(...))",
        assertThrows(IllegalStateException.class, () -> search("s").collection("c").asScala()).getMessage());
  }

  @Test
  void theMetricIsSentUnderMilvusNameWhateverTheCaseItWasGivenIn() {
    MilvusSearchActionBuilder base = search("s").collection("c").vectors(QUERIES);
    assertEquals("COSINE", metricSent(base.metric("cosine")));
    assertEquals("IP", metricSent(base.metric(Metric.IP)));
    assertNull(metricSent(base.metric(Metric.L2).metric((String) null)), "null: not sent");
    assertNull(metricSent(base), "default: not sent");
  }

  @Test
  void theLastVectorsSourceWins() {
    MilvusSearchActionBuilder fromKey = search("s").vectors(QUERIES).vectors("vector");
    assertNull(fromKey.wrapped.queries());
    assertEquals("vector", fromKey.wrapped.vectorsKey());
  }

  @Test
  void theFirstRequestCarriesTheFirstNqQueries() {
    SearchRequest first = SearchRequests.first(search("s").collection("c").vectors(QUERIES).nq(2), milvus());
    assertEquals(QUERIES.placeholderGroup(0, 2), first.getPlaceholderGroup());
    assertEquals(2, first.getNq());
    assertEquals("search(\"s\"): vectors come from the session, so there is no first request",
        assertThrows(IllegalArgumentException.class,
            () -> SearchRequests.first(search("s").collection("c").vectors("vector"), milvus())).getMessage());
  }

  private static String metricSent(MilvusSearchActionBuilder search) {
    SearchRequest request = SearchRequestTemplate.build(search.wrapped, milvus().protocol());
    return request.getSearchParamsList().stream().filter(kv -> kv.getKey().equals("metric_type"))
        .map(KeyValuePair::getValue).findFirst().orElse(null);
  }

  private static void assertIllegal(String message, Executable setter) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, setter).getMessage());
  }
}
