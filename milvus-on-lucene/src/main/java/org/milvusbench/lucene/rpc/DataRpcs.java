package org.milvusbench.lucene.rpc;

import io.milvus.grpc.DeleteRequest;
import io.milvus.grpc.FlushRequest;
import io.milvus.grpc.FlushResponse;
import io.milvus.grpc.GetFlushStateResponse;
import io.milvus.grpc.InsertRequest;
import io.milvus.grpc.LongArray;
import io.milvus.grpc.MutationResult;
import io.milvus.grpc.UpsertRequest;
import org.apache.lucene.search.Query;
import org.milvusbench.lucene.error.MilvusException;
import org.milvusbench.lucene.expr.FilterCompiler;
import org.milvusbench.lucene.store.Collection;
import org.milvusbench.lucene.store.Database;
import org.milvusbench.lucene.store.Keys;
import org.milvusbench.lucene.store.Partitions;
import org.milvusbench.lucene.store.RowBatch;

/**
 * Insert, upsert, delete and flush, each into or from the request's partition ({@code _default} or every
 * partition when it names none). Rows are searchable as soon as Insert returns (the next read refreshes the
 * near-real-time searcher) and durable after Flush (a Lucene commit) or a clean shutdown.
 */
final class DataRpcs {
  MutationResult insert(Database db, InsertRequest request) throws Exception {
    Collection c = db.get(request.getCollectionName());
    if (request.hasNamespace()) {
      throw MilvusException.unsupported("namespaces");
    }
    RowBatch batch = RowBatch.of(c.schema(), request.getFieldsDataList(), request.getNumRows());
    Keys ids = c.insert(batch, request.getPartitionName());
    return written(c, ids).setInsertCnt(ids.size()).build();
  }

  /**
   * Milvus's counts for an upsert: every row is one delete and one insert (whether its key existed or
   * not), so delete_cnt = insert_cnt = upsert_cnt = rows; IDs are the rows' keys after the upsert.
   */
  MutationResult upsert(Database db, UpsertRequest request) throws Exception {
    Collection c = db.get(request.getCollectionName());
    if (request.hasNamespace()) {
      throw MilvusException.unsupported("namespaces");
    }
    if (request.getPartialUpdate()) {
      throw MilvusException.unsupported("partial update (upsert of some fields only): this server replaces whole rows");
    }
    RowBatch batch = RowBatch.forUpsert(c.schema(), request.getFieldsDataList(), request.getNumRows());
    Keys ids = c.upsert(batch, request.getPartitionName());
    return written(c, ids).setInsertCnt(ids.size()).setDeleteCnt(ids.size()).setUpsertCnt(ids.size()).build();
  }

  /** The part of an insert's or upsert's answer they share: status, keys, every row's index, a timestamp. */
  private static MutationResult.Builder written(Collection c, Keys ids) {
    MutationResult.Builder out = MutationResult.newBuilder().setStatus(Statuses.OK);
    for (int i = 0; i < ids.size(); i++) {
      out.addSuccIndex(i);
    }
    return out.setIDs(KeyColumn.ids(c.schema().primary(), ids)).setTimestamp(Tso.next());
  }

  MutationResult delete(Database db, DeleteRequest request) throws Exception {
    Collection c = db.get(request.getCollectionName());
    if (request.getExpr().isBlank()) {
      throw MilvusException.invalid("delete plan can't be empty or always true : " + request.getExpr());
    }
    // As in Milvus, a partition name restricts the delete to that partition (which must exist: 200).
    Query query = Partitions.and(FilterCompiler.compile(c.schema(), request.getExpr(), request.getExprTemplateValuesMap()),
        c.partitions().writeRestriction(request.getPartitionName()));
    long deleted = c.delete(query);
    return MutationResult.newBuilder().setStatus(Statuses.OK).setDeleteCnt(deleted).setTimestamp(Tso.next()).build();
  }

  /**
   * Commits each collection. No flush timestamp is returned: every flush here is complete when it
   * answers, and without one the Java client does not poll GetFlushState (which it does at 1 s steps).
   */
  FlushResponse flush(Database db, FlushRequest request) throws Exception {
    FlushResponse.Builder out = FlushResponse.newBuilder().setStatus(Statuses.OK).setDbName(db.name());
    for (String name : request.getCollectionNamesList()) {
      Collection c = db.get(name);
      c.flush();
      LongArray segments = LongArray.newBuilder().addData(c.state().collectionId()).build();
      out.putCollSegIDs(name, segments).putFlushCollSegIDs(name, segments)
          .putCollSealTimes(name, System.currentTimeMillis() / 1000);
    }
    return out.build();
  }

  GetFlushStateResponse flushState() {
    return GetFlushStateResponse.newBuilder().setStatus(Statuses.OK).setFlushed(true).build();
  }
}
