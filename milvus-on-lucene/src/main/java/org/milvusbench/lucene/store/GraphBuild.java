package org.milvusbench.lucene.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.milvusbench.lucene.store.CollectionState.SegmentJson;
import org.milvusbench.lucene.store.SourceSegments.Chunk;
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
 *
 * <p>Resumable: CreateIndex persists the request ({@link CollectionState.PendingBuildJson}); the build
 * copies the raw index's rows in its segment order, chunk by chunk ({@link SourceSegments}), in rounds of
 * one segment per thread, and after each round commits the new index with a {@link BuildCheckpoint}
 * (the chunks done). A killed or stopped target resumes at the last checkpoint when it opens the
 * collection again, losing at most one round; if the raw rows already copied changed meanwhile it
 * starts over and logs why. The raw index does not merge while a build is pending.
 */
public final class GraphBuild implements Runnable {
  private static final int CHUNK_DOCS = SourceSegments.CHUNK_DOCS;
  private static final Logger LOG = LoggerFactory.getLogger(GraphBuild.class);

  /** Mirrors Milvus's common.IndexState values we use. */
  public enum State { IN_PROGRESS, FINISHED, FAILED }

  private final Collection collection;
  private final GraphSpec spec;
  /** The vector field whose graph this build makes. */
  private final String field;
  private final CollectionState.IndexJson indexToPublish;
  private final String freshName;
  private final AtomicLong indexed = new AtomicLong();
  private volatile long total = -1;
  private volatile State state = State.IN_PROGRESS;
  private volatile String failReason = "";
  private volatile boolean cancelled;

  /**
   * The build {@code pending} describes (persisted in the collection's state by CreateIndex). After a
   * restart its progress starts at what the last checkpoint kept, before the build thread has checked it.
   */
  GraphBuild(Collection collection, CollectionState.PendingBuildJson pending) {
    this.collection = collection;
    this.spec = pending.graph().spec();
    this.field = pending.index().fieldName();
    this.indexToPublish = pending.index();
    this.freshName = pending.indexDir();
    if (pending.source() != null) {
      BuildCheckpoint kept = BuildCheckpoint.read(collection.dir().resolve(freshName));
      indexed.set(kept == null ? 0 : kept.rows());
      total = SourceSegments.liveRows(pending.source());
    }
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

  /** Whether the collection closed (shutdown, drop) before or while this build ran. */
  boolean cancelled() {
    return cancelled;
  }

  @Override
  public void run() {
    if (cancelled) {
      return; // the collection closed (shutdown, drop) before this build's turn: its pending state stays
    }
    collection.mutationLock.writeLock().lock();
    try {
      LuceneIndex old = collection.index();
      // The field being indexed gets the new graph; the collection's other vector fields keep theirs.
      VectorGraphs graphs = old.graphs.with(field, spec);
      freeze(old);
      Path freshPath = collection.dir().resolve(freshName);
      LuceneIndex fresh = null;
      try (DirectoryReader snapshot = DirectoryReader.open(old.writer)) {
        List<SegmentJson> segments = SourceSegments.of(snapshot);
        List<Chunk> chunks = SourceSegments.chunks(snapshot);
        total = SourceSegments.liveRows(segments);
        StoreSettings settings = collection.settings();
        int roundRows = (int) Math.min(Integer.MAX_VALUE / 4, (long) segmentRows(total, settings) * settings.buildThreads());
        BuildCheckpoint from = startingPoint(freshPath, segments, chunks);
        indexed.set(from.rows());
        // Only a checkpoint's commit seals segments: a round's rows fill one segment per thread.
        fresh = LuceneIndex.open(freshPath, graphs, graphs.of(collection.schema().vectorName()), settings,
            settings.searchExecutor(), true, roundRows + 2 * CHUNK_DOCS);
        persistSource(segments);
        if (!copyInRounds(snapshot, chunks, fresh, graphs, from, roundRows)) {
          fresh.close(); // shutting down: the checkpoint just committed is where the next start resumes
          fresh = null;
          failReason = "index build paused: the server is shutting down; it resumes at the next start";
          state = State.FAILED;
          return;
        }
        publish(fresh, settings);
      } catch (Exception e) {
        discard(fresh, freshPath, old);
        throw e;
      }
      old.close();
      deleteTree(old.path);
    } catch (Throwable t) {
      failReason = t.getClass().getSimpleName() + ": " + t.getMessage();
      state = State.FAILED;
      LOG.error("collection {}: index build failed", collection.name(), t);
    } finally {
      collection.mutationLock.writeLock().unlock();
    }
  }

  /**
   * Freezes the raw index's segments for as long as the build is pending: no merges (they would change
   * the chunks a checkpoint counts), running ones finished, everything committed (the snapshot is then
   * what a restart finds on disk).
   */
  private void freeze(LuceneIndex raw) throws IOException {
    raw.writer.getConfig().setMergePolicy(NoMergePolicy.INSTANCE);
    ((ConcurrentMergeScheduler) raw.writer.getConfig().getMergeScheduler()).sync();
    raw.commit(collection.nextAutoId());
  }

  /** The checkpoint an interrupted build left if it still holds for the raw index as it is now, else none (directory emptied). */
  private BuildCheckpoint startingPoint(Path freshPath, List<SegmentJson> segments, List<Chunk> chunks) throws IOException {
    CollectionState.PendingBuildJson pending = collection.state().build();
    if (pending != null && pending.source() != null) {
      BuildCheckpoint kept = BuildCheckpoint.read(freshPath);
      String why = kept == null ? "no checkpoint was committed before it stopped"
          : kept.chunkDocs() != CHUNK_DOCS ? "its chunks had " + kept.chunkDocs() + " doc ids, now " + CHUNK_DOCS
          : SourceSegments.whyNotPrefix(pending.source(), segments);
      if (why == null && (kept.chunks() > chunks.size() || SourceSegments.rowsBefore(chunks, kept.chunks()) != kept.rows())) {
        why = "its " + kept.chunks() + " chunks do not hold its " + kept.rows() + " rows in the raw index";
      }
      if (why == null) {
        LOG.info("collection {}: index build resumed: {} of {} rows kept from the interrupted build ({} chunks)",
            collection.name(), kept.rows(), total, kept.chunks());
        return kept;
      }
      LOG.warn("collection {}: index build starts over, 0 of {} rows kept: {}", collection.name(), total, why);
    }
    deleteTree(freshPath); // never append to a directory whose progress is unknown
    return BuildCheckpoint.NONE;
  }

  /** Records the raw segments the build copies (those of a resumed build extend the ones recorded before). */
  private void persistSource(List<SegmentJson> segments) throws IOException {
    CollectionState s = collection.state();
    CollectionState.PendingBuildJson pending = s.build() != null ? s.build()
        : new CollectionState.PendingBuildJson(freshName, CollectionState.GraphJson.of(spec), indexToPublish, null);
    collection.setState(s.withBuild(pending.withSource(segments)));
  }

  /**
   * Copies the chunks after {@code from} in rounds of about {@code roundRows} rows and commits a
   * checkpoint after each; false if cancelled (a checkpoint of what was done is committed first).
   */
  private boolean copyInRounds(DirectoryReader snapshot, List<Chunk> chunks, LuceneIndex fresh, VectorGraphs graphs,
      BuildCheckpoint from, int roundRows) throws Exception {
    ChunkCopier copier = new ChunkCopier(collection, graphs, snapshot, chunks, fresh, indexed, () -> cancelled);
    BuildRate rate = new BuildRate(collection.name(), from.rows(), total);
    int done = from.chunks();
    while (done < chunks.size()) {
      int end = done;
      for (long rows = 0; end < chunks.size() && rows < roundRows; end++) {
        rows += chunks.get(end).liveRows();
      }
      int reached = copier.copy(done, end, () -> rate.log("building", indexed.get()));
      if (reached > done) {
        BuildCheckpoint cp = new BuildCheckpoint(reached, SourceSegments.rowsBefore(chunks, reached), CHUNK_DOCS);
        fresh.commit(cp.commitData(collection.nextAutoId()));
        rate.log("checkpoint committed", cp.rows());
      }
      done = reached;
      if (cancelled) {
        rate.log("paused by shutdown, checkpoint", SourceSegments.rowsBefore(chunks, done));
        return false;
      }
    }
    rate.log("graph built", total);
    return true;
  }

  /** Makes the built index the collection's: merges small insert segments from now on, state persisted, swapped in. */
  private void publish(LuceneIndex fresh, StoreSettings settings) throws IOException {
    fresh.writer.getConfig().setMergePolicy(LuceneIndex.mergePolicy());
    fresh.writer.getConfig().setMaxBufferedDocs(settings.maxSegmentRows() > 0
        ? settings.maxSegmentRows() : IndexWriterConfig.DISABLE_AUTO_FLUSH);
    // The last checkpoint's commit holds every row: a kill from here on resumes with nothing left to copy.
    CollectionState s = collection.state();
    if (field.equals(collection.schema().vectorName())) {
      s = s.withIndexDir(freshName, spec).withIndex(indexToPublish);
    } else {
      s = s.withIndexDir(freshName, s.graph() == null ? null : s.graph().spec()).withExtraVector(field, spec, indexToPublish);
    }
    collection.setState(s.withBuild(null));
    collection.swapIndex(fresh);
    state = State.FINISHED;
  }

  /** A failed build: its directory and pending state go (create the index again), the raw index merges again. */
  private void discard(LuceneIndex fresh, Path freshPath, LuceneIndex old) {
    try {
      if (fresh != null) {
        fresh.close();
      }
      deleteTree(freshPath);
      old.writer.getConfig().setMergePolicy(LuceneIndex.mergePolicy());
      collection.setState(collection.state().withBuild(null));
    } catch (IOException | RuntimeException e) {
      LOG.warn("collection {}: cleaning up after a failed index build failed", collection.name(), e);
    }
  }

  /** Largest segment an automatic layout builds: checkpoints stay a segment apart, graphs build at a usable rate. */
  static final long AUTO_MAX_SEGMENT_ROWS = 250_000;

  /**
   * Rows per segment for a build of {@code total} rows: each thread seals {@code segmentsPerBuildThread}
   * segments, or with 0 (the default) one, more only when a segment would pass
   * {@link #AUTO_MAX_SEGMENT_ROWS}. Every query searches every segment, so fewer segments search faster
   * (SegmentLayoutBenchmark, 50k rows: 1 / 2 / 4 segments gave 181 / 126 / 86 QPS at c=8), while
   * smaller graphs build faster and a build checkpoints once per round of segments. 2% slack avoids a
   * tiny last segment.
   */
  static int segmentRows(long total, StoreSettings settings) {
    long threads = settings.buildThreads();
    long perThread = settings.segmentsPerBuildThread() > 0 ? settings.segmentsPerBuildThread()
        : Math.max(1, (total + threads * AUTO_MAX_SEGMENT_ROWS - 1) / (threads * AUTO_MAX_SEGMENT_ROWS));
    long rows = (long) Math.ceil(total * 1.02 / (threads * perThread)) + 1;
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
