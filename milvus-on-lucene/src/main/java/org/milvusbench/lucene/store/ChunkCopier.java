package org.milvusbench.lucene.store;

import io.milvus.grpc.FieldSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.util.Bits;
import org.milvusbench.lucene.store.SourceSegments.Chunk;

/**
 * Copies chunks of the raw index into the index being built, {@code buildThreads} workers calling
 * {@code addDocument} concurrently (each DWPT builds its own graph, so both cores build). Workers take
 * chunks in order and check for cancellation only between chunks, so when every worker has returned the
 * chunks done are exactly a prefix of the range: that prefix is what a checkpoint records.
 */
final class ChunkCopier {
  /** How often the rate is logged while a round runs (a round of a 1M-row build takes many minutes). */
  private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(60);

  private final Collection collection;
  private final VectorGraphs graphs;
  private final DirectoryReader snapshot;
  private final List<Chunk> chunks;
  private final LuceneIndex fresh;
  private final AtomicLong indexed;
  private final BooleanSupplier cancelled;
  private volatile boolean failed;

  ChunkCopier(Collection collection, VectorGraphs graphs, DirectoryReader snapshot, List<Chunk> chunks, LuceneIndex fresh,
      AtomicLong indexed, BooleanSupplier cancelled) {
    this.collection = collection;
    this.graphs = graphs;
    this.snapshot = snapshot;
    this.chunks = chunks;
    this.fresh = fresh;
    this.indexed = indexed;
    this.cancelled = cancelled;
  }

  /**
   * Copies chunks {@code [from, to)}; returns the end of the prefix done ({@code to} unless cancelled).
   * {@code onWait} is called about every minute meanwhile (rate logging).
   */
  int copy(int from, int to, Runnable onWait) throws Exception {
    AtomicInteger next = new AtomicInteger(from);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < collection.settings().buildThreads(); t++) {
      workers.add(collection.settings().buildExecutor().submit(() -> {
        try {
          work(next, to);
        } catch (Exception | Error e) {
          failed = true; // the others stop at their next chunk: nobody writes once the caller handles this
          throw e;
        }
        return null;
      }));
    }
    ExecutionException first = null;
    for (Future<?> w : workers) {
      while (true) {
        try {
          w.get(LOG_EVERY_NANOS, TimeUnit.NANOSECONDS);
          break;
        } catch (TimeoutException e) {
          onWait.run();
        } catch (ExecutionException e) {
          first = first == null ? e : first;
          break;
        }
      }
    }
    if (first != null) {
      throw first.getCause() instanceof Exception ex ? ex : first;
    }
    return Math.min(next.get(), to);
  }

  private void work(AtomicInteger next, int to) throws Exception {
    List<FieldSchema> scalars = collection.codec().scalarFields();
    while (!cancelled.getAsBoolean() && !failed) {
      int c = next.getAndIncrement();
      if (c >= to) {
        return;
      }
      copyChunk(chunks.get(c), scalars);
    }
  }

  private void copyChunk(Chunk chunk, List<FieldSchema> scalars) throws Exception {
    DocCodec codec = collection.codec();
    SchemaView schema = collection.schema();
    LeafReaderContext leaf = snapshot.leaves().get(chunk.leaf());
    Bits live = leaf.reader().getLiveDocs();
    LeafValues values = new LeafValues(leaf.reader(), schema);
    for (int doc = chunk.from(); doc < chunk.to(); doc++) {
      if (live != null && !live.get(doc)) {
        continue;
      }
      float[][] vectors = new float[schema.vectorFields().size()][]; // kept by the document until the DWPT has indexed it
      for (int v = 0; v < vectors.length; v++) {
        String field = schema.vectorFields().get(v).getName();
        vectors[v] = new float[schema.dim(field)];
        values.vector(field, doc, vectors[v]);
      }
      Object[] scalarValues = new Object[scalars.size()];
      for (int i = 0; i < scalarValues.length; i++) {
        scalarValues[i] = values.value(scalars.get(i), doc);
      }
      fresh.writer.addDocument(codec.document(values.value(schema.primary(), doc), vectors, scalarValues, graphs,
          values.partitionTerm(doc)));
      indexed.incrementAndGet();
    }
  }
}
