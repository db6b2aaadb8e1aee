package org.milvusbench.lucene.rpc;

import io.milvus.grpc.DataType;
import io.milvus.grpc.FieldData;
import io.milvus.grpc.LongArray;
import io.milvus.grpc.QueryRequest;
import io.milvus.grpc.QueryResults;
import io.milvus.grpc.ScalarField;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.SortedSetSelector;
import org.apache.lucene.search.TopDocs;
import org.milvusbench.lucene.error.MilvusException;
import org.milvusbench.lucene.expr.FilterCompiler;
import org.milvusbench.lucene.store.Collection;
import org.milvusbench.lucene.store.Database;
import org.milvusbench.lucene.store.Partitions;
import org.milvusbench.lucene.store.SearcherLease;
import org.milvusbench.lucene.store.SchemaView;

/**
 * Query by filter (ids become {@code pk in [...]} in the clients): rows ordered by primary key within
 * the request's {@link QueryWindow}, or {@code count(*)} returned as a one-row Int64 column named
 * {@code count(*)}. The checks and their order are Milvus's (internal/proxy/task_query.go): the window,
 * then the expression, then "empty expression should be used with limit" (not for a count), then a
 * count with a limit.
 */
final class QueryRpcs {
  static final String COUNT = "count(*)";
  private final IteratorSessions sessions;

  QueryRpcs(IteratorSessions sessions) {
    this.sessions = sessions;
  }

  QueryResults query(Database db, QueryRequest request) throws Exception {
    Collection c = db.get(request.getCollectionName());
    if (!c.loaded()) {
      throw MilvusException.collectionNotLoaded(request.getCollectionName());
    }
    RequestSupport.checkQuery(request);
    SchemaView schema = c.schema();
    QueryWindow window = QueryWindow.of(request.getQueryParamsList());
    boolean iterator = IteratorParams.queryIterator(request.getQueryParamsList(), c);
    Query filter = Partitions.and(FilterCompiler.compile(schema, request.getExpr(), request.getExprTemplateValuesMap()),
        c.partitions().readRestriction(request.getPartitionNamesList()));
    QueryResults.Builder out = QueryResults.newBuilder().setStatus(Statuses.OK).setCollectionName(c.name())
        .setPrimaryFieldName(schema.primaryName());
    boolean count = request.getOutputFieldsList().stream().anyMatch(f -> f.trim().equalsIgnoreCase(COUNT));
    if (count) {
      return count(c, filter, request, window, out);
    }
    if (request.getExpr().isBlank() && window.unlimited()) {
      throw MilvusException.invalid("empty expression should be used with limit");
    }
    List<String> names = new ArrayList<>(request.getOutputFieldsList());
    if (!names.contains(schema.primaryName())) {
      names.add(0, schema.primaryName());
    }
    OutputFields outputs = OutputFields.resolve(schema, names);
    // An iterator's pages are key-ordered already (Milvus's IReduceInOrder); its session_ts is checked here.
    IteratorSessions.Read read = iterator ? sessions.begin(c, request.getGuaranteeTimestamp()) : null;
    try (SearcherLease lease = c.acquire()) {
      int[] docs = rowsInKeyOrder(lease, schema, filter, window);
      out.addAllFieldsData(OutputColumns.read(lease.reader(), schema, outputs, docs));
      out.addAllOutputFields(outputs.names());
    }
    if (read != null) {
      out.setSessionTs(sessions.finish(read));
    }
    return out.build();
  }

  /** {@code count(*)} alone: an offset without a limit is ignored (as in Milvus), a limit is refused. */
  private static QueryResults count(Collection c, Query filter, QueryRequest request, QueryWindow window,
      QueryResults.Builder out) throws Exception {
    if (request.getOutputFieldsCount() != 1) {
      throw MilvusException.invalid("count entities with pagination or other output fields is not allowed: "
          + request.getOutputFieldsList());
    }
    if (!window.unlimited()) {
      throw MilvusException.invalid("count entities with pagination is not allowed");
    }
    long n;
    try (SearcherLease lease = c.acquire()) {
      n = lease.searcher().count(filter);
    }
    return out.addFieldsData(FieldData.newBuilder().setFieldName(COUNT).setType(DataType.Int64)
            .setScalars(ScalarField.newBuilder().setLongData(LongArray.newBuilder().addData(n))))
        .addOutputFields(COUNT).build();
  }

  /** Doc ids of the matching rows in primary-key order, the window's offset skipped and its limit kept. */
  private static int[] rowsInKeyOrder(SearcherLease lease, SchemaView schema, Query filter, QueryWindow window)
      throws Exception {
    long depth = window.unlimited() ? Math.max(1, lease.reader().numDocs()) : window.offset() + window.limit();
    Sort byPk = new Sort(schema.primary().getDataType() == DataType.VarChar
        ? KeywordField.newSortField(schema.primaryName(), false, SortedSetSelector.Type.MIN)
        : LongField.newSortField(schema.primaryName(), false, SortedNumericSelector.Type.MIN));
    TopDocs top = lease.searcher().search(filter, (int) Math.min(depth, Integer.MAX_VALUE - 1), byPk);
    ScoreDoc[] sd = top.scoreDocs;
    int from = (int) Math.min(window.offset(), sd.length);
    int[] docs = new int[sd.length - from];
    for (int i = from; i < sd.length; i++) {
      docs[i - from] = sd[i].doc;
    }
    return docs;
  }
}
