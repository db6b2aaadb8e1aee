package org.milvusbench.lucene.rpc;

import io.milvus.grpc.HybridSearchRequest;
import io.milvus.grpc.IDs;
import io.milvus.grpc.SearchRequest;
import io.milvus.grpc.SearchResultData;
import io.milvus.grpc.SearchResults;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;
import org.milvusbench.lucene.error.MilvusException;
import org.milvusbench.lucene.store.Collection;
import org.milvusbench.lucene.store.Database;
import org.milvusbench.lucene.store.Keys;
import org.milvusbench.lucene.store.SchemaView;
import org.milvusbench.lucene.store.SearcherLease;
import org.milvusbench.lucene.store.VectorMetric;

/**
 * HybridSearch: each sub-request is an ordinary search ({@link SearchRpcs}) of its own field with its
 * own filter, parameters and limit (the request's partitions when it names none); the hits are fused
 * by {@link HybridRank} (RRF or weighted); the output fields are then read for the fused hits, as
 * Milvus's proxy requeries them by primary key. Rerank functions ({@code function_score}: decay, model,
 * ...) and grouping are refused with 3000.
 */
final class HybridSearchRpcs {
  private final SearchRpcs searches;

  HybridSearchRpcs(SearchRpcs searches) {
    this.searches = searches;
  }

  SearchResults search(Database db, HybridSearchRequest request) throws Exception {
    if (request.hasFunctionScore()) {
      throw MilvusException.unsupported("rerank functions (function_score) in hybrid search");
    }
    if (request.hasNamespace()) {
      throw MilvusException.unsupported("namespaces");
    }
    Collection c = db.get(request.getCollectionName());
    if (!c.loaded()) {
      throw MilvusException.collectionNotLoaded(request.getCollectionName());
    }
    if (request.getRequestsCount() == 0) {
      throw MilvusException.invalid("hybrid search needs at least one sub search request");
    }
    HybridRank rank = HybridRank.parse(request.getRankParamsList(), request.getRequestsCount());
    SchemaView schema = c.schema();
    OutputFields outputs = OutputFields.resolve(schema, request.getOutputFieldsList()).withoutPrimaryKey();
    List<SearchResultData> subs = new ArrayList<>();
    List<VectorMetric> metrics = new ArrayList<>();
    for (SearchRequest sub : request.getRequestsList()) {
      SearchRequest.Builder b = sub.toBuilder().setDbName(request.getDbName())
          .setCollectionName(request.getCollectionName()).clearOutputFields();
      if (sub.getPartitionNamesCount() == 0) {
        b.addAllPartitionNames(request.getPartitionNamesList());
      }
      SearchResults r = searches.search(db, b.build());
      subs.add(r.getResults());
      metrics.add(metricOf(c, sub));
    }
    long nq = subs.get(0).getNumQueries();
    if (subs.stream().anyMatch(s -> s.getNumQueries() != nq)) {
      throw MilvusException.invalid("the nq of every sub search request of a hybrid search must be the same");
    }
    SearchResultData.Builder data = SearchResultData.newBuilder().setNumQueries(nq).setTopK(rank.limit)
        .setPrimaryFieldName(schema.primaryName());
    List<Object> keys = new ArrayList<>();
    for (int q = 0; q < nq; q++) {
      List<HybridRank.Hits> perSub = new ArrayList<>();
      for (SearchResultData s : subs) {
        perSub.add(hitsOf(s, q));
      }
      HybridRank.Hits fused = rank.fuse(perSub, metrics);
      keys.addAll(fused.keys());
      data.addTopks(fused.keys().size());
      for (float score : fused.scores()) {
        data.addScores(score);
      }
    }
    Keys all = keysOf(schema, keys);
    data.setIds(KeyColumn.ids(schema.primary(), all));
    KeyColumn ids = new KeyColumn(schema.primary());
    ids.add(all);
    data.addFieldsData(ids.column(schema.primary())).addOutputFields(schema.primaryName());
    if (!outputs.isEmpty()) {
      try (SearcherLease lease = c.acquire()) {
        data.addAllFieldsData(OutputColumns.read(lease.reader(), schema, outputs, docsOf(c, lease, all)));
        data.addAllOutputFields(outputs.names());
      }
    }
    return SearchResults.newBuilder().setStatus(Statuses.OK).setCollectionName(c.name()).setResults(data).build();
  }

  /** The metric the sub-search ran with (its own, else its field's index's), which the weighted fusion needs. */
  private static VectorMetric metricOf(Collection c, SearchRequest sub) {
    SearchParams p = SearchParams.parse(sub.getSearchParamsList());
    return SearchRpcs.metric(p, c.state().indexOf(AnnsField.resolve(p.annsField, c.schema())));
  }

  /** Query {@code q}'s hits of one sub-search's result. */
  private static HybridRank.Hits hitsOf(SearchResultData s, int q) {
    int from = 0;
    for (int i = 0; i < q; i++) {
      from += (int) s.getTopks(i);
    }
    int n = (int) s.getTopks(q);
    IDs ids = s.getIds();
    List<Object> keys = new ArrayList<>(n);
    float[] scores = new float[n];
    for (int i = 0; i < n; i++) {
      keys.add(ids.hasIntId() ? (Object) ids.getIntId().getData(from + i) : ids.getStrId().getData(from + i));
      scores[i] = s.getScores(from + i);
    }
    return new HybridRank.Hits(keys, scores);
  }

  private static Keys keysOf(SchemaView schema, List<Object> keys) {
    if (schema.primary().getDataType() == io.milvus.grpc.DataType.VarChar) {
      return new Keys.Strings(keys.stream().map(String.class::cast).toArray(String[]::new));
    }
    return new Keys.Longs(keys.stream().mapToLong(k -> (Long) k).toArray());
  }

  /**
   * The fused hits' rows, in hit order. A row deleted since its sub-search is missing and fails the
   * request (Milvus's requery would likewise not find it) rather than returning misaligned columns.
   */
  private static int[] docsOf(Collection c, SearcherLease lease, Keys keys) throws java.io.IOException {
    ScoreDoc[] found = lease.searcher().search(keys.rowsWithAny(c.schema().primaryName()),
        Math.max(1, keys.size())).scoreDocs;
    int[] docs = new int[found.length];
    for (int i = 0; i < docs.length; i++) {
      docs[i] = found[i].doc;
    }
    Keys foundKeys = c.primaryKeys(lease.reader(), docs);
    Map<Object, Integer> docOf = new HashMap<>();
    for (int i = 0; i < docs.length; i++) {
      docOf.put(foundKeys.get(i), docs[i]);
    }
    int[] out = new int[keys.size()];
    for (int i = 0; i < out.length; i++) {
      Integer doc = docOf.get(keys.get(i));
      if (doc == null) {
        throw new MilvusException(MilvusException.UNEXPECTED, "hybrid search: row " + keys.get(i)
            + " was deleted while its output fields were read; retry the search");
      }
      out[i] = doc;
    }
    return out;
  }
}
