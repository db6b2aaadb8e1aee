package org.milvusbench.gatling;

import static org.milvusbench.gatling.MilvusDsl.datasetRows;

import io.gatling.javaapi.core.ActionBuilder;
import java.util.concurrent.atomic.AtomicLong;
import org.milvusbench.gatling.core.QueryVectors;

/**
 * The requests {@link OperationCostBenchmark} measures, each built as a user of the DSL would write
 * it for production-shaped traffic: a top-10 search of one 768-d query, an insert (upsert) of 100
 * of data-prep's 768-d rows generated per request ({@code datasetRows()}), a delete by 100 ids, a
 * filtered query of at most 10 rows, a {@code count(*)}.
 */
enum BenchOperation {
  SEARCH("search", "Search", 0) {
    @Override
    MilvusActionBuilder<?, ?, ?> builder() {
      return MilvusDsl.search(label).collection(COLLECTION).annsField("embedding")
          .vectors(QueryVectors.uniform(256, 768, 42)).topK(10).ef(64);
    }
  },
  INSERT("insert", "Insert", BenchOperation.BATCH) {
    @Override
    MilvusActionBuilder<?, ?, ?> builder() {
      return MilvusDsl.insert(label).collection(COLLECTION).rows(datasetRows()).batchSize(BATCH);
    }
  },
  UPSERT("upsert", "Upsert", BenchOperation.BATCH) {
    @Override
    MilvusActionBuilder<?, ?, ?> builder() {
      return MilvusDsl.upsert(label).collection(COLLECTION).rows(datasetRows().withIds()).batchSize(BATCH);
    }
  },
  DELETE("delete", "Delete", BenchOperation.BATCH) {
    @Override
    MilvusActionBuilder<?, ?, ?> builder() {
      AtomicLong next = new AtomicLong();
      return MilvusDsl.delete(label).collection(COLLECTION).ids(session -> {
        long first = next.getAndAdd(BATCH);
        long[] ids = new long[BATCH];
        for (int i = 0; i < BATCH; i++) {
          ids[i] = first + i;
        }
        return ids;
      });
    }
  },
  QUERY_FILTER("query filter", "Query", 0) {
    @Override
    MilvusActionBuilder<?, ?, ?> builder() {
      return MilvusDsl.query(label).collection(COLLECTION).filter("category == \"B\"").limit(10);
    }
  },
  QUERY_COUNT("query count", "Query", 0) {
    @Override
    MilvusActionBuilder<?, ?, ?> builder() {
      return MilvusDsl.query(label).collection(COLLECTION).countAll();
    }
  };

  /** Rows per insert and upsert, ids per delete. */
  static final int BATCH = 100;
  static final String COLLECTION = "noop";

  /** Its Gatling request name and table label. */
  final String label;
  /** The no-op server's method it calls (for {@link NoopMilvusServer#received}), or {@code Search}. */
  final String method;
  /** Rows each request writes or deletes; 0 for reads. */
  final int rowsWritten;

  BenchOperation(String label, String method, int rowsWritten) {
    this.label = label;
    this.method = method;
    this.rowsWritten = rowsWritten;
  }

  /** A new, unobserved builder of this request, its rows and ids from the first. */
  abstract MilvusActionBuilder<?, ?, ?> builder();

  /** The request, {@code window} told of each one that completes. */
  ActionBuilder observed(MeasuredWindow window) {
    MilvusActionBuilder<?, ?, ?> builder = builder();
    return builder instanceof MilvusSearchActionBuilder search ? search.observer(window)
        : ((MilvusDataActionBuilder<?, ?>) builder).observer(window);
  }

  /** Requests of it the no-op server has received so far. */
  long answered(NoopMilvusServer server) {
    return this == SEARCH ? server.searches() : server.received(method);
  }
}
