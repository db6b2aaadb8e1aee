package org.milvusbench.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.ConsistencyLevel;
import io.milvus.v2.common.IndexParam;
import io.milvus.v2.service.collection.request.LoadCollectionReq;
import io.milvus.v2.service.index.request.CreateIndexReq;
import io.milvus.v2.service.vector.request.DeleteReq;
import io.milvus.v2.service.vector.request.InsertReq;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.UpsertReq;
import io.milvus.v2.service.vector.request.data.FloatVec;
import io.milvus.v2.service.vector.response.QueryResp;
import io.milvus.v2.service.vector.response.SearchResp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Read-your-writes across connections: a write acknowledged on one MilvusClientV2 is seen by the very
 * next search and query on another, at every consistency level (the target is always strongly
 * consistent: each read refreshes past every acknowledged write). No timing is asserted: each check
 * follows the event it checks, and timeouts only bound a hang.
 */
class ConsistencyTest {
  private static final int DIM = 8;
  private static final int ITERATIONS = 200;
  private static final int BATCH = 5;
  private static final ConsistencyLevel[] LEVELS = {
      ConsistencyLevel.STRONG, ConsistencyLevel.SESSION, ConsistencyLevel.BOUNDED, ConsistencyLevel.EVENTUALLY};

  @TempDir
  Path dataDir;

  @Test
  void anAcknowledgedWriteIsVisibleToTheNextReadOnAnotherConnection() throws Exception {
    String name = "ryw";
    try (TargetServer server = TargetServer.start(TargetConfig.builder().port(0).dataDir(dataDir).build())) {
      MilvusClientV2 writer = TargetFixture.connect(server, null);
      MilvusClientV2 reader = TargetFixture.connect(server, null);
      TargetFixture.createKeyedCollection(writer, name, DIM);
      // FLAT: exact search, so "a row's own vector finds it first" is a fact, not a recall figure.
      writer.createIndex(CreateIndexReq.builder().collectionName(name).indexParams(List.of(IndexParam.builder()
          .fieldName(TargetFixture.VECTOR).indexType(IndexParam.IndexType.FLAT).metricType(IndexParam.MetricType.L2)
          .build())).build());
      writer.loadCollection(LoadCollectionReq.builder().collectionName(name).build());
      ExecutorService background = Executors.newSingleThreadExecutor();
      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong backgroundSearches = new AtomicLong();
      try {
        Future<?> searcher = background.submit(() -> searchUntil(stop, reader, name, backgroundSearches));
        Waits.until(() -> backgroundSearches.get() > 0, "a first background search");
        long expectedRows = writeAndReadBack(writer, reader, name);
        stop.set(true);
        searcher.get(120, TimeUnit.SECONDS);
        assertEquals(expectedRows, count(reader, name, ConsistencyLevel.EVENTUALLY));
      } finally {
        stop.set(true);
        background.shutdownNow();
        writer.close();
        reader.close();
      }
    }
  }

  /** The 200 iterations; returns the rows the collection should hold at the end. */
  private static long writeAndReadBack(MilvusClientV2 writer, MilvusClientV2 reader, String name) {
    float[][] data = TestData.normal(ITERATIONS * BATCH, DIM, 41);
    long rows = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      ConsistencyLevel level = LEVELS[i % LEVELS.length];
      int from = i * BATCH;
      writer.insert(InsertReq.builder().collectionName(name).data(TestData.keyedRows(data, from, from + BATCH, 0, "A")).build());
      rows += BATCH;
      List<Object> fresh = new ArrayList<>();
      for (long id = from; id < from + BATCH; id++) {
        fresh.add(id);
      }
      QueryResp seen = reader.query(QueryReq.builder().collectionName(name).ids(fresh).consistencyLevel(level).build());
      assertEquals(new HashSet<>(fresh), ids(seen), "iteration " + i + " at " + level + ": every inserted row");
      SearchResp own = reader.search(SearchReq.builder().collectionName(name).data(List.of(new FloatVec(data[from])))
          .limit(3).consistencyLevel(level).build());
      assertEquals((long) from, own.getSearchResults().get(0).get(0).getId(), "iteration " + i + ": its own vector first");
      if (i % 10 == 9) {
        long target = from - 7;
        writer.upsert(UpsertReq.builder().collectionName(name)
            .data(TestData.keyedRows(data, (int) target, (int) target + 1, 0, "u" + i)).build());
        QueryResp after = reader.query(QueryReq.builder().collectionName(name).filter("id == " + target)
            .outputFields(List.of("category")).consistencyLevel(level).build());
        assertEquals(1, after.getQueryResults().size(), "an upsert keeps one row per key");
        assertEquals("u" + i, after.getQueryResults().get(0).getEntity().get("category"), "iteration " + i + ": upserted");
      }
      if (i % 7 == 6) {
        long target = from - 3;
        writer.delete(DeleteReq.builder().collectionName(name).ids(List.of(target)).build());
        rows--;
        assertEquals(Set.of(), ids(reader.query(QueryReq.builder().collectionName(name).ids(List.of(target))
            .consistencyLevel(level).build())), "iteration " + i + ": deleted");
        assertEquals(rows, count(reader, name, level), "iteration " + i + ": the count after the delete");
      }
    }
    return rows;
  }

  private static void searchUntil(AtomicBoolean stop, MilvusClientV2 client, String name, AtomicLong done) {
    float[] q = TestData.normal(1, DIM, 43)[0];
    while (!stop.get()) {
      SearchResp r = client.search(SearchReq.builder().collectionName(name).data(List.of(new FloatVec(q))).limit(10).build());
      assertTrue(r.getSearchResults().get(0).size() <= 10);
      done.incrementAndGet();
    }
  }

  static Set<Long> ids(QueryResp r) {
    return r.getQueryResults().stream().map(q -> (Long) q.getEntity().get("id")).collect(Collectors.toSet());
  }

  static long count(MilvusClientV2 client, String name, ConsistencyLevel level) {
    QueryResp r = client.query(QueryReq.builder().collectionName(name).filter("").outputFields(List.of("count(*)"))
        .consistencyLevel(level).build());
    return (Long) r.getQueryResults().get(0).getEntity().get("count(*)");
  }
}
