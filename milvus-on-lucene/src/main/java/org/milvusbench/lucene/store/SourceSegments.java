package org.milvusbench.lucene.store;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.StringHelper;
import org.milvusbench.lucene.store.CollectionState.SegmentJson;

/**
 * The raw index's segments as a graph build copies them, in the reader's (commit) order, and the chunks
 * of {@link #CHUNK_DOCS} doc ids the copy is cut into: chunk {@code i} is the same rows for as long as
 * the segments are. A resumed build checks that the segments it copied before a restart are still the
 * first ones, unchanged (same name, id, size and deletions); segments after them hold rows inserted
 * since, which it copies too. Merging is off on a raw index with a pending build, so only writes
 * change it: a delete or upsert of an already copied row changes a segment's deletions, and the
 * progress is then invalid (the build starts over).
 */
final class SourceSegments {
  static final int CHUNK_DOCS = 128;

  /** A chunk: doc ids {@code [from, to)} of leaf {@code leaf}, of which {@code liveRows} are live. */
  record Chunk(int leaf, int from, int to, int liveRows) {}

  private SourceSegments() {}

  static List<SegmentJson> of(DirectoryReader reader) {
    List<SegmentJson> out = new ArrayList<>(reader.leaves().size());
    for (LeafReaderContext leaf : reader.leaves()) {
      SegmentReader sr = (SegmentReader) FilterLeafReader.unwrap(leaf.reader());
      out.add(new SegmentJson(sr.getSegmentName(), StringHelper.idToString(sr.getSegmentInfo().info.getId()),
          sr.maxDoc(), sr.numDeletedDocs()));
    }
    return out;
  }

  /** Null if {@code now} starts with {@code copied}, else why not (for the log). */
  static String whyNotPrefix(List<SegmentJson> copied, List<SegmentJson> now) {
    if (now.size() < copied.size()) {
      return "the raw index has " + now.size() + " segments, the build had copied from " + copied.size();
    }
    for (int i = 0; i < copied.size(); i++) {
      if (!copied.get(i).equals(now.get(i))) {
        return "raw segment " + i + " changed (deletes, upserts or a merge): was " + copied.get(i) + ", is " + now.get(i);
      }
    }
    return null;
  }

  static long liveRows(List<SegmentJson> segments) {
    long rows = 0;
    for (SegmentJson s : segments) {
      rows += s.maxDoc() - s.deleted();
    }
    return rows;
  }

  /** The chunks of every leaf in order, with their live rows. */
  static List<Chunk> chunks(DirectoryReader reader) {
    List<Chunk> chunks = new ArrayList<>();
    List<LeafReaderContext> leaves = reader.leaves();
    for (int l = 0; l < leaves.size(); l++) {
      int maxDoc = leaves.get(l).reader().maxDoc();
      Bits live = leaves.get(l).reader().getLiveDocs();
      for (int from = 0; from < maxDoc; from += CHUNK_DOCS) {
        int to = Math.min(maxDoc, from + CHUNK_DOCS);
        int rows = to - from;
        if (live != null) {
          for (int d = from; d < to; d++) {
            rows -= live.get(d) ? 0 : 1;
          }
        }
        chunks.add(new Chunk(l, from, to, rows));
      }
    }
    return chunks;
  }

  /** Live rows of chunks {@code [0, n)}. */
  static long rowsBefore(List<Chunk> chunks, int n) {
    long rows = 0;
    for (int i = 0; i < n; i++) {
      rows += chunks.get(i).liveRows();
    }
    return rows;
  }
}
