package org.milvusbench.gatling.internal;

import io.gatling.javaapi.core.Session;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.milvusbench.gatling.core.ConsistencyLevel;
import org.milvusbench.gatling.core.Metric;
import org.milvusbench.gatling.core.QueryVectors;
import org.milvusbench.gatling.core.SearchObserver;

/**
 * Everything a search action is built from: the one value the public {@code
 * MilvusSearchActionBuilder} wraps, and what the action, its request template and its glue read.
 * Every {@code with...} returns a copy with one setting changed. The checks live here (values as
 * they are set, completeness when the action is built), so their messages do not depend on the
 * way a spec was put together.
 *
 * <p>Exactly one of {@code queries}, {@code vectorsKey}, {@code vectorsFunction} is set once the
 * vectors are given: each {@code with} of one clears the other two.
 *
 * @param base name, collection, observer, schedule, silence; its kind is {@code SEARCH}
 * @param annsField the vector field; null = not sent (the collection's only vector field)
 * @param queries a prepared query set, handed out round-robin; or null
 * @param vectorsKey the session attribute holding the query vector; or null
 * @param vectorsFunction computes the query vector from the session; or null
 * @param topK results per query ({@code limit}), at least 1
 * @param nq queries per request, at least 1
 * @param searchParams index search parameters for the {@code params} JSON, in the order set; unmodifiable
 * @param metric the metric; null = not sent (the index's metric)
 * @param filter a boolean expression; null = none
 * @param outputFields scalar fields returned with each hit; unmodifiable
 * @param consistency the consistency level; null = the collection's (MilvusClientV2's default)
 */
public record SearchSpec(
    ActionSpec<SearchObserver> base,
    String annsField,
    QueryVectors queries,
    String vectorsKey,
    Function<Session, float[]> vectorsFunction,
    int topK,
    int nq,
    Map<String, Object> searchParams,
    Metric metric,
    String filter,
    List<String> outputFields,
    ConsistencyLevel consistency) implements ActionSpec.Holder<SearchSpec, SearchObserver> {

  /** Results per query unless set (the reference's {@code limit=10}). */
  public static final int DEFAULT_TOP_K = 10;

  public SearchSpec {
    Objects.requireNonNull(base, "base");
    if (topK < 1) {
      throw new IllegalArgumentException("topK: " + topK + " is not a positive integer");
    }
    if (nq < 1) {
      throw new IllegalArgumentException("nq: " + nq + " is not a positive integer");
    }
  }

  /** A search named {@code requestName} with the defaults: nothing set but top-k {@value #DEFAULT_TOP_K}, nq 1. */
  public static SearchSpec named(String requestName) {
    return new SearchSpec(ActionSpec.named(ActionSpec.Kind.SEARCH, requestName, SearchObserver.NONE), null, null, null,
        null, DEFAULT_TOP_K, 1, Map.of(), null, null, List.of(), null);
  }

  @Override
  public SearchSpec withBase(ActionSpec<SearchObserver> base) {
    return new SearchSpec(base, annsField, queries, vectorsKey, vectorsFunction, topK, nq, searchParams, metric, filter,
        outputFields, consistency);
  }

  public SearchSpec withAnnsField(String annsField) {
    return new SearchSpec(base, annsField, queries, vectorsKey, vectorsFunction, topK, nq, searchParams, metric, filter,
        outputFields, consistency);
  }

  public SearchSpec withQueries(QueryVectors queries) {
    return new SearchSpec(base, annsField, Objects.requireNonNull(queries, "queries"), null, null, topK, nq,
        searchParams, metric, filter, outputFields, consistency);
  }

  public SearchSpec withVectorsKey(String sessionKey) {
    return new SearchSpec(base, annsField, null, Objects.requireNonNull(sessionKey, "sessionKey"), null, topK, nq,
        searchParams, metric, filter, outputFields, consistency);
  }

  public SearchSpec withVectorsFunction(Function<Session, float[]> vectors) {
    return new SearchSpec(base, annsField, null, null, Objects.requireNonNull(vectors, "vectors"), topK, nq,
        searchParams, metric, filter, outputFields, consistency);
  }

  public SearchSpec withTopK(int topK) {
    return new SearchSpec(base, annsField, queries, vectorsKey, vectorsFunction, topK, nq, searchParams, metric, filter,
        outputFields, consistency);
  }

  public SearchSpec withNq(int nq) {
    return new SearchSpec(base, annsField, queries, vectorsKey, vectorsFunction, topK, nq, searchParams, metric, filter,
        outputFields, consistency);
  }

  /** Adds or replaces one search parameter; earlier ones keep their place. */
  public SearchSpec withSearchParam(String key, Object value) {
    Map<String, Object> params = new LinkedHashMap<>(searchParams);
    params.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return new SearchSpec(base, annsField, queries, vectorsKey, vectorsFunction, topK, nq,
        Collections.unmodifiableMap(params), metric, filter, outputFields, consistency);
  }

  /** HNSW search breadth: the search parameter {@code ef}, at least 1. */
  public SearchSpec withEf(int ef) {
    if (ef < 1) {
      throw new IllegalArgumentException("ef: " + ef + " is not a positive integer");
    }
    return withSearchParam("ef", ef);
  }

  public SearchSpec withMetric(Metric metric) {
    return new SearchSpec(base, annsField, queries, vectorsKey, vectorsFunction, topK, nq, searchParams, metric, filter,
        outputFields, consistency);
  }

  /** A blank filter is none. */
  public SearchSpec withFilter(String filter) {
    return new SearchSpec(base, annsField, queries, vectorsKey, vectorsFunction, topK, nq, searchParams, metric,
        filter == null || filter.isBlank() ? null : filter, outputFields, consistency);
  }

  public SearchSpec withOutputFields(List<String> outputFields) {
    return new SearchSpec(base, annsField, queries, vectorsKey, vectorsFunction, topK, nq, searchParams, metric, filter,
        List.copyOf(outputFields), consistency);
  }

  public SearchSpec withConsistency(ConsistencyLevel consistency) {
    return new SearchSpec(base, annsField, queries, vectorsKey, vectorsFunction, topK, nq, searchParams, metric, filter,
        outputFields, consistency);
  }

  /**
   * This spec, if an action can be built from it.
   *
   * @throws IllegalStateException naming the search and the missing setting
   */
  public SearchSpec requireComplete() {
    base.requireCollection();
    if (queries == null && vectorsKey == null && vectorsFunction == null) {
      throw new IllegalStateException(base.label() + ": no query vectors (call .vectors(...))");
    }
    return this;
  }
}
