package org.milvusbench.dataprep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.milvusbench.dataprep.QueryPool.Fingerprint;
import org.milvusbench.dataprep.source.VecsWriter;

/**
 * Ground truth of one filter for one kind of queries, next to the query pool it belongs to:
 * {@code groundtruth-<kind>-<key>.i64vecs} (ids, best first; fewer than k where fewer rows match),
 * {@code .scores.fvecs} (their scores) and {@code .json} ({@link Entry}: the filter's canonical text,
 * k and the pool's fingerprint). {@code <key>} is the first 16 hex digits of the SHA-256 of the
 * canonical text; the recorded text, not the key, decides whether a file is the filter's.
 */
final class FilteredTruthStore {
  static final int VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Contents of the {@code .json} side file, written last. */
  record Entry(int version, String filter, String kind, int k, int queries, long matchingRows, long rows,
      Fingerprint fingerprint, double seconds, String created) {}

  /** A stored entry with its ids per query. */
  record Stored(Entry entry, long[][] ids) {}

  private FilteredTruthStore() {}

  /** The file name stem for {@code filter} (canonical text) and {@code kind}: {@code groundtruth-dataset-0123456789abcdef}. */
  static String stem(String kind, String filter) {
    try {
      byte[] sha = MessageDigest.getInstance("SHA-256").digest(filter.getBytes(StandardCharsets.UTF_8));
      return "groundtruth-" + kind + "-" + HexFormat.of().formatHex(sha, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The side file for {@code filter} and {@code kind} in {@code dir}. */
  static Path entryFile(Path dir, String kind, String filter) {
    return dir.resolve(stem(kind, filter) + ".json");
  }

  /** The stored ids when the side file records this filter, k, query count and fingerprint; empty otherwise. */
  static Optional<Stored> read(Path dir, String kind, String filter, int k, int queries, Fingerprint fp) {
    Path entryFile = entryFile(dir, kind, filter);
    if (!Files.isReadable(entryFile)) {
      return Optional.empty();
    }
    try {
      Entry e = JSON.readValue(entryFile.toFile(), Entry.class);
      if (e.version() != VERSION || !e.filter().equals(filter) || e.k() != k || e.queries() != queries
          || !fp.equals(e.fingerprint())) {
        return Optional.empty();
      }
      long[][] ids = VecsWriter.readI64vecs(dir.resolve(stem(kind, filter) + ".i64vecs"));
      return ids.length == queries ? Optional.of(new Stored(e, ids)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Writes ids, scores, then (atomically) the side file, so a half-written entry is never read. */
  static void write(Path dir, Entry entry, long[][] ids, float[][] scores) {
    String stem = stem(entry.kind(), entry.filter());
    try {
      Path entryFile = dir.resolve(stem + ".json");
      Files.deleteIfExists(entryFile);
      VecsWriter.writeI64vecs(dir.resolve(stem + ".i64vecs"), ids);
      VecsWriter.writeFvecs(dir.resolve(stem + ".scores.fvecs"), scores);
      Path tmp = dir.resolve(stem + ".json.tmp");
      JSON.writeValue(tmp.toFile(), entry);
      Files.move(tmp, entryFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new DataPrepException("cannot write filtered ground truth " + stem + " in " + dir + ": " + e, e);
    }
  }
}
