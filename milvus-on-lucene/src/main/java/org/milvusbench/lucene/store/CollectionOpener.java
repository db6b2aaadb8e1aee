package org.milvusbench.lucene.store;

import io.milvus.grpc.CollectionSchema;
import io.milvus.grpc.DataType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TopFieldDocs;

/**
 * Opens a {@link Collection} from its directory, as it was left: reads the state file, removes
 * index directories a stop or a failed build left behind, opens the current Lucene index and finds
 * where auto ids resume.
 */
final class CollectionOpener {
  private CollectionOpener() {}

  /** Writes a new collection's directory and state file, then opens it. */
  static Collection create(Path dir, CollectionState state, StoreSettings settings) throws IOException {
    Files.createDirectories(dir);
    state.write(dir);
    return open(dir, settings);
  }

  /**
   * Opens the collection in {@code dir}. With a pending graph build the raw index does not merge: the
   * build copies its segments in order and a resumed one needs them as they were ({@link GraphBuild}).
   */
  static Collection open(Path dir, StoreSettings settings) throws IOException {
    CollectionState state = CollectionState.read(dir);
    deleteStrayIndexDirs(dir, state);
    GraphSpec graph = state.graph() == null ? null : state.graph().spec();
    SchemaView schema = new SchemaView(CollectionSchema.parseFrom(Base64.getDecoder().decode(state.schemaBase64())));
    LuceneIndex index = LuceneIndex.open(dir.resolve(state.indexDir()), VectorGraphs.of(state, schema), graph, settings,
        settings.searchExecutor(), state.build() != null);
    long nextAutoId = Math.max(index.committedNextAutoId(), maxPrimaryKey(index, schema) + 1);
    return new Collection(dir, state, schema, index, settings, nextAutoId);
  }

  /**
   * Deletes Lucene directories neither current nor being built: left by a stop between a build's
   * publication and the deletion of the directory it replaced, or by a build that failed.
   */
  private static void deleteStrayIndexDirs(Path dir, CollectionState state) throws IOException {
    String building = state.build() == null ? null : state.build().indexDir();
    try (Stream<Path> dirs = Files.list(dir)) {
      for (Path d : dirs.filter(Files::isDirectory).toList()) {
        String name = d.getFileName().toString();
        if (name.matches("index-\\d+") && !name.equals(state.indexDir()) && !name.equals(building)) {
          GraphBuild.deleteTree(d);
        }
      }
    }
  }

  /** The largest Int64 key, or 0 (no rows, or VarChar keys: their auto ids live only in the commit data). */
  private static long maxPrimaryKey(LuceneIndex index, SchemaView schema) throws IOException {
    if (schema.primary().getDataType() == DataType.VarChar) {
      return 0;
    }
    IndexSearcher s = index.searchers.acquire();
    try {
      Sort byPkDesc = new Sort(new SortedNumericSortField(schema.primaryName(), SortField.Type.LONG,
          true, SortedNumericSelector.Type.MAX));
      TopFieldDocs top = s.search(new MatchAllDocsQuery(), 1, byPkDesc);
      if (top.scoreDocs.length == 0) {
        return 0;
      }
      List<LeafReaderContext> leaves = s.getIndexReader().leaves();
      int doc = top.scoreDocs[0].doc;
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
      return new LeafValues(leaf.reader(), schema).primaryKey(doc - leaf.docBase);
    } finally {
      index.searchers.release(s);
    }
  }
}
