package org.milvusbench.milvus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The text format's search histogram, summed over collections, and histogram_quantile's answers worked by hand. */
class PromHistogramTest {
  static final String END = """
      # HELP milvus_proxy_sq_latency latency of search or query successfully
      # TYPE milvus_proxy_sq_latency histogram
      milvus_proxy_sq_latency_bucket{collection_name="a",db_name="default",node_id="1",query_type="search",le="1.0"} 10
      milvus_proxy_sq_latency_bucket{collection_name="a",db_name="default",node_id="1",query_type="search",le="2.0"} 20
      milvus_proxy_sq_latency_bucket{collection_name="a",db_name="default",node_id="1",query_type="search",le="4.0"} 40
      milvus_proxy_sq_latency_bucket{collection_name="a",db_name="default",node_id="1",query_type="search",le="8.0"} 50
      milvus_proxy_sq_latency_bucket{collection_name="a",db_name="default",node_id="1",query_type="search",le="+Inf"} 50
      milvus_proxy_sq_latency_bucket{collection_name="b",db_name="default",node_id="1",query_type="search",le="1.0"} 0
      milvus_proxy_sq_latency_bucket{collection_name="b",db_name="default",node_id="1",query_type="search",le="2.0"} 20
      milvus_proxy_sq_latency_bucket{collection_name="b",db_name="default",node_id="1",query_type="search",le="4.0"} 40
      milvus_proxy_sq_latency_bucket{collection_name="b",db_name="default",node_id="1",query_type="search",le="8.0"} 50
      milvus_proxy_sq_latency_bucket{collection_name="b",db_name="default",node_id="1",query_type="search",le="+Inf"} 50
      milvus_proxy_sq_latency_bucket{collection_name="a",db_name="default",node_id="1",query_type="query",le="1.0"} 1000
      milvus_proxy_sq_latency_bucket{collection_name="a",db_name="default",node_id="1",query_type="query",le="+Inf"} 1000
      milvus_proxy_sq_latency_count{collection_name="a",db_name="default",node_id="1",query_type="search"} 50
      milvus_proxy_sq_latency_sum{collection_name="a",db_name="default",node_id="1",query_type="search"} 123.5
      milvus_proxy_sq_wait_result_latency_bucket{node_id="1",query_type="search",le="1.0"} 7
      """;
  static final String BEGIN = """
      milvus_proxy_sq_latency_bucket{collection_name="a",db_name="default",node_id="1",query_type="search",le="1.0"} 5
      milvus_proxy_sq_latency_bucket{collection_name="a",db_name="default",node_id="1",query_type="search",le="2.0"} 10
      milvus_proxy_sq_latency_bucket{collection_name="a",db_name="default",node_id="1",query_type="search",le="4.0"} 20
      milvus_proxy_sq_latency_bucket{collection_name="a",db_name="default",node_id="1",query_type="search",le="8.0"} 25 1700000000000
      milvus_proxy_sq_latency_bucket{collection_name="a",db_name="default",node_id="1",query_type="search",le="+Inf"} 25
      """;
  private static final Map<String, String> SEARCH = Map.of("query_type", "search");

  @Test
  void searchBucketsAreSummedPerLeOverCollectionsAndOtherSeriesAreLeftOut() {
    PromHistogram h = PromText.histogram(END, "milvus_proxy_sq_latency", SEARCH);
    assertEquals(List.of(bucket(1, 10), bucket(2, 40), bucket(4, 80), bucket(8, 100), bucket(Double.POSITIVE_INFINITY, 100)),
        h.buckets());
    assertEquals(100, h.count());
  }

  @Test
  void quantilesInterpolateLinearlyInsideTheirBucket() {
    PromHistogram h = PromText.histogram(END, "milvus_proxy_sq_latency", SEARCH);
    // rank 50 falls in (2, 4] holding 40 with 40 below: 2 + 2 × 10/40.
    assertEquals(2.5, h.quantile(0.50), 1e-9);
    assertEquals(7.0, h.quantile(0.95), 1e-9);   // rank 95 in (4, 8]: 4 + 4 × 15/20
    assertEquals(7.8, h.quantile(0.99), 1e-9);   // 4 + 4 × 19/20
    assertEquals(0.5, h.quantile(0.05), 1e-9);   // first bucket starts at 0: 5/10 of (0, 1]
  }

  @Test
  void aLevelIsTheDifferenceOfItsTwoScrapes() {
    PromHistogram level = PromText.histogram(END, "milvus_proxy_sq_latency", SEARCH)
        .minus(PromText.histogram(BEGIN, "milvus_proxy_sq_latency", SEARCH));
    assertEquals(List.of(bucket(1, 5), bucket(2, 30), bucket(4, 60), bucket(8, 75), bucket(Double.POSITIVE_INFINITY, 75)),
        level.buckets());
    assertEquals(2.5, level.quantile(0.50), 1e-9);  // rank 37.5 in (2, 4]: 2 + 2 × 7.5/30
    assertEquals(7.0, level.quantile(0.95), 1e-9);  // rank 71.25 in (4, 8]: 4 + 4 × 11.25/15
  }

  @Test
  void aRankInTheInfBucketIsTheHighestFiniteBoundAndNothingObservedIsNaN() {
    PromHistogram slow = new PromHistogram(List.of(bucket(1, 0), bucket(2, 1), bucket(Double.POSITIVE_INFINITY, 10)));
    assertEquals(2, slow.quantile(0.99));
    PromHistogram empty = new PromHistogram(List.of(bucket(1, 0), bucket(Double.POSITIVE_INFINITY, 0)));
    assertTrue(Double.isNaN(empty.quantile(0.5)));
    assertTrue(Double.isNaN(PromText.histogram(END, "no_such_metric", SEARCH).quantile(0.5)));
  }

  @Test
  void aCounterResetTakesTheLaterScrapeWhole() {
    PromHistogram later = PromText.histogram(BEGIN, "milvus_proxy_sq_latency", SEARCH);
    PromHistogram earlier = PromText.histogram(END, "milvus_proxy_sq_latency", SEARCH);
    assertEquals(later, later.minus(earlier));
  }

  private static PromHistogram.Bucket bucket(double le, double count) {
    return new PromHistogram.Bucket(le, count);
  }
}
