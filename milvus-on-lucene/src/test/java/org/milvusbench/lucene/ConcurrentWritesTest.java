package org.milvusbench.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.ConsistencyLevel;
import io.milvus.v2.service.collection.request.LoadCollectionReq;
import io.milvus.v2.service.vector.request.DeleteReq;
import io.milvus.v2.service.vector.request.InsertReq;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.data.FloatVec;
import io.milvus.v2.service.vector.response.InsertResp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No lost or doubled rows: three inserters (one with batches large enough to be split across the HNSW
 * build threads), a deleter of acknowledged rows and two searchers, each on its own connection. At the
 * end the count is exactly acknowledged inserts minus acknowledged deletes, and every surviving key
 * appears once.
 */
class ConcurrentWritesTest {
  private static final int DIM = 8;
  private static final String NAME = "concurrent_writes";
  /** Per inserter: batches and rows per batch. The first inserter's 300 rows take the parallel graph path. */
  private static final int[][] INSERTERS = {{4, 300}, {40, 10}, {40, 10}};

  @TempDir
  Path dataDir;

  @Test
  void countIsInsertsMinusDeletesAndNoKeyAppearsTwice() throws Exception {
    try (TargetServer server = TargetServer.start(TargetConfig.builder().port(0).dataDir(dataDir).build())) {
      List<MilvusClientV2> clients = new ArrayList<>();
      ExecutorService pool = Executors.newFixedThreadPool(INSERTERS.length + 3);
      try {
        for (int i = 0; i < INSERTERS.length + 3; i++) {
          clients.add(TargetFixture.connect(server, null));
        }
        MilvusClientV2 admin = clients.get(0);
        TargetFixture.createReferenceCollection(admin, NAME, DIM);
        TargetFixture.createReferenceIndex(admin, NAME); // on an empty collection: every insert goes into the graph
        admin.loadCollection(LoadCollectionReq.builder().collectionName(NAME).build());

        Set<Long> inserted = ConcurrentHashMap.newKeySet();
        Set<Long> deleted = ConcurrentHashMap.newKeySet();
        LinkedBlockingQueue<Long> acknowledged = new LinkedBlockingQueue<>();
        AtomicInteger insertersLeft = new AtomicInteger(INSERTERS.length);
        AtomicBoolean searchersStop = new AtomicBoolean();
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < INSERTERS.length; t++) {
          MilvusClientV2 c = clients.get(t);
          int[] shape = INSERTERS[t];
          long seed = 50 + t;
          work.add(pool.submit(() -> {
            insert(c, shape[0], shape[1], seed, inserted, acknowledged);
            insertersLeft.decrementAndGet();
            return null;
          }));
        }
        MilvusClientV2 deleterClient = clients.get(INSERTERS.length);
        work.add(pool.submit(() -> {
          deleteEveryThird(deleterClient, acknowledged, insertersLeft, deleted);
          return null;
        }));
        for (int s = 1; s <= 2; s++) {
          MilvusClientV2 c = clients.get(INSERTERS.length + s);
          work.add(pool.submit(() -> {
            search(c, searchersStop);
            return null;
          }));
        }
        for (Future<?> f : work.subList(0, INSERTERS.length + 1)) {
          f.get(Waits.HANG_SECONDS, TimeUnit.SECONDS);
        }
        searchersStop.set(true);
        for (Future<?> f : work) {
          f.get(Waits.HANG_SECONDS, TimeUnit.SECONDS);
        }
        assertSurvivors(clients.get(1), inserted, deleted);
      } finally {
        pool.shutdownNow();
        for (MilvusClientV2 c : clients) {
          c.close();
        }
      }
    }
  }

  private static void insert(MilvusClientV2 c, int batches, int rows, long seed, Set<Long> inserted,
      LinkedBlockingQueue<Long> acknowledged) {
    float[][] data = TestData.normal(batches * rows, DIM, seed);
    for (int b = 0; b < batches; b++) {
      InsertResp r = c.insert(InsertReq.builder().collectionName(NAME)
          .data(TestData.rows(data, b * rows, (b + 1) * rows)).build());
      assertEquals(rows, r.getInsertCnt());
      for (Object id : r.getPrimaryKeys()) {
        assertTrue(inserted.add((Long) id), "auto id " + id + " handed out twice");
        acknowledged.add((Long) id);
      }
    }
  }

  /** Deletes every acknowledged key divisible by 3, in batches of up to 5, until the inserters are done. */
  private static void deleteEveryThird(MilvusClientV2 c, LinkedBlockingQueue<Long> acknowledged,
      AtomicInteger insertersLeft, Set<Long> deleted) throws InterruptedException {
    List<Object> batch = new ArrayList<>();
    while (true) {
      Long id = acknowledged.poll(5, TimeUnit.MILLISECONDS);
      if (id == null && insertersLeft.get() == 0 && acknowledged.isEmpty()) {
        break;
      }
      if (id != null && id % 3 == 0) {
        batch.add(id);
      }
      if (batch.size() == 5 || (id == null && !batch.isEmpty())) {
        assertEquals(batch.size(), c.delete(DeleteReq.builder().collectionName(NAME).ids(batch).build()).getDeleteCnt());
        batch.forEach(d -> deleted.add((Long) d));
        batch = new ArrayList<>();
      }
    }
    if (!batch.isEmpty()) {
      c.delete(DeleteReq.builder().collectionName(NAME).ids(batch).build());
      batch.forEach(d -> deleted.add((Long) d));
    }
  }

  private static void search(MilvusClientV2 c, AtomicBoolean stop) {
    float[] q = TestData.normal(1, DIM, 60)[0];
    while (!stop.get()) {
      int hits = c.search(SearchReq.builder().collectionName(NAME).data(List.of(new FloatVec(q))).limit(10).build())
          .getSearchResults().get(0).size();
      assertTrue(hits <= 10);
    }
  }

  private static void assertSurvivors(MilvusClientV2 c, Set<Long> inserted, Set<Long> deleted) {
    Set<Long> expected = new HashSet<>(inserted);
    expected.removeAll(deleted);
    assertTrue(deleted.size() > 100, "the deleter ran alongside the inserters: " + deleted.size());
    assertEquals(expected.size(), ConsistencyTest.count(c, NAME, ConsistencyLevel.BOUNDED),
        "count(*) == acknowledged inserts - acknowledged deletes");
    List<Object> ids = new ArrayList<>();
    c.query(QueryReq.builder().collectionName(NAME).filter("id >= 0").outputFields(List.of()).build())
        .getQueryResults().forEach(r -> ids.add(r.getEntity().get("id")));
    assertEquals(ids.size(), new HashSet<>(ids).size(), "no key appears twice");
    assertEquals(expected, new HashSet<>(ids));
  }
}
