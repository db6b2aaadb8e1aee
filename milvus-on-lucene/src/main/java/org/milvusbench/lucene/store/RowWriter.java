package org.milvusbench.lucene.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.Query;

/**
 * The write paths of one collection: insert, upsert and delete. Each holds the collection's mutation
 * lock shared (a graph build takes it exclusively, so it copies a consistent snapshot) and calls
 * {@link Collection#markWritten()} once its change is in the Lucene writer and before it returns: the
 * next read on any connection then refreshes its searcher first, which is what makes an acknowledged
 * write visible to every later search and query (read-your-writes whatever the consistency level).
 */
final class RowWriter {
  /** Batches this large into a graph are split across the build threads (each fills its own segment). */
  private static final int PARALLEL_GRAPH_ROWS = 256;

  private final Collection collection;
  private final SchemaView schema;

  RowWriter(Collection collection) {
    this.collection = collection;
    this.schema = collection.schema();
  }

  /**
   * Adds the rows, assigning auto ids (monotonic across batches and restarts: the next id is committed
   * with the data and re-derived from the largest key on open). Large batches into a graph are split
   * across the build threads so both cores build HNSW.
   */
  Keys insert(RowBatch batch, String partitionTerm) throws Exception {
    collection.mutationLock.readLock().lock();
    try {
      LuceneIndex target = collection.index();
      int n = batch.numRows();
      collection.markChanging();
      Keys ids = schema.autoId() ? freshIds(n) : clientKeys(batch);
      int threads = target.graphs.any() && n >= PARALLEL_GRAPH_ROWS ? collection.settings().buildThreads() : 1;
      if (threads <= 1) {
        target.writer.addDocuments(documents(batch, ids, 0, n, target.graphs, partitionTerm));
      } else {
        List<Future<?>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int from = (int) ((long) n * t / threads);
          int to = (int) ((long) n * (t + 1) / threads);
          parts.add(collection.settings().buildExecutor().submit(() -> {
            target.writer.addDocuments(documents(batch, ids, from, to, target.graphs, partitionTerm));
            return null;
          }));
        }
        for (Future<?> f : parts) {
          f.get();
        }
      }
      collection.markWritten();
      return ids;
    } finally {
      collection.mutationLock.readLock().unlock();
    }
  }

  /**
   * Insert-or-replace by primary key. One {@code updateDocuments} call deletes every row holding one of
   * the batch's keys and adds the batch; Lucene makes the pair atomic for readers, so no searcher opened
   * meanwhile sees a key twice or missing, and of two concurrent upserts of a key the later one wins.
   * With auto_id the rows get new keys, as in Milvus (the old keys are deleted, the rows re-inserted with
   * generated ones). Being one call, a large batch into a graph is built on one thread, unlike insert.
   *
   * @param partitionTerm the partition the rows go to ({@link Partitions#term}, null for {@code _default})
   * @param replaceIn where the keys are replaced, null for every partition
   * @return the rows' keys after the upsert (the new ones under auto_id)
   */
  Keys upsert(RowBatch batch, String partitionTerm, Query replaceIn) throws IOException {
    collection.mutationLock.readLock().lock();
    try {
      LuceneIndex target = collection.index();
      Keys replaced = batch.clientKeys;
      Keys ids = schema.autoId() ? freshIds(replaced.size()) : clientKeys(batch);
      Query old = Partitions.and(replaced.rowsWithAny(schema.primaryName()), replaceIn);
      collection.markChanging();
      target.writer.updateDocuments(old, documents(batch, ids, 0, ids.size(), target.graphs, partitionTerm));
      collection.markWritten();
      return ids;
    } finally {
      collection.mutationLock.readLock().unlock();
    }
  }

  /** Deletes the rows matching {@code query}; returns how many there were. */
  long delete(Query query) throws IOException {
    collection.mutationLock.readLock().lock();
    try {
      long count;
      try (SearcherLease lease = collection.acquire()) {
        count = lease.searcher().count(query);
      }
      collection.markChanging();
      collection.index().writer.deleteDocuments(query);
      collection.markWritten();
      return count;
    } finally {
      collection.mutationLock.readLock().unlock();
    }
  }

  /** New auto ids; a VarChar key gets the decimal text of one, as Milvus generates them. */
  private Keys freshIds(int n) {
    long first = collection.nextAutoId.getAndAdd(n);
    long[] ids = new long[n];
    for (int i = 0; i < n; i++) {
      ids[i] = first + i;
    }
    if (schema.primary().getDataType() != io.milvus.grpc.DataType.VarChar) {
      return new Keys.Longs(ids);
    }
    String[] text = new String[n];
    for (int i = 0; i < n; i++) {
      text[i] = Long.toString(ids[i]);
    }
    return new Keys.Strings(text);
  }

  /** The client's keys; the auto-id counter moves past Int64 ones, so auto ids never collide with them. */
  private Keys clientKeys(RowBatch batch) {
    if (!(batch.clientKeys instanceof Keys.Longs longs)) {
      return batch.clientKeys;
    }
    long[] ids = longs.values();
    long max = Long.MIN_VALUE;
    for (long id : ids) {
      max = Math.max(max, id);
    }
    if (ids.length > 0 && max < Long.MAX_VALUE) {
      long next = max + 1;
      collection.nextAutoId.accumulateAndGet(next, Math::max);
    }
    return longs;
  }

  private List<Document> documents(RowBatch batch, Keys ids, int from, int to, VectorGraphs graphs,
      String partitionTerm) {
    DocCodec codec = collection.codec();
    List<io.milvus.grpc.FieldSchema> vectorFields = schema.vectorFields();
    List<Document> docs = new ArrayList<>(to - from);
    for (int row = from; row < to; row++) {
      float[][] vectors = new float[vectorFields.size()][];
      for (int v = 0; v < vectors.length; v++) {
        vectors[v] = new float[schema.dim(vectorFields.get(v).getName())];
        batch.vector(v, row, vectors[v]);
      }
      docs.add(codec.document(ids.get(row), vectors, codec.scalarValues(batch, row), graphs, partitionTerm));
    }
    return docs;
  }
}
