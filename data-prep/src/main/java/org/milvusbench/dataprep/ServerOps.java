package org.milvusbench.dataprep;

import io.milvus.grpc.LoadState;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.ConsistencyLevel;
import io.milvus.v2.exception.MilvusClientException;
import io.milvus.v2.service.collection.request.DescribeCollectionReq;
import io.milvus.v2.service.collection.request.GetCollectionStatsReq;
import io.milvus.v2.service.collection.request.GetLoadStateReq;
import io.milvus.v2.service.collection.request.HasCollectionReq;
import io.milvus.v2.service.collection.request.LoadCollectionReq;
import io.milvus.v2.service.collection.response.DescribeCollectionResp;
import io.milvus.v2.service.index.request.DescribeIndexReq;
import io.milvus.v2.service.index.response.DescribeIndexResp;
import io.milvus.v2.service.utility.request.FlushReq;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvus.v2.service.vector.response.QueryResp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The few server calls data-prep makes beyond insert, each wrapped so a failure names what we were
 * doing and on which collection. Reads use {@link ConsistencyLevel#STRONG}: counts must include
 * every insert that returned.
 */
final class ServerOps {
  /** Milvus caps a query's limit at 16384. */
  static final int PAGE = 16_384;

  private final MilvusClientV2 client;
  private final DataPrepConfig cfg;

  ServerOps(MilvusClientV2 client, DataPrepConfig cfg) {
    this.client = client;
    this.cfg = cfg;
  }

  /** Runs a client call; a {@link MilvusClientException} becomes a {@link DataPrepException} naming {@code what}. */
  <T> T call(String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (MilvusClientException e) {
      throw new DataPrepException(what + " on collection " + cfg.collection() + " failed: " + e.getMessage(), e);
    }
  }

  void run(String what, Runnable call) {
    call(what, () -> {
      call.run();
      return null;
    });
  }

  boolean exists() {
    return call("hasCollection", () -> client.hasCollection(HasCollectionReq.builder().databaseName(cfg.db())
        .collectionName(cfg.collection()).build()));
  }

  DescribeCollectionResp describe() {
    return call("describeCollection", () -> client.describeCollection(DescribeCollectionReq.builder()
        .databaseName(cfg.db()).collectionName(cfg.collection()).build()));
  }

  /** The vector field's index, or null when it has none. */
  DescribeIndexResp.IndexDesc vectorIndex() {
    try {
      DescribeIndexResp r = client.describeIndex(DescribeIndexReq.builder().databaseName(cfg.db())
          .collectionName(cfg.collection()).fieldName(CollectionSpec.VECTOR).build());
      return r.getIndexDescriptions() == null || r.getIndexDescriptions().isEmpty() ? null
          : r.getIndexDescByFieldName(CollectionSpec.VECTOR);
    } catch (MilvusClientException e) {
      // Milvus answers "index not found" as an error status; anything else is a real failure.
      if (String.valueOf(e.getMessage()).toLowerCase().contains("index not found")
          || String.valueOf(e.getMessage()).toLowerCase().contains("index doesn't exist")) {
        return null;
      }
      throw new DataPrepException("describeIndex on collection " + cfg.collection() + " failed: " + e.getMessage(), e);
    }
  }

  /** Rows in the collection by {@code count(*)} (strong consistency: every returned insert counts). */
  long count() {
    QueryResp r = call("count(*)", () -> client.query(QueryReq.builder().databaseName(cfg.db())
        .collectionName(cfg.collection()).filter("").outputFields(List.of("count(*)"))
        .consistencyLevel(ConsistencyLevel.STRONG).build()));
    Object v = r.getQueryResults().get(0).getEntity().get("count(*)");
    return ((Number) v).longValue();
  }

  /** All ids greater than {@code afterId} ({@code null} = all ids), ascending, paging by id. */
  long[] idsAbove(Long afterId) {
    List<long[]> pages = new ArrayList<>();
    int total = 0;
    Long cursor = afterId;
    while (true) {
      String filter = cursor == null ? CollectionSpec.ID + " >= " + Long.MIN_VALUE / 2 : CollectionSpec.ID + " > " + cursor;
      QueryResp r = call("query ids (" + filter + ")", () -> client.query(QueryReq.builder().databaseName(cfg.db())
          .collectionName(cfg.collection()).filter(filter).outputFields(List.of(CollectionSpec.ID)).limit(PAGE)
          .consistencyLevel(ConsistencyLevel.STRONG).build()));
      long[] page = r.getQueryResults().stream()
          .mapToLong(q -> ((Number) q.getEntity().get(CollectionSpec.ID)).longValue()).sorted().toArray();
      pages.add(page);
      total += page.length;
      if (page.length < PAGE) {
        break;
      }
      cursor = page[page.length - 1];
    }
    long[] all = new long[total];
    int at = 0;
    for (long[] p : pages) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    Arrays.sort(all);
    return all;
  }

  /** The stored vectors of {@code ids}, keyed by id (absent ids are missing from the map). */
  Map<Long, float[]> vectors(long... ids) {
    QueryResp r = call("query vectors", () -> client.query(QueryReq.builder().databaseName(cfg.db())
        .collectionName(cfg.collection()).ids(Arrays.stream(ids).boxed().map(Object.class::cast).toList())
        .outputFields(List.of(CollectionSpec.ID, CollectionSpec.VECTOR))
        .consistencyLevel(ConsistencyLevel.STRONG).build()));
    Map<Long, float[]> out = new java.util.HashMap<>();
    for (QueryResp.QueryResult q : r.getQueryResults()) {
      Object v = q.getEntity().get(CollectionSpec.VECTOR);
      float[] f = null;
      if (v instanceof List<?>) {
        List<?> l = (List<?>) v;
        f = new float[l.size()];
        for (int i = 0; i < f.length; i++) {
          f[i] = ((Number) l.get(i)).floatValue();
        }
      }
      out.put(((Number) q.getEntity().get(CollectionSpec.ID)).longValue(), f);
    }
    return out;
  }

  /** Seals and persists what was inserted (Milvus Flush). */
  void flush() {
    run("flush", () -> client.flush(FlushReq.builder().databaseName(cfg.db())
        .collectionNames(List.of(cfg.collection())).build()));
  }

  /** Row count from collection statistics (no load needed; exact for inserts once flushed). */
  long statsRowCount() {
    Long n = call("getCollectionStats", () -> client.getCollectionStats(GetCollectionStatsReq.builder()
        .databaseName(cfg.db()).collectionName(cfg.collection()).build())).getNumOfEntities();
    return n == null ? -1 : n;
  }

  LoadState loadState() {
    return call("getLoadState", () -> client.getLoadStateV2(GetLoadStateReq.builder().databaseName(cfg.db())
        .collectionName(cfg.collection()).build())).getState();
  }

  /** Asks the server to load the collection without waiting (progress is polled by the caller). */
  void startLoad() {
    run("loadCollection", () -> client.loadCollection(LoadCollectionReq.builder().databaseName(cfg.db())
        .collectionName(cfg.collection()).sync(false).build()));
  }

  /** Load progress in percent. */
  long loadProgress() {
    Long p = call("getLoadState", () -> client.getLoadStateV2(GetLoadStateReq.builder().databaseName(cfg.db())
        .collectionName(cfg.collection()).build())).getProgress();
    return p == null ? 0 : p;
  }
}
