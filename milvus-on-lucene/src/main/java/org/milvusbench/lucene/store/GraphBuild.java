package org.milvusbench.lucene.store;

import io.milvus.grpc.FieldSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the HNSW graph of a collection at CreateIndex time: copies every live row of the current
 * index into a fresh directory whose vector field has the index's metric, M and efConstruction, then
 * swaps it in. Why at CreateIndex and not at insert: Lucene fixes a vector field's similarity when the
 * first vector is added, but Milvus clients insert first and choose the metric later (the reference
 * flow inserts 1M rows, then creates an L2 index). Rows inserted before are kept raw and searched by
 * brute force; rows inserted after an index exists go straight into the graph.
 *
 * <p>Speed: {@code buildThreads} workers call {@code addDocument} concurrently, so each fills its own
 * segment (one DWPT per thread) and both cores build graphs; merging is off during the build and the
 * resulting segments are kept (merging HNSW segments costs about as much again as building them) and
 * searched concurrently. Progress ({@link #progress()}) is the number of rows already added to a graph.
 */
public final class GraphBuild implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(GraphBuild.class);
  private static final int CHUNK_DOCS = 512;

  /** Mirrors Milvus's common.IndexState values we use. */
  public enum State { IN_PROGRESS, FINISHED, FAILED }

  private final Collection collection;
  private final GraphSpec spec;
  private final CollectionState.IndexJson indexToPublish;
  private final AtomicLong indexed = new AtomicLong();
  private volatile long total = -1;
  private volatile State state = State.IN_PROGRESS;
  private volatile String failReason = "";
  private volatile boolean cancelled;

  GraphBuild(Collection collection, GraphSpec spec, CollectionState.IndexJson indexToPublish) {
    this.collection = collection;
    this.spec = spec;
    this.indexToPublish = indexToPublish;
  }

  public State state() {
    return state;
  }

  /** The index this build publishes when it finishes. */
  public CollectionState.IndexJson index() {
    return indexToPublish;
  }

  /**
   * State, rows and failure of this build read together, so that GetIndexState, GetIndexBuildProgress
   * and DescribeIndex cannot disagree: all rows count as indexed only once the state is FINISHED (the
   * graph is then published and searchable). While the build runs, the rows already in a graph are
   * capped one short of the total: committing and swapping the index is the last step.
   *
   * @param totalRows rows to index; -1 until the build has taken its snapshot
   */
  public record Progress(State state, long indexedRows, long totalRows, String failReason) {}

  public Progress progress() {
    State now = state; // read first: the counters below are at least as new as this state
    long rows = total;
    return switch (now) {
      case FINISHED -> new Progress(now, rows, rows, "");
      case FAILED -> new Progress(now, Math.min(indexed.get(), Math.max(0, rows)), Math.max(0, rows), failReason);
      case IN_PROGRESS -> new Progress(now, rows <= 0 ? 0 : Math.min(indexed.get(), rows - 1), rows, "");
    };
  }

  void cancel() {
    cancelled = true;
  }

  @Override
  public void run() {
    long start = System.nanoTime();
    collection.mutationLock.writeLock().lock();
    try {
      LuceneIndex old = collection.index();
      old.commit(collection.nextAutoId());
      String freshName = nextDirName(old.path.getFileName().toString());
      Path freshPath = collection.dir().resolve(freshName);
      deleteTree(freshPath); // left over by a build that a crash interrupted: never append to it
      try (DirectoryReader snapshot = DirectoryReader.open(old.writer)) {
        total = snapshot.numDocs();
        StoreSettings settings = collection.settings();
        LuceneIndex fresh = LuceneIndex.open(freshPath, spec, settings, settings.searchExecutor(), true,
            segmentRows(total, settings));
        try {
          copy(snapshot, fresh);
          fresh.writer.getConfig().setMergePolicy(LuceneIndex.mergePolicy());
          fresh.writer.getConfig().setMaxBufferedDocs(settings.maxSegmentRows() > 0
              ? settings.maxSegmentRows() : IndexWriterConfig.DISABLE_AUTO_FLUSH);
          fresh.commit(collection.nextAutoId());
          collection.setState(collection.state().withIndexDir(freshName, spec).withIndex(indexToPublish));
        } catch (Exception e) {
          fresh.close();
          deleteTree(freshPath);
          throw e;
        }
        collection.swapIndex(fresh);
      }
      old.close();
      deleteTree(old.path);
      long elapsedNanos = System.nanoTime() - start;
      state = State.FINISHED;
      LOG.info("collection {}: HNSW graph ({}) built for {} rows in {} ms", collection.name(), spec, total,
          elapsedNanos / 1_000_000);
    } catch (Throwable t) {
      failReason = t.getClass().getSimpleName() + ": " + t.getMessage();
      state = State.FAILED;
      LOG.error("collection {}: index build failed", collection.name(), t);
    } finally {
      collection.mutationLock.writeLock().unlock();
    }
  }

  private void copy(DirectoryReader snapshot, LuceneIndex fresh) throws Exception {
    List<int[]> chunks = new ArrayList<>();
    List<LeafReaderContext> leaves = snapshot.leaves();
    for (int l = 0; l < leaves.size(); l++) {
      int maxDoc = leaves.get(l).reader().maxDoc();
      for (int from = 0; from < maxDoc; from += CHUNK_DOCS) {
        chunks.add(new int[] {l, from, Math.min(maxDoc, from + CHUNK_DOCS)});
      }
    }
    AtomicInteger next = new AtomicInteger();
    DocCodec codec = collection.codec();
    int dim = collection.schema().dim();
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < collection.settings().buildThreads(); t++) {
      workers.add(collection.settings().buildExecutor().submit(() -> {
        List<FieldSchema> scalars = codec.scalarFields();
        for (int c = next.getAndIncrement(); c < chunks.size() && !cancelled; c = next.getAndIncrement()) {
          int[] chunk = chunks.get(c);
          LeafReaderContext leaf = leaves.get(chunk[0]);
          Bits live = leaf.reader().getLiveDocs();
          LeafValues values = new LeafValues(leaf.reader(), collection.schema());
          for (int doc = chunk[1]; doc < chunk[2]; doc++) {
            if (live != null && !live.get(doc)) {
              continue;
            }
            float[] vector = new float[dim];
            values.vector(doc, vector);
            Object[] scalarValues = new Object[scalars.size()];
            for (int i = 0; i < scalarValues.length; i++) {
              scalarValues[i] = values.value(scalars.get(i), doc);
            }
            fresh.writer.addDocument(codec.document(values.value(collection.schema().primary(), doc), vector,
                scalarValues, spec, values.partitionTerm(doc)));
            indexed.incrementAndGet();
          }
        }
        return null;
      }));
    }
    for (Future<?> w : workers) {
      w.get();
    }
    if (cancelled) {
      throw new IOException("index build cancelled (server shutting down)");
    }
  }

  /**
   * Rows per segment for a build of {@code total} rows: each thread seals {@code segmentsPerBuildThread}
   * segments. HNSW insertion slows as a graph grows, so smaller graphs build faster (measured here: 2
   * threads x 1 segment at 50k ~ 410 vec/s; 2 x 2 segments is the rate of a 25k build), while every
   * query searches every segment (concurrently, but the work adds up). 2% slack avoids a tiny last segment.
   */
  static int segmentRows(long total, StoreSettings settings) {
    long parts = (long) settings.buildThreads() * Math.max(1, settings.segmentsPerBuildThread());
    long rows = (long) Math.ceil(total * 1.02 / parts) + 1;
    return (int) Math.max(2, Math.min(Integer.MAX_VALUE / 2, rows));
  }

  static String nextDirName(String current) {
    int dash = current.lastIndexOf('-');
    long gen = dash < 0 ? 0 : Long.parseLong(current.substring(dash + 1));
    return "index-" + (gen + 1);
  }

  static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
