package org.milvusbench.lucene.store;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedNumericDocValues;

/**
 * Primary keys of each segment as a {@code long[]} by doc id, loaded once per segment core and dropped
 * when Lucene closes it. Search hits need their keys on every request; opening doc-values iterators
 * per hit costs more than the rest of the response (8 bytes per row: 8 MB per million rows).
 */
final class PrimaryKeyCache {
  private final String field;
  private final Map<IndexReader.CacheKey, long[]> bySegment = new ConcurrentHashMap<>();

  PrimaryKeyCache(String field) {
    this.field = field;
  }

  /** Primary keys of global doc ids of {@code reader}. */
  long[] lookup(IndexReader reader, int[] docs) throws IOException {
    long[] out = new long[docs.length];
    List<LeafReaderContext> leaves = reader.leaves();
    for (int i = 0; i < docs.length; i++) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
      out[i] = keys(leaf.reader())[docs[i] - leaf.docBase];
    }
    return out;
  }

  private long[] keys(LeafReader leaf) throws IOException {
    IndexReader.CacheHelper helper = leaf.getCoreCacheHelper();
    if (helper == null) {
      return load(leaf);
    }
    long[] keys = bySegment.get(helper.getKey());
    if (keys == null) {
      keys = load(leaf);
      if (bySegment.putIfAbsent(helper.getKey(), keys) == null) {
        helper.addClosedListener(bySegment::remove);
      }
    }
    return keys;
  }

  private long[] load(LeafReader leaf) throws IOException {
    long[] keys = new long[leaf.maxDoc()];
    SortedNumericDocValues dv = DocValues.getSortedNumeric(leaf, field);
    for (int doc = dv.nextDoc(); doc != SortedNumericDocValues.NO_MORE_DOCS; doc = dv.nextDoc()) {
      keys[doc] = dv.nextValue();
    }
    return keys;
  }
}
