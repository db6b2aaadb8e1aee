package org.milvusbench.gatling;

import io.gatling.javaapi.core.Session;
import java.util.List;
import java.util.function.Function;
import org.milvusbench.gatling.core.ConsistencyLevel;
import org.milvusbench.gatling.core.Metric;
import org.milvusbench.gatling.core.QueryVectors;
import org.milvusbench.gatling.core.SearchObserver;
import org.milvusbench.gatling.internal.SearchActionGlue;
import org.milvusbench.gatling.internal.SearchSpec;

/**
 * DSL for a Milvus vector search. Start from {@link MilvusDsl#search(String)}:
 *
 * <pre>{@code
 * search("search").collection("benchmark_concurrent").annsField("embedding")
 *     .vectors(uniformQueryVectors(1000, 768, 42)).topK(10).ef(64).metric(Metric.L2)
 * }</pre>
 *
 * <p>Immutable, so every method returns a new builder and leaves this one unmodified. The request
 * is built once per action from these settings; per request only the query vectors change.
 */
public final class MilvusSearchActionBuilder
    extends MilvusActionBuilder<MilvusSearchActionBuilder, SearchSpec, SearchObserver> {
  /** Default number of results per query (the reference's {@code limit=10}). */
  public static final int DEFAULT_TOP_K = SearchSpec.DEFAULT_TOP_K;

  MilvusSearchActionBuilder(SearchSpec wrapped) {
    super(wrapped, MilvusSearchActionBuilder::new);
  }

  /** Sets the vector field to search. Default: not sent (the server uses the collection's only vector field). */
  public MilvusSearchActionBuilder annsField(String annsField) {
    return make(s -> s.withAnnsField(annsField));
  }

  /**
   * Takes the query vectors from a prepared set, round-robin across all users; with ground truth,
   * observers can score recall. Replaces any earlier {@code vectors(...)}. Required: one of the
   * {@code vectors} methods, no default.
   */
  public MilvusSearchActionBuilder vectors(QueryVectors queries) {
    return make(s -> s.withQueries(queries));
  }

  /**
   * Takes the query vector from a session attribute (e.g. a feeder column): a {@code float[]} or a
   * list of numbers, encoded per request; with nq &gt; 1 every query uses this vector. Replaces any
   * earlier {@code vectors(...)}. Required: one of the {@code vectors} methods, no default.
   */
  public MilvusSearchActionBuilder vectors(String sessionKey) {
    return make(s -> s.withVectorsKey(sessionKey));
  }

  /**
   * Computes the query vector from the session, encoded per request. Replaces any earlier {@code
   * vectors(...)}. Required: one of the {@code vectors} methods, no default.
   */
  public MilvusSearchActionBuilder vectors(Function<Session, float[]> vectors) {
    return make(s -> s.withVectorsFunction(vectors));
  }

  /** Sets the results per query ({@code limit}), a positive integer. Default {@value #DEFAULT_TOP_K}. */
  public MilvusSearchActionBuilder topK(int topK) {
    return make(s -> s.withTopK(topK));
  }

  /** Sets the queries per request (Milvus {@code nq}), a positive integer. Default 1. */
  public MilvusSearchActionBuilder nq(int nq) {
    return make(s -> s.withNq(nq));
  }

  /**
   * Sets the HNSW search breadth, a positive integer: shorthand for {@code searchParam("ef", ef)}.
   * Default: not sent (the server's default).
   */
  public MilvusSearchActionBuilder ef(int ef) {
    return make(s -> s.withEf(ef));
  }

  /**
   * Adds (or replaces) one index search parameter, sent inside the {@code params} JSON in the order
   * set (e.g. {@code nprobe}). Default none ({@code {}}).
   */
  public MilvusSearchActionBuilder searchParam(String key, Object value) {
    return make(s -> s.withSearchParam(key, value));
  }

  /** Sets the metric the search ranks by; null = not sent. Default: not sent (the index's metric). */
  public MilvusSearchActionBuilder metric(Metric metric) {
    return make(s -> s.withMetric(metric));
  }

  /**
   * Sets the metric by name: {@code L2}, {@code IP} or {@code COSINE}, in any case; null = not sent.
   * Default: not sent (the index's metric).
   *
   * @throws IllegalArgumentException naming the allowed values, for any other name
   */
  public MilvusSearchActionBuilder metric(String metric) {
    return metric(metric == null ? null : Metric.of(metric));
  }

  /** Sets a boolean filter expression, e.g. {@code category == "B"}; null or blank = none. Default none. */
  public MilvusSearchActionBuilder filter(String filter) {
    return make(s -> s.withFilter(filter));
  }

  /** Sets the scalar fields returned with each hit. Default none (ids and distances only). */
  public MilvusSearchActionBuilder outputFields(String... fields) {
    return make(s -> s.withOutputFields(List.of(fields)));
  }

  /**
   * Sets the consistency level; null = the collection's. Default: not sent (the collection's, as
   * MilvusClientV2 sends a search without one).
   */
  public MilvusSearchActionBuilder consistencyLevel(ConsistencyLevel level) {
    return make(s -> s.withConsistency(level));
  }

  /**
   * Hands the search to Gatling.
   *
   * @throws IllegalStateException if the collection or the query vectors were not set
   */
  @Override
  public io.gatling.core.action.builder.ActionBuilder asScala() {
    return new SearchActionGlue(wrapped.requireComplete());
  }
}
