package org.milvusbench.lucene.store;

import io.milvus.grpc.DataType;
import io.milvus.grpc.FieldSchema;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;

/**
 * Primary keys of search hits. Int64 keys of each segment are a {@code long[]} by doc id, loaded once
 * per segment core and dropped when Lucene closes it: hits need their keys on every request, and
 * opening doc-values iterators per hit costs more than the rest of the response (8 bytes per row: 8 MB
 * per million rows). VarChar keys are not cached (a string per row would cost far more memory): the hits
 * are visited in doc order, one forward iterator per segment.
 */
final class PrimaryKeyCache {
  private final String field;
  private final boolean varchar;
  private final Map<IndexReader.CacheKey, long[]> bySegment = new ConcurrentHashMap<>();

  PrimaryKeyCache(FieldSchema primary) {
    this.field = primary.getName();
    this.varchar = primary.getDataType() == DataType.VarChar;
  }

  /** Primary keys of global doc ids of {@code reader}, in the order of {@code docs}. */
  Keys lookup(IndexReader reader, int[] docs) throws IOException {
    return varchar ? strings(reader, docs) : new Keys.Longs(longs(reader, docs));
  }

  private long[] longs(IndexReader reader, int[] docs) throws IOException {
    long[] out = new long[docs.length];
    List<LeafReaderContext> leaves = reader.leaves();
    for (int i = 0; i < docs.length; i++) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
      out[i] = keys(leaf.reader())[docs[i] - leaf.docBase];
    }
    return out;
  }

  private Keys.Strings strings(IndexReader reader, int[] docs) throws IOException {
    // (doc << 32 | position), sorted: doc order for the forward-only iterators, position to put each back.
    long[] order = new long[docs.length];
    for (int i = 0; i < docs.length; i++) {
      order[i] = ((long) docs[i] << 32) | i;
    }
    Arrays.sort(order);
    String[] out = new String[docs.length];
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = null;
    SortedSetDocValues dv = null;
    int previousDoc = -1;
    String previousKey = null;
    for (long packed : order) {
      int doc = (int) (packed >>> 32);
      if (doc != previousDoc) { // the same hit twice (an iterator cannot go back): reuse its key
        if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
          leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
          dv = DocValues.getSortedSet(leaf.reader(), field);
        }
        if (!dv.advanceExact(doc - leaf.docBase)) {
          throw new IllegalStateException("doc " + doc + " has no value for " + field);
        }
        previousKey = dv.lookupOrd(dv.nextOrd()).utf8ToString();
        previousDoc = doc;
      }
      out[(int) packed] = previousKey;
    }
    return new Keys.Strings(out);
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
