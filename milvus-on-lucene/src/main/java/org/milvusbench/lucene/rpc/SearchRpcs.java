package org.milvusbench.lucene.rpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.milvus.grpc.PlaceholderGroup;
import io.milvus.grpc.PlaceholderType;
import io.milvus.grpc.PlaceholderValue;
import io.milvus.grpc.SearchRequest;
import io.milvus.grpc.SearchResultData;
import io.milvus.grpc.SearchResults;
import java.nio.ByteOrder;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Weight;
import org.milvusbench.lucene.error.MilvusException;
import org.milvusbench.lucene.expr.FilterCompiler;
import org.milvusbench.lucene.store.Collection;
import org.milvusbench.lucene.store.Database;
import org.milvusbench.lucene.store.GraphSpec;
import org.milvusbench.lucene.store.Partitions;
import org.milvusbench.lucene.store.SearcherLease;
import org.milvusbench.lucene.store.CollectionState.IndexJson;
import org.milvusbench.lucene.store.SchemaView;
import org.milvusbench.lucene.store.VectorMetric;
import org.milvusbench.lucene.store.ValueFilter;
import org.milvusbench.lucene.store.VectorRange;
import org.milvusbench.lucene.store.VectorSearch;
import org.milvusbench.lucene.store.VectorSearch.Hits;

/**
 * Vector search (nq ≥ 1) in Milvus's layout: per query {@code topks[i]} hits, ids and scores
 * concatenated best-first (L2 = squared distance ascending, IP / COSINE descending), output fields as
 * columns. A hot path: no logging, one pass per query.
 */
final class SearchRpcs {
  static final int MAX_TOPK = 16384;
  private final IteratorSessions sessions;

  SearchRpcs(IteratorSessions sessions) {
    this.sessions = sessions;
  }

  /**
   * Knowhere's HNSW rule (src/index/hnsw/hnsw_config.h, CheckAndAdjustForSearch): a search without
   * {@code ef} explores {@code max(k, 16)} candidates, and an {@code ef} below k is an error. With
   * {@code ef = k}, a {@code limit(1)} search explored one candidate and missed rows a {@code limit(10)}
   * search ranked first.
   */
  static final int MIN_DEFAULT_EF = 16;
  static final int MAX_NQ = 16384;
  SearchResults search(Database db, SearchRequest request) throws Exception {
    Collection c = db.get(request.getCollectionName());
    if (!c.loaded()) {
      throw MilvusException.collectionNotLoaded(request.getCollectionName());
    }
    RequestSupport.checkSearch(request);
    SchemaView schema = c.schema();
    SearchParams p = SearchParams.parse(request.getSearchParamsList());
    boolean iterator = IteratorParams.searchIterator(request.getSearchParamsList(), c);
    SearchIteratorV2 v2 = SearchIteratorV2.parse(request.getSearchParamsList(), iterator, p);
    if (iterator && (p.topK < 1 || p.topK > MAX_TOPK)) {
      p.topK = MAX_TOPK; // parseSearchInfo: "the iterator can resolve too large topK problem"
    }
    checkLimits(p, schema);
    String field = AnnsField.resolve(p.annsField, schema);
    float[][] queries = queries(request.getPlaceholderGroup(), field, schema.dim(field));
    if (v2 != null) {
      v2.checkQueries(queries.length);
    }
    OutputFields outputs = OutputFields.resolve(schema, request.getOutputFieldsList()).withoutPrimaryKey();
    Query filter = request.getDsl().isBlank() ? null
        : FilterCompiler.compile(schema, request.getDsl(), request.getExprTemplateValuesMap());
    filter = Partitions.and(filter, c.partitions().readRestriction(request.getPartitionNamesList()));
    IndexJson index = c.state().indexOf(field);
    VectorMetric metric = metric(p, index);
    SearchResultData.Builder data = SearchResultData.newBuilder()
        .setNumQueries(queries.length).setTopK(p.topK).setPrimaryFieldName(schema.primaryName());
    KeyColumn ids = new KeyColumn(schema.primary());
    IteratorSessions.Read read = iterator ? sessions.begin(c, request.getGuaranteeTimestamp()) : null;
    try (SearcherLease lease = c.acquire()) {
      int[] docs = searchAll(c, lease, field, index, queries, p, v2, filter, metric, data, ids, !outputs.isEmpty());
      // Like Milvus, the primary key is always an output column (the Node SDK reads ids from it).
      data.addFieldsData(ids.column(schema.primary()));
      data.addOutputFields(schema.primaryName());
      if (!outputs.isEmpty()) {
        data.addAllFieldsData(OutputColumns.read(lease.reader(), schema, outputs, docs));
        data.addAllOutputFields(outputs.names());
      }
    }
    data.setIds(ids.ids());
    if (v2 != null) {
      data.setSearchIteratorV2Results(v2.results(data));
    }
    SearchResults.Builder out = SearchResults.newBuilder().setStatus(Statuses.OK).setCollectionName(c.name());
    if (read != null) {
      out.setSessionTs(sessions.finish(read));
    }
    return out.setResults(data).build();
  }

  /** Milvus's limits on topK and offset. */
  private static void checkLimits(SearchParams p, SchemaView schema) {
    if (p.topK < 1 || p.topK > MAX_TOPK) {
      throw MilvusException.invalid("topk [" + p.topK + "] is invalid, it should be in range [1, " + MAX_TOPK
          + "], but got " + p.topK);
    }
    if (p.offset < 0 || p.topK + p.offset > MAX_TOPK) {
      throw MilvusException.invalid("topk+offset [" + (p.topK + p.offset) + "] is invalid, it should be in range [1, "
          + MAX_TOPK + "], but got " + (p.topK + p.offset));
    }
  }

  /** The metric asked for, which must be the index's when there is one; COSINE without either. */
  static VectorMetric metric(SearchParams p, IndexJson index) {
    VectorMetric indexMetric = index == null ? null : VectorMetric.parse(index.params().get("metric_type"));
    if (p.metric.isEmpty()) {
      return indexMetric == null ? VectorMetric.COSINE : indexMetric;
    }
    VectorMetric asked = VectorMetric.parse(p.metric);
    if (indexMetric != null && asked != indexMetric) {
      throw MilvusException.invalid("metric type not match: invalid parameter[expected=" + indexMetric
          + "][actual=" + asked + "]");
    }
    return asked;
  }

  /**
   * Searches every query (graph when the index can serve the metric, else exact), appending ids,
   * scores and per-query counts to {@code data}; returns the hits' doc ids in order when {@code keepDocs}
   * (to read output fields), else null.
   */
  private static int[] searchAll(Collection c, SearcherLease lease, String field, IndexJson index, float[][] queries,
      SearchParams p, SearchIteratorV2 v2, Query filter, VectorMetric metric, SearchResultData.Builder data, KeyColumn ids, boolean keepDocs)
      throws Exception {
    int k = p.topK + p.offset;
    VectorRange range = range(p, metric);
    // A range search scans exactly: Lucene's graph search yields the k nearest, not the k best inside a
    // band, so hits beyond range_filter would crowd out those in range. The scan returns the band's true
    // top k, which Milvus's HNSW range search approximates.
    // A v2 iterator's batch is the next rows past a bound: found by the same exact scan.
    ValueFilter keep = v2 == null ? range : v2.keep(range, metric);
    GraphSpec graph = lease.graphs().of(field);
    boolean useGraph = keep == null && graph != null && index != null && graph.metric() == metric
        && !"FLAT".equals(index.params().get("index_type"));
    if (useGraph && p.ef >= 0 && p.ef < k) {
      throw MilvusException.invalid("ef(" + p.ef + ") should be larger than k(" + k + ")");
    }
    int ef = p.ef < 0 ? Math.max(k, MIN_DEFAULT_EF) : p.ef;
    Weight exactFilter = useGraph ? null : VectorSearch.filterWeight(lease.searcher(), filter);
    SchemaView schema = c.schema();
    int[] allDocs = keepDocs ? new int[queries.length * p.topK] : null;
    int hitsSoFar = 0;
    for (float[] q : queries) {
      Hits hits = useGraph
          ? VectorSearch.graph(lease.searcher(), field, q, k, ef, filter, metric)
          : VectorSearch.exact(lease.searcher(), schema, field, q, k, exactFilter, metric, keep);
      int from = Math.min(p.offset, hits.docs().length);
      int[] docs = java.util.Arrays.copyOfRange(hits.docs(), from, hits.docs().length);
      ids.add(c.primaryKeys(lease.reader(), docs));
      for (int i = 0; i < docs.length; i++) {
        data.addScores(round(hits.values()[from + i], p.roundDecimal));
        if (allDocs != null) {
          allDocs[hitsSoFar + i] = docs[i];
        }
      }
      hitsSoFar += docs.length;
      data.addTopks(docs.length);
    }
    return allDocs == null ? null : java.util.Arrays.copyOf(allDocs, hitsSoFar);
  }

  /** The range search's band, or null; {@code range_filter} alone asks for nothing Milvus would do. */
  private static VectorRange range(SearchParams p, VectorMetric metric) {
    if (p.radius == null) {
      if (p.rangeFilter != null) {
        throw MilvusException.invalid("range_filter(" + p.rangeFilter + ") needs radius: set radius for a range search");
      }
      return null;
    }
    return new VectorRange(p.radius, p.rangeFilter, metric);
  }

  private static float round(float v, int decimals) {
    if (decimals < 0) {
      return v;
    }
    double scale = Math.pow(10, decimals);
    return (float) (Math.round(v * scale) / scale);
  }

  /** The placeholder group's float vectors (little-endian float32, as every SDK sends them). */
  private static float[][] queries(ByteString group, String field, int dim) {
    PlaceholderGroup pg;
    try {
      pg = PlaceholderGroup.parseFrom(group);
    } catch (InvalidProtocolBufferException e) {
      throw MilvusException.invalid("placeholder group is not a valid PlaceholderGroup protobuf");
    }
    if (pg.getPlaceholdersCount() != 1) {
      throw MilvusException.invalid("expected one placeholder with the query vectors, got " + pg.getPlaceholdersCount());
    }
    PlaceholderValue pv = pg.getPlaceholders(0);
    if (pv.getType() != PlaceholderType.FloatVector) {
      throw MilvusException.invalid("search vectors of type " + pv.getType() + " are not supported; the field "
          + field + " is FloatVector");
    }
    int n = pv.getValuesCount();
    if (n == 0 || n > MAX_NQ) {
      // Milvus's limit (proxy.maxNq); without it a hostile nq × topK allocates without bound.
      throw MilvusException.invalid("nq [" + n + "] is invalid, nq (number of search vector per search request) should be in range [1, "
          + MAX_NQ + "]");
    }
    int expectedBytes = dim * Float.BYTES;
    float[][] out = new float[n][dim];
    for (int i = 0; i < n; i++) {
      ByteString bytes = pv.getValues(i);
      if (bytes.size() != expectedBytes) {
        throw MilvusException.invalid("vector dimension mismatch, expected vector size(byte) " + expectedBytes
            + ", actual " + bytes.size() + " (dim " + dim + " expected, got " + bytes.size() / Float.BYTES + ")");
      }
      bytes.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out[i]);
    }
    return out;
  }
}
