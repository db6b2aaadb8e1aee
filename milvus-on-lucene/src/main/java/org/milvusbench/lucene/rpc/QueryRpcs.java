package org.milvusbench.lucene.rpc;

import io.milvus.grpc.DataType;
import io.milvus.grpc.FieldData;
import io.milvus.grpc.FieldSchema;
import io.milvus.grpc.KeyValuePair;
import io.milvus.grpc.LongArray;
import io.milvus.grpc.QueryRequest;
import io.milvus.grpc.QueryResults;
import io.milvus.grpc.ScalarField;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.LongField;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TopDocs;
import org.milvusbench.lucene.error.MilvusException;
import org.milvusbench.lucene.expr.FilterCompiler;
import org.milvusbench.lucene.store.Collection;
import org.milvusbench.lucene.store.SearcherLease;
import org.milvusbench.lucene.store.CollectionStore;
import org.milvusbench.lucene.store.SchemaView;

/**
 * Query by filter (ids become {@code pk in [...]} in the clients): rows ordered by primary key with
 * limit / offset, or {@code count(*)} returned as a one-row Int64 column named {@code count(*)}.
 */
final class QueryRpcs {
  static final String COUNT = "count(*)";
  private static final int MAX_WINDOW = 16384;
  private final CollectionStore store;

  QueryRpcs(CollectionStore store) {
    this.store = store;
  }

  QueryResults query(QueryRequest request) throws Exception {
    Collection c = store.get(request.getCollectionName());
    if (!c.loaded()) {
      throw MilvusException.collectionNotLoaded(request.getCollectionName());
    }
    SchemaView schema = c.schema();
    long limit = -1;
    long offset = 0;
    for (KeyValuePair kv : request.getQueryParamsList()) {
      if (kv.getKey().equals("limit")) {
        limit = parseLong("limit", kv.getValue());
      } else if (kv.getKey().equals("offset")) {
        offset = parseLong("offset", kv.getValue());
      }
    }
    Query filter = FilterCompiler.compile(schema, request.getExpr());
    QueryResults.Builder out = QueryResults.newBuilder().setStatus(Statuses.OK).setCollectionName(c.name())
        .setPrimaryFieldName(schema.primaryName());
    boolean count = request.getOutputFieldsList().stream().anyMatch(f -> f.trim().equalsIgnoreCase(COUNT));
    if (count) {
      if (request.getOutputFieldsCount() != 1) {
        throw MilvusException.invalid("count entities with pagination or other output fields is not allowed: "
            + request.getOutputFieldsList());
      }
      long n;
      try (SearcherLease lease = c.acquire()) {
        n = lease.searcher().count(filter);
      }
      return out.addFieldsData(FieldData.newBuilder().setFieldName(COUNT).setType(DataType.Int64)
              .setScalars(ScalarField.newBuilder().setLongData(LongArray.newBuilder().addData(n))))
          .addOutputFields(COUNT).build();
    }
    if (request.getExpr().isBlank() && limit < 0) {
      throw MilvusException.invalid("empty expression should be used with limit");
    }
    if (limit > MAX_WINDOW || offset + Math.max(limit, 0) > MAX_WINDOW) {
      throw MilvusException.invalid("invalid max query result window, (offset+limit) should be in range [1, "
          + MAX_WINDOW + "], but got " + (offset + limit));
    }
    List<String> names = new ArrayList<>(request.getOutputFieldsList());
    if (!names.contains(schema.primaryName())) {
      names.add(0, schema.primaryName());
    }
    List<FieldSchema> outputs = OutputColumns.resolve(schema, names);
    try (SearcherLease lease = c.acquire()) {
      int window = (int) Math.min(limit < 0 ? Math.max(1, lease.reader().numDocs()) : offset + limit,
          Integer.MAX_VALUE - 1);
      Sort byPk = new Sort(LongField.newSortField(schema.primaryName(), false, SortedNumericSelector.Type.MIN));
      TopDocs top = lease.searcher().search(filter, Math.max(1, window), byPk);
      ScoreDoc[] sd = top.scoreDocs;
      int from = (int) Math.min(offset, sd.length);
      int[] docs = new int[sd.length - from];
      for (int i = from; i < sd.length; i++) {
        docs[i - from] = sd[i].doc;
      }
      out.addAllFieldsData(OutputColumns.read(lease.reader(), schema, outputs, docs));
      outputs.forEach(f -> out.addOutputFields(f.getName()));
    }
    return out.build();
  }

  private static long parseLong(String key, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw MilvusException.invalid(key + " [" + value + "] is invalid, it should be an integer");
    }
  }
}
