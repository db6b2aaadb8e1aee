package org.milvusbench.gatling;

import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.Session;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.milvusbench.gatling.core.Metric;
import org.milvusbench.gatling.core.QueryVectors;
import org.milvusbench.gatling.core.SearchObserver;
import org.milvusbench.gatling.core.StartSchedule;
import org.milvusbench.gatling.internal.SearchActionGlue;

/**
 * Immutable builder of a Milvus vector search; every setter returns a new builder. Start from
 * {@link MilvusDsl#search(String)}.
 *
 * <pre>{@code
 * search("search").collection("benchmark_concurrent").annsField("embedding")
 *     .vectors(QueryVectors.uniform(1000, 768, 42)).topK(10).ef(64).metric("L2")
 * }</pre>
 *
 * The request is built once per action from these settings; per request only the query vectors
 * change.
 */
public final class MilvusSearchActionBuilder implements ActionBuilder {
  /** Default number of results per query (the reference's {@code limit=10}). */
  public static final int DEFAULT_TOP_K = 10;

  final String requestName;
  final String collection;
  final String annsField;
  final QueryVectors queries;
  final String vectorsKey;
  final Function<Session, float[]> vectorsFunction;
  final int topK;
  final int nq;
  final Map<String, Object> searchParams;
  final Metric metric;
  final String filter;
  final List<String> outputFields;
  final SearchObserver observer;
  final StartSchedule schedule;
  final boolean silent;

  MilvusSearchActionBuilder(String requestName) {
    this(requestName, null, null, null, null, null, DEFAULT_TOP_K, 1, Map.of(), null, null, List.of(),
        SearchObserver.NONE, StartSchedule.AT_SEND, false);
  }

  private MilvusSearchActionBuilder(String requestName, String collection, String annsField, QueryVectors queries,
      String vectorsKey, Function<Session, float[]> vectorsFunction, int topK, int nq, Map<String, Object> searchParams,
      Metric metric, String filter, List<String> outputFields, SearchObserver observer, StartSchedule schedule,
      boolean silent) {
    if (requestName == null || requestName.isBlank()) {
      throw new IllegalArgumentException("search: request name is empty");
    }
    this.requestName = requestName;
    this.collection = collection;
    this.annsField = annsField;
    this.queries = queries;
    this.vectorsKey = vectorsKey;
    this.vectorsFunction = vectorsFunction;
    this.topK = topK;
    this.nq = nq;
    this.searchParams = searchParams;
    this.metric = metric;
    this.filter = filter;
    this.outputFields = outputFields;
    this.observer = observer;
    this.schedule = schedule;
    this.silent = silent;
  }

  private MilvusSearchActionBuilder with(String collection, String annsField, QueryVectors queries, String vectorsKey,
      Function<Session, float[]> vectorsFunction, int topK, int nq, Map<String, Object> searchParams, Metric metric,
      String filter, List<String> outputFields, SearchObserver observer, StartSchedule schedule, boolean silent) {
    return new MilvusSearchActionBuilder(requestName, collection, annsField, queries, vectorsKey, vectorsFunction,
        topK, nq, searchParams, metric, filter, outputFields, observer, schedule, silent);
  }

  /** Collection to search (required). */
  public MilvusSearchActionBuilder collection(String collection) {
    return with(Objects.requireNonNull(collection, "collection"), annsField, queries, vectorsKey, vectorsFunction,
        topK, nq, searchParams, metric, filter, outputFields, observer, schedule, silent);
  }

  /** Vector field to search; default: not sent (the server uses the collection's only vector field). */
  public MilvusSearchActionBuilder annsField(String annsField) {
    return with(collection, annsField, queries, vectorsKey, vectorsFunction, topK, nq, searchParams, metric, filter,
        outputFields, observer, schedule, silent);
  }

  /** Query vectors from a prepared set, round-robin; with ground truth, observers can score recall. */
  public MilvusSearchActionBuilder vectors(QueryVectors queries) {
    return with(collection, annsField, Objects.requireNonNull(queries, "queries"), null, null, topK, nq, searchParams,
        metric, filter, outputFields, observer, schedule, silent);
  }

  /**
   * Query vector from a session attribute (e.g. a feeder column): a {@code float[]} or a list of
   * numbers. Encoded per request. With nq &gt; 1 every query uses this vector.
   */
  public MilvusSearchActionBuilder vectors(String sessionKey) {
    return with(collection, annsField, null, Objects.requireNonNull(sessionKey, "sessionKey"), null, topK, nq,
        searchParams, metric, filter, outputFields, observer, schedule, silent);
  }

  /** Query vector computed from the session. Encoded per request. */
  public MilvusSearchActionBuilder vectors(Function<Session, float[]> vectors) {
    return with(collection, annsField, null, null, Objects.requireNonNull(vectors, "vectors"), topK, nq, searchParams,
        metric, filter, outputFields, observer, schedule, silent);
  }

  /** Results per query ({@code limit}). Default {@value #DEFAULT_TOP_K}. */
  public MilvusSearchActionBuilder topK(int topK) {
    if (topK < 1) {
      throw new IllegalArgumentException("topK: " + topK + " is not a positive integer");
    }
    return with(collection, annsField, queries, vectorsKey, vectorsFunction, topK, nq, searchParams, metric, filter,
        outputFields, observer, schedule, silent);
  }

  /** Queries per request (Milvus {@code nq}). Default 1. */
  public MilvusSearchActionBuilder nq(int nq) {
    if (nq < 1) {
      throw new IllegalArgumentException("nq: " + nq + " is not a positive integer");
    }
    return with(collection, annsField, queries, vectorsKey, vectorsFunction, topK, nq, searchParams, metric, filter,
        outputFields, observer, schedule, silent);
  }

  /** HNSW search breadth: shorthand for {@code searchParam("ef", ef)}. Default: not sent (server default). */
  public MilvusSearchActionBuilder ef(int ef) {
    if (ef < 1) {
      throw new IllegalArgumentException("ef: " + ef + " is not a positive integer");
    }
    return searchParam("ef", ef);
  }

  /** One index search parameter, sent inside the {@code params} JSON (e.g. {@code nprobe}). Default none ({@code {}}). */
  public MilvusSearchActionBuilder searchParam(String key, Object value) {
    Map<String, Object> params = new LinkedHashMap<>(searchParams);
    params.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return with(collection, annsField, queries, vectorsKey, vectorsFunction, topK, nq, Map.copyOf(params), metric,
        filter, outputFields, observer, schedule, silent);
  }

  /** Metric the search ranks by; null = not sent. Default: not sent (the index's metric). */
  public MilvusSearchActionBuilder metric(Metric metric) {
    return with(collection, annsField, queries, vectorsKey, vectorsFunction, topK, nq, searchParams, metric, filter,
        outputFields, observer, schedule, silent);
  }

  /**
   * Metric by name: {@code L2}, {@code IP} or {@code COSINE}, in any case; null = not sent. Default:
   * not sent (the index's metric).
   *
   * @throws IllegalArgumentException naming the allowed values, for any other name
   */
  public MilvusSearchActionBuilder metric(String metric) {
    return metric(metric == null ? null : Metric.of(metric));
  }

  /** Boolean filter expression, e.g. {@code category == "B"}; default none. */
  public MilvusSearchActionBuilder filter(String filter) {
    return with(collection, annsField, queries, vectorsKey, vectorsFunction, topK, nq, searchParams, metric,
        filter == null || filter.isBlank() ? null : filter, outputFields, observer, schedule, silent);
  }

  /** Scalar fields to return with each hit; default none (ids and distances only). */
  public MilvusSearchActionBuilder outputFields(String... fields) {
    return with(collection, annsField, queries, vectorsKey, vectorsFunction, topK, nq, searchParams, metric, filter,
        List.of(fields), observer, schedule, silent);
  }

  /** Also report every completed request to {@code observer} (latency histograms, recall). Default none. */
  public MilvusSearchActionBuilder observer(SearchObserver observer) {
    return with(collection, annsField, queries, vectorsKey, vectorsFunction, topK, nq, searchParams, metric, filter,
        outputFields, Objects.requireNonNull(observer, "observer"), schedule, silent);
  }

  /** Measure latency from an intended start (open model, coordinated omission). Default: from the send time. */
  public MilvusSearchActionBuilder startSchedule(StartSchedule schedule) {
    return with(collection, annsField, queries, vectorsKey, vectorsFunction, topK, nq, searchParams, metric, filter,
        outputFields, observer, Objects.requireNonNull(schedule, "schedule"), silent);
  }

  /** Send, but log nothing to Gatling's statistics (warm-up). The observer is still called. */
  public MilvusSearchActionBuilder silent() {
    return with(collection, annsField, queries, vectorsKey, vectorsFunction, topK, nq, searchParams, metric, filter,
        outputFields, observer, schedule, true);
  }

  @Override
  public io.gatling.core.action.builder.ActionBuilder asScala() {
    if (collection == null) {
      throw new IllegalStateException("search(\"" + requestName + "\"): no collection (call .collection(name))");
    }
    if (queries == null && vectorsKey == null && vectorsFunction == null) {
      throw new IllegalStateException("search(\"" + requestName + "\"): no query vectors (call .vectors(...))");
    }
    return new SearchActionGlue(this);
  }

  // Read by the internal glue (same values the public setters took).
  public String requestName() { return requestName; }
  public String collection() { return collection; }
  public String annsField() { return annsField; }
  public QueryVectors queries() { return queries; }
  public String vectorsKey() { return vectorsKey; }
  public Function<Session, float[]> vectorsFunction() { return vectorsFunction; }
  public int topK() { return topK; }
  public int nq() { return nq; }
  public Map<String, Object> searchParams() { return searchParams; }
  public Metric metric() { return metric; }
  public String filter() { return filter; }
  public List<String> outputFields() { return outputFields; }
  public SearchObserver observer() { return observer; }
  public StartSchedule schedule() { return schedule; }
  public boolean isSilent() { return silent; }
}
