package org.milvusbench.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.exception.MilvusClientException;
import io.milvus.v2.service.collection.request.GetLoadStateReq;
import io.milvus.v2.service.collection.request.LoadCollectionReq;
import io.milvus.v2.service.collection.request.ReleaseCollectionReq;
import io.milvus.v2.service.partition.request.CreatePartitionReq;
import io.milvus.v2.service.partition.request.DropPartitionReq;
import io.milvus.v2.service.partition.request.GetPartitionStatsReq;
import io.milvus.v2.service.partition.request.HasPartitionReq;
import io.milvus.v2.service.partition.request.ListPartitionsReq;
import io.milvus.v2.service.partition.request.LoadPartitionsReq;
import io.milvus.v2.service.partition.request.ReleasePartitionsReq;
import io.milvus.v2.service.vector.request.DeleteReq;
import io.milvus.v2.service.vector.request.InsertReq;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.UpsertReq;
import io.milvus.v2.service.vector.request.data.FloatVec;
import io.milvus.v2.service.vector.response.SearchResp;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Partitions through MilvusClientV2: rows written to a partition are read back only from it (search and
 * query), deletes and upserts stay inside the partition they name, load / release per partition, Milvus's
 * errors, and everything persisted across a restart.
 */
class PartitionTest {
  private static final int DIM = 8;
  private static final String NAME = "parts";
  private final float[][] data = TestData.normal(30, DIM, 16);

  @TempDir
  Path dataDir;

  /** Rows 0..9 in p1, 10..19 in p2, 20..29 in _default; indexed and loaded. */
  private void seed(MilvusClientV2 client) {
    TargetFixture.createKeyedCollection(client, NAME, DIM);
    client.createPartition(CreatePartitionReq.builder().collectionName(NAME).partitionName("p1").build());
    client.createPartition(CreatePartitionReq.builder().collectionName(NAME).partitionName("p2").build());
    client.createPartition(CreatePartitionReq.builder().collectionName(NAME).partitionName("p1").build()); // again: no-op
    client.insert(InsertReq.builder().collectionName(NAME).partitionName("p1").data(TestData.keyedRows(data, 0, 10, 0, "A")).build());
    client.insert(InsertReq.builder().collectionName(NAME).partitionName("p2").data(TestData.keyedRows(data, 10, 20, 0, "B")).build());
    client.insert(InsertReq.builder().collectionName(NAME).data(TestData.keyedRows(data, 20, 30, 0, "C")).build());
    TargetFixture.createReferenceIndex(client, NAME);
    client.loadCollection(LoadCollectionReq.builder().collectionName(NAME).build());
  }

  private Set<Long> searchIds(MilvusClientV2 client, int row, List<String> partitions) {
    SearchResp r = client.search(SearchReq.builder().collectionName(NAME).annsField(TargetFixture.VECTOR)
        .data(List.of(new FloatVec(data[row]))).limit(30).partitionNames(partitions).build());
    Set<Long> ids = new TreeSet<>();
    r.getSearchResults().get(0).forEach(h -> ids.add((Long) h.getId()));
    return ids;
  }

  private static Set<Long> queryIds(MilvusClientV2 client, List<String> partitions) {
    Set<Long> ids = new TreeSet<>();
    client.query(QueryReq.builder().collectionName(NAME).filter("id >= 0").partitionNames(partitions)
        .outputFields(List.of("id")).build()).getQueryResults().forEach(r -> ids.add((Long) r.getEntity().get("id")));
    return ids;
  }

  private static Set<Long> range(long from, long to) {
    Set<Long> out = new TreeSet<>();
    for (long i = from; i < to; i++) {
      out.add(i);
    }
    return out;
  }

  private static void assertStatus(int code, String reason, Executable call) {
    MilvusClientException e = assertThrows(MilvusClientException.class, call);
    assertEquals(code, e.getServerErrCode(), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  @Test
  void readsAndWritesStayInTheirPartition() throws Exception {
    try (TargetServer server = TargetServer.start(TargetConfig.builder().port(0).dataDir(dataDir).build())) {
      MilvusClientV2 client = TargetFixture.connect(server, null);
      seed(client);
      assertEquals(List.of("_default", "p1", "p2"),
          client.listPartitions(ListPartitionsReq.builder().collectionName(NAME).build()));
      assertTrue(client.hasPartition(HasPartitionReq.builder().collectionName(NAME).partitionName("p2").build()));
      assertFalse(client.hasPartition(HasPartitionReq.builder().collectionName(NAME).partitionName("p3").build()));

      // Row 3 (in p1) is its own nearest neighbour, yet a search in p2 never returns a p1 row.
      assertEquals(range(10, 20), searchIds(client, 3, List.of("p2")));
      assertEquals(range(0, 10), searchIds(client, 3, List.of("p1")));
      assertEquals(range(0, 30), searchIds(client, 3, List.of()));
      assertEquals(range(0, 20), searchIds(client, 3, List.of("p.*")), "names are patterns, as in Milvus's proxy");
      assertEquals(range(20, 30), queryIds(client, List.of("_default")));
      assertEquals(range(0, 10), queryIds(client, List.of("p1")));
      assertEquals(10L, client.getPartitionStats(GetPartitionStatsReq.builder().collectionName(NAME)
          .partitionName("p2").build()).getNumOfEntities());

      // Delete and upsert act inside the partition they name.
      assertEquals(1, client.delete(DeleteReq.builder().collectionName(NAME).partitionName("p1")
          .filter("id in [0, 10, 20]").build()).getDeleteCnt());
      assertEquals(range(1, 10), queryIds(client, List.of("p1")));
      assertEquals(range(10, 20), queryIds(client, List.of("p2")));
      client.upsert(UpsertReq.builder().collectionName(NAME).partitionName("p2")
          .data(TestData.keyedRows(data, 11, 12, 0, "Z")).build());
      assertEquals(List.of("Z"), client.query(QueryReq.builder().collectionName(NAME).filter("id == 11")
          .outputFields(List.of("category")).build()).getQueryResults().stream()
          .map(r -> r.getEntity().get("category")).toList());

      assertStatus(200, "partition not found[partition=nope]", () -> client.insert(InsertReq.builder()
          .collectionName(NAME).partitionName("nope").data(TestData.keyedRows(data, 0, 1, 100, "A")).build()));
      assertStatus(200, "partition not found[partition=nope]", () -> searchIds(client, 0, List.of("nope")));
      assertStatus(65535, "default partition cannot be deleted",
          () -> client.dropPartition(DropPartitionReq.builder().collectionName(NAME).partitionName("_default").build()));
      assertStatus(1100, "Partition name can only contain numbers, letters and underscores",
          () -> client.createPartition(CreatePartitionReq.builder().collectionName(NAME).partitionName("a-b").build()));

      // A loaded partition cannot be dropped; once released it is not searchable, and dropping deletes its rows.
      assertStatus(65535, "partition cannot be dropped, partition is loaded, please release it first",
          () -> client.dropPartition(DropPartitionReq.builder().collectionName(NAME).partitionName("p1").build()));
      client.releasePartitions(ReleasePartitionsReq.builder().collectionName(NAME).partitionNames(List.of("p1")).build());
      assertStatus(201, "partition not loaded[partition=p1]", () -> searchIds(client, 0, List.of("p1")));
      assertEquals(range(10, 30), searchIds(client, 3, List.of()), "without names: the loaded partitions");
      client.dropPartition(DropPartitionReq.builder().collectionName(NAME).partitionName("p1").build());
      client.dropPartition(DropPartitionReq.builder().collectionName(NAME).partitionName("p1").build()); // missing: ok
      assertEquals(List.of("_default", "p2"), client.listPartitions(ListPartitionsReq.builder().collectionName(NAME).build()));
      assertEquals(range(10, 30), queryIds(client, List.of()));
      client.createPartition(CreatePartitionReq.builder().collectionName(NAME).partitionName("p1").build());
      assertEquals(0L, client.getPartitionStats(GetPartitionStatsReq.builder().collectionName(NAME)
          .partitionName("p1").build()).getNumOfEntities(), "a re-created partition starts empty");
      client.close();
    }
  }

  @Test
  void partitionsLoadAloneAndSurviveARestart() throws Exception {
    try (TargetServer server = TargetServer.start(TargetConfig.builder().port(0).dataDir(dataDir).build())) {
      MilvusClientV2 client = TargetFixture.connect(server, null);
      seed(client);
      client.releaseCollection(ReleaseCollectionReq.builder().collectionName(NAME).build());
      client.loadPartitions(LoadPartitionsReq.builder().collectionName(NAME).partitionNames(List.of("p2")).build());
      assertTrue(client.getLoadState(GetLoadStateReq.builder().collectionName(NAME).build()));
      assertTrue(client.getLoadState(GetLoadStateReq.builder().collectionName(NAME).partitionName("p2").build()));
      assertFalse(client.getLoadState(GetLoadStateReq.builder().collectionName(NAME).partitionName("p1").build()));
      assertEquals(range(10, 20), searchIds(client, 3, List.of()));
      assertStatus(201, "partition not loaded[partition=_default]", () -> queryIds(client, List.of("_default")));
      client.close();
    }
    try (TargetServer server = TargetServer.start(TargetConfig.builder().port(0).dataDir(dataDir).build())) {
      MilvusClientV2 client = TargetFixture.connect(server, null);
      assertEquals(List.of("_default", "p1", "p2"),
          client.listPartitions(ListPartitionsReq.builder().collectionName(NAME).build()));
      assertEquals(range(10, 20), searchIds(client, 3, List.of()), "p2 alone is loaded again after the restart");
      client.loadCollection(LoadCollectionReq.builder().collectionName(NAME).build());
      assertEquals(range(0, 10), queryIds(client, List.of("p1")), "rows kept their partition");
      assertEquals(range(0, 10), searchIds(client, 3, List.of("p1")));
      client.createPartition(CreatePartitionReq.builder().collectionName(NAME).partitionName("p3").build());
      assertEquals(Set.of(), queryIds(client, List.of("p3")), "a partition created in a loaded collection is loaded");
      client.close();
    }
  }
}
