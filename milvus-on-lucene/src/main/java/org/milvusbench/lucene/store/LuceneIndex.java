package org.milvusbench.lucene.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * One Lucene directory of a collection with its writer and near-real-time {@link SearcherManager}.
 * Searchers get {@code searchExecutor}, so a query searches the segments concurrently (both cores at
 * concurrency 1); the HNSW codec carries the graph's M / efConstruction.
 */
final class LuceneIndex implements AutoCloseable {
  static final String NEXT_AUTO_ID = "nextAutoId";

  final Path path;
  /** The first vector field's graph ({@code graphs.of(schema.vectorName())}), kept apart for the single-vector search path. */
  final GraphSpec graph;
  final VectorGraphs graphs;
  final Directory directory;
  final IndexWriter writer;
  final SearcherManager searchers;

  private LuceneIndex(Path path, VectorGraphs graphs, GraphSpec graph, Directory directory, IndexWriter writer,
      SearcherManager searchers) {
    this.path = path;
    this.graphs = graphs;
    this.graph = graph;
    this.directory = directory;
    this.writer = writer;
    this.searchers = searchers;
  }

  /**
   * Opens (or creates) the index at {@code path}. {@code bulkBuild} disables merging: a graph build
   * writes one large segment per indexing thread, and merging HNSW segments costs about as much again
   * as building them (DESIGN §7), so segments are kept and searched concurrently instead.
   */
  static LuceneIndex open(Path path, VectorGraphs graphs, GraphSpec graph, StoreSettings settings,
      ExecutorService searchExecutor, boolean bulkBuild) throws IOException {
    return open(path, graphs, graph, settings, searchExecutor, bulkBuild, settings.maxSegmentRows());
  }

  /** As above, with {@code maxSegmentRows} rows per segment (0 = only the RAM buffer flushes). */
  static LuceneIndex open(Path path, VectorGraphs graphs, GraphSpec graph, StoreSettings settings,
      ExecutorService searchExecutor, boolean bulkBuild, int maxSegmentRows) throws IOException {
    Directory dir = FSDirectory.open(path);
    IndexWriter writer = null;
    try {
      IndexWriterConfig cfg = new IndexWriterConfig();
      cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      cfg.setCodec(new HnswCodec(graphs, settings.mergeWorkers(), settings.mergeExecutor()));
      cfg.setRAMBufferSizeMB(settings.ramBufferMb());
      if (maxSegmentRows > 0) {
        cfg.setMaxBufferedDocs(maxSegmentRows);
      }
      cfg.setCommitOnClose(true);
      cfg.setMergePolicy(bulkBuild ? NoMergePolicy.INSTANCE : mergePolicy());
      ConcurrentMergeScheduler cms = new ConcurrentMergeScheduler();
      cms.setMaxMergesAndThreads(2, 1);
      cfg.setMergeScheduler(cms);
      writer = new IndexWriter(dir, cfg);
      SearcherManager mgr = new SearcherManager(writer, new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(org.apache.lucene.index.IndexReader reader,
            org.apache.lucene.index.IndexReader previous) {
          return new IndexSearcher(reader, searchExecutor);
        }
      });
      return new LuceneIndex(path, graphs, graph, dir, writer, mgr);
    } catch (IOException | RuntimeException e) {
      IOUtils.closeWhileHandlingException(writer, dir);
      throw e;
    }
  }

  /** Merges small segments (e.g. one per NRT refresh of small inserts), never the big ones of a bulk build. */
  static TieredMergePolicy mergePolicy() {
    TieredMergePolicy tmp = new TieredMergePolicy();
    tmp.setSegmentsPerTier(10);
    tmp.setMaxMergedSegmentMB(256);
    return tmp;
  }

  void commit(long nextAutoId) throws IOException {
    commit(Map.of(NEXT_AUTO_ID, Long.toString(nextAutoId)));
  }

  /** Commits with {@code data} as the commit's user data (which must hold {@link #NEXT_AUTO_ID}). */
  void commit(Map<String, String> data) throws IOException {
    writer.setLiveCommitData(data.entrySet());
    writer.commit();
  }

  long committedNextAutoId() throws IOException {
    Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
    if (data != null) {
      for (Map.Entry<String, String> e : data) {
        if (e.getKey().equals(NEXT_AUTO_ID)) {
          return Long.parseLong(e.getValue());
        }
      }
    }
    return 1;
  }

  @Override
  public void close() throws IOException {
    IOUtils.close(searchers, writer, directory);
  }
}
