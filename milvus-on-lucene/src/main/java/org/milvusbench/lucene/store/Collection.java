package org.milvusbench.lucene.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.AlreadyClosedException;

/**
 * One Milvus collection: schema, state file and the current {@link LuceneIndex}. Inserts and deletes
 * run concurrently with searches (NRT: searchers refresh lazily, on the first read after a write); an
 * index build ({@link GraphBuild}) holds the mutation lock exclusively and swaps in a new directory.
 */
public final class Collection implements AutoCloseable {
  private final Path dir;
  private final SchemaView schema;
  private final DocCodec codec;
  private final StoreSettings settings;
  /** Shared by inserts/deletes/flush; exclusive for a graph build (which copies a consistent snapshot). */
  final ReentrantReadWriteLock mutationLock = new ReentrantReadWriteLock();
  /** The next auto id: committed with the data, and never behind the largest key (see {@link RowWriter}). */
  final AtomicLong nextAutoId;
  private final RowWriter writer;
  private final PrimaryKeyCache primaryKeys;
  private volatile CollectionState state;
  private volatile LuceneIndex index;
  // Writes bump writeGeneration; a search refreshes until refreshedGeneration covers what it saw.
  // (A single dirty flag let a search that arrived during another's refresh use the stale searcher.)
  private final AtomicLong writeGeneration = new AtomicLong();
  private final AtomicLong refreshedGeneration = new AtomicLong();
  // Bumped before and after every change of rows (not by an index swap): a reader that saw the same
  // version before and after its read saw the rows of that version and no write in between.
  private final AtomicLong contentVersion = new AtomicLong();
  private volatile GraphBuild build;
  private final CollectionPartitions partitions = new CollectionPartitions(this);

  /** Opened by {@link CollectionOpener}, which reads the state and the index and finds the next auto id. */
  Collection(Path dir, CollectionState state, SchemaView schema, LuceneIndex index, StoreSettings settings,
      long nextAutoId) {
    this.dir = dir;
    this.state = state;
    this.index = index;
    this.settings = settings;
    this.schema = schema;
    this.codec = new DocCodec(schema);
    this.primaryKeys = new PrimaryKeyCache(schema.primary());
    this.nextAutoId = new AtomicLong(nextAutoId);
    this.writer = new RowWriter(this);
  }

  /** Primary keys of global doc ids of a reader of this collection (Int64 ones cached per segment). */
  public Keys primaryKeys(IndexReader reader, int[] docs) throws IOException {
    return primaryKeys.lookup(reader, docs);
  }

  public String name() {
    return state.name();
  }

  public CollectionState state() {
    return state;
  }

  public SchemaView schema() {
    return schema;
  }

  public DocCodec codec() {
    return codec;
  }

  Path dir() {
    return dir;
  }

  StoreSettings settings() {
    return settings;
  }

  LuceneIndex index() {
    return index;
  }

  /** The HNSW graph the (first) vector field currently holds, or null (vectors kept raw, brute-force search). */
  public GraphSpec graph() {
    return index.graph;
  }

  /** The graph each vector field currently holds. */
  public VectorGraphs graphs() {
    return index.graphs;
  }

  /** Loaded as a whole or in part (some partitions): searches are served. */
  public boolean loaded() {
    return state.wasLoaded() || state.partitionList().stream().anyMatch(CollectionState.PartitionJson::wasLoaded);
  }

  public CollectionPartitions partitions() {
    return partitions;
  }

  /**
   * Loads the whole collection (every partition, also those created later) or releases every partition;
   * remembered across restarts, as Milvus does.
   */
  public synchronized void setLoaded(boolean value) throws IOException {
    CollectionState s = state.withLoaded(value);
    if (!value && state.partitions() != null) {
      s = s.withPartitions(state.partitions().stream().map(p -> p.withLoaded(false)).toList());
    }
    if (!s.equals(state)) {
      replaceState(s);
    }
  }

  /** Persists and publishes {@code s} as it is (load flags included). */
  synchronized void replaceState(CollectionState s) throws IOException {
    s.write(dir);
    state = s;
  }

  /** The running or last graph build, or null. */
  public GraphBuild build() {
    return build;
  }

  void setBuild(GraphBuild b) {
    build = b;
  }

  /** Replaces the persisted index state; load flags and partitions stay as they are now. */
  synchronized void setState(CollectionState s) throws IOException {
    replaceState(s.withLoadAndPartitionsOf(state));
  }

  void swapIndex(LuceneIndex replacement) {
    index = replacement;
    writeGeneration.incrementAndGet(); // same rows, new doc ids: readers refresh, the content version stays
  }

  /** Adds the rows to {@code _default} and returns their primary keys ({@link RowWriter#insert}). */
  public Keys insert(RowBatch batch) throws Exception {
    return insert(batch, "");
  }

  /** Adds the rows to the named partition (blank: {@code _default}, missing: Milvus's 200). */
  public Keys insert(RowBatch batch, String partition) throws Exception {
    return writer.insert(batch, partitions.writeTerm(partition));
  }

  /** Inserts or replaces the rows by primary key, atomically for readers ({@link RowWriter#upsert}). */
  public Keys upsert(RowBatch batch) throws IOException {
    return upsert(batch, "");
  }

  /**
   * The same into the named partition: as in Milvus, the keys are then replaced in that partition only
   * (no name: in every partition, and the rows go to {@code _default}).
   */
  public Keys upsert(RowBatch batch, String partition) throws IOException {
    return writer.upsert(batch, partitions.writeTerm(partition), partitions.writeRestriction(partition));
  }

  /** Deletes the rows matching {@code query}; returns how many there were. */
  public long delete(Query query) throws IOException {
    return writer.delete(query);
  }

  /** Called by every write once its change is in the writer: the next {@link #acquire} refreshes to see it. */
  void markWritten() {
    contentVersion.incrementAndGet();
    writeGeneration.incrementAndGet();
  }

  /** Called by every write before its change reaches the writer (see {@link #contentVersion()}). */
  void markChanging() {
    contentVersion.incrementAndGet();
  }

  /**
   * The version of the rows: unchanged between two reads means no write started or ended between them,
   * so both saw the same rows (what an iterator's snapshot needs; a graph swap keeps the version).
   */
  public long contentVersion() {
    return contentVersion.get();
  }

  /** Commits (Milvus Flush: rows become durable). During a graph build the build's own commit covers it. */
  public void flush() throws IOException {
    if (!mutationLock.readLock().tryLock()) {
      return;
    }
    try {
      index.commit(nextAutoId.get());
    } finally {
      mutationLock.readLock().unlock();
    }
  }

  long nextAutoId() {
    return nextAutoId.get();
  }

  /** Live rows, as of the latest refresh. */
  public long rowCount() throws IOException {
    try (SearcherLease lease = acquire()) {
      return lease.searcher().getIndexReader().numDocs();
    }
  }

  /** A searcher that sees every completed write; close the lease to release it. */
  public SearcherLease acquire() throws IOException {
    while (true) {
      LuceneIndex current = index;
      try {
        long wanted = writeGeneration.get();
        if (refreshedGeneration.get() < wanted) {
          // Blocks on a refresh already running, then refreshes again: the result sees every write up to wanted.
          current.searchers.maybeRefreshBlocking();
          refreshedGeneration.accumulateAndGet(wanted, Math::max);
        }
        return new SearcherLease(current.searchers, current.searchers.acquire(), current.graph, current.graphs);
      } catch (AlreadyClosedException e) {
        // A finished graph build swapped the index between our read of it and acquire: use the new one.
        if (current == index) {
          throw e;
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    GraphBuild b = build;
    if (b != null) {
      b.cancel();
    }
    mutationLock.writeLock().lock();
    try {
      index.commit(nextAutoId.get());
      index.close();
    } finally {
      mutationLock.writeLock().unlock();
    }
  }
}
