package org.milvusbench.lucene.store;

import java.io.IOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;

/**
 * A searcher borrowed from a {@link SearcherManager} ({@link Collection#acquire()}), with the graph
 * spec its index was built with (the first vector field's, and every field's in {@code graphs}); close it to give the searcher back.
 */
public record SearcherLease(SearcherManager manager, IndexSearcher searcher, GraphSpec graph, VectorGraphs graphs)
    implements AutoCloseable {
  public IndexReader reader() {
    return searcher.getIndexReader();
  }

  @Override
  public void close() throws IOException {
    manager.release(searcher);
  }
}
