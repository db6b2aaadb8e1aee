package org.milvusbench.lucene.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * How far a graph build got: the first {@code chunks} chunks of the raw index ({@link SourceSegments},
 * {@code chunkDocs} doc ids each), {@code rows} live rows. Kept in the commit user data of the index
 * being built, so it is committed atomically with the rows it describes (a Lucene commit is one
 * {@code segments_N} file written and renamed): a kill leaves the last commit and its own checkpoint,
 * never rows without their record or a record without its rows.
 */
record BuildCheckpoint(int chunks, long rows, int chunkDocs) {
  static final BuildCheckpoint NONE = new BuildCheckpoint(0, 0, SourceSegments.CHUNK_DOCS);
  private static final String CHUNKS = "buildChunks";
  private static final String ROWS = "buildRows";
  private static final String CHUNK_DOCS = "buildChunkDocs";

  /** The commit data that records this checkpoint (with the auto id counter, as every commit has it). */
  Map<String, String> commitData(long nextAutoId) {
    Map<String, String> data = new HashMap<>();
    data.put(LuceneIndex.NEXT_AUTO_ID, Long.toString(nextAutoId));
    data.put(CHUNKS, Integer.toString(chunks));
    data.put(ROWS, Long.toString(rows));
    data.put(CHUNK_DOCS, Integer.toString(chunkDocs));
    return data;
  }

  /**
   * The checkpoint of the last commit in {@code dir}, or null if there is none (no commit, not a build's,
   * or its rows are not the rows the commit holds).
   */
  static BuildCheckpoint read(Path dir) {
    if (!Files.isDirectory(dir)) {
      return null;
    }
    try (Directory d = FSDirectory.open(dir)) {
      if (!DirectoryReader.indexExists(d)) {
        return null;
      }
      SegmentInfos infos = SegmentInfos.readLatestCommit(d);
      BuildCheckpoint cp = of(infos.getUserData());
      long docs = 0;
      for (SegmentCommitInfo si : infos) {
        docs += si.info.maxDoc() - si.getDelCount();
      }
      return cp != null && cp.rows() == docs ? cp : null;
    } catch (IOException | RuntimeException e) {
      return null; // unreadable: the build starts over
    }
  }

  static BuildCheckpoint of(Map<String, String> data) {
    String chunks = data.get(CHUNKS);
    String rows = data.get(ROWS);
    String chunkDocs = data.get(CHUNK_DOCS);
    if (chunks == null || rows == null || chunkDocs == null) {
      return null;
    }
    return new BuildCheckpoint(Integer.parseInt(chunks), Long.parseLong(rows), Integer.parseInt(chunkDocs));
  }
}
