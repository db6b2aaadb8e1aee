package org.milvusbench.lucene.rpc;

import io.milvus.grpc.BoolResponse;
import io.milvus.grpc.GetPartitionStatisticsResponse;
import io.milvus.grpc.KeyValuePair;
import io.milvus.grpc.ShowPartitionsRequest;
import io.milvus.grpc.ShowPartitionsResponse;
import io.milvus.grpc.Status;
import java.util.List;
import org.milvusbench.lucene.store.Collection;
import org.milvusbench.lucene.store.CollectionState.PartitionJson;
import org.milvusbench.lucene.store.Database;
import org.milvusbench.lucene.store.Partitions;

/**
 * Create / drop / has / show partitions, load / release them and their statistics
 * ({@link org.milvusbench.lucene.store.CollectionPartitions} holds the rules). Collection names resolve
 * aliases, like every RPC here.
 */
final class PartitionRpcs {
  Status create(Database db, String collection, String partition) throws Exception {
    db.createPartition(db.get(collection), partition);
    return Statuses.OK;
  }

  Status drop(Database db, String collection, String partition) throws Exception {
    db.get(collection).partitions().drop(partition);
    return Statuses.OK;
  }

  BoolResponse has(Database db, String collection, String partition) {
    Collection c = db.get(collection);
    Partitions.checkName(partition);
    return BoolResponse.newBuilder().setStatus(Statuses.OK).setValue(c.partitions().exists(partition)).build();
  }

  /** Every partition in creation order ({@code _default} first), or the named ones; 100 % in memory when loaded. */
  ShowPartitionsResponse show(Database db, ShowPartitionsRequest request) {
    Collection c = db.get(request.getCollectionName());
    List<PartitionJson> shown = request.getPartitionNamesCount() == 0 ? c.partitions().all()
        : request.getPartitionNamesList().stream().map(c.partitions()::get).toList();
    ShowPartitionsResponse.Builder b = ShowPartitionsResponse.newBuilder().setStatus(Statuses.OK);
    for (PartitionJson p : shown) {
      b.addPartitionNames(p.name()).addPartitionIDs(p.id()).addCreatedTimestamps(p.createdMillis() << 18)
          .addCreatedUtcTimestamps(p.createdMillis()).addInMemoryPercentages(c.partitions().loaded(p) ? 100 : 0);
    }
    return b.build();
  }

  Status load(Database db, String collection, List<String> partitions) throws Exception {
    Collection c = db.get(collection);
    LoadRpcs.requireVectorIndexes(c);
    c.partitions().load(partitions);
    c.acquire().close();
    return Statuses.OK;
  }

  Status release(Database db, String collection, List<String> partitions) throws Exception {
    db.get(collection).partitions().release(partitions);
    return Statuses.OK;
  }

  GetPartitionStatisticsResponse statistics(Database db, String collection, String partition) throws Exception {
    long rows = db.get(collection).partitions().rowCount(partition);
    return GetPartitionStatisticsResponse.newBuilder().setStatus(Statuses.OK)
        .addStats(KeyValuePair.newBuilder().setKey("row_count").setValue(Long.toString(rows))).build();
  }
}
