package org.milvusbench.lucene.rpc;

import io.milvus.grpc.DeleteRequest;
import io.milvus.grpc.FlushRequest;
import io.milvus.grpc.FlushResponse;
import io.milvus.grpc.GetFlushStateResponse;
import io.milvus.grpc.IDs;
import io.milvus.grpc.InsertRequest;
import io.milvus.grpc.LongArray;
import io.milvus.grpc.MutationResult;
import org.apache.lucene.search.Query;
import org.milvusbench.lucene.error.MilvusException;
import org.milvusbench.lucene.expr.FilterCompiler;
import org.milvusbench.lucene.store.Collection;
import org.milvusbench.lucene.store.CollectionStore;
import org.milvusbench.lucene.store.RowBatch;

/**
 * Insert, delete and flush. Rows are searchable as soon as Insert returns (the next read refreshes the
 * near-real-time searcher) and durable after Flush (a Lucene commit) or a clean shutdown.
 */
final class DataRpcs {
  private final CollectionStore store;

  DataRpcs(CollectionStore store) {
    this.store = store;
  }

  MutationResult insert(InsertRequest request) throws Exception {
    Collection c = store.get(request.getCollectionName());
    RowBatch batch = RowBatch.of(c.schema(), request.getFieldsDataList(), request.getNumRows());
    long[] ids = c.insert(batch);
    LongArray.Builder idList = LongArray.newBuilder();
    MutationResult.Builder out = MutationResult.newBuilder().setStatus(Statuses.OK);
    for (int i = 0; i < ids.length; i++) {
      idList.addData(ids[i]);
      out.addSuccIndex(i);
    }
    return out.setIDs(IDs.newBuilder().setIntId(idList)).setInsertCnt(ids.length).setTimestamp(Tso.next()).build();
  }

  MutationResult delete(DeleteRequest request) throws Exception {
    Collection c = store.get(request.getCollectionName());
    if (request.getExpr().isBlank()) {
      throw MilvusException.invalid("delete plan can't be empty or always true : " + request.getExpr());
    }
    Query query = FilterCompiler.compile(c.schema(), request.getExpr());
    long deleted = c.delete(query);
    return MutationResult.newBuilder().setStatus(Statuses.OK).setDeleteCnt(deleted).setTimestamp(Tso.next()).build();
  }

  /**
   * Commits each collection. No flush timestamp is returned: every flush here is complete when it
   * answers, and without one the Java client does not poll GetFlushState (which it does at 1 s steps).
   */
  FlushResponse flush(FlushRequest request) throws Exception {
    FlushResponse.Builder out = FlushResponse.newBuilder().setStatus(Statuses.OK).setDbName("default");
    for (String name : request.getCollectionNamesList()) {
      Collection c = store.get(name);
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
