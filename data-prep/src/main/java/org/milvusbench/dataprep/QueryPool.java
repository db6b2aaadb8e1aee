package org.milvusbench.dataprep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.milvusbench.dataprep.source.VecsFile;
import org.milvusbench.dataprep.source.VecsWriter;

/**
 * The query vectors a sweep sends and their exact neighbours, as files in one directory
 * ({@code <queryPoolDir>/<collection>/}):
 * <ul>
 *   <li>{@code queries-uniform.fvecs} — reference-style queries, uniform [0,1) per component;</li>
 *   <li>{@code queries-dataset.fvecs} — held-out queries from the dataset's own distribution;</li>
 *   <li>{@code groundtruth-<kind>.i64vecs} — exact top-k ids as assigned by the server (int64;
 *       layout of .ivecs with 8-byte elements), best first;</li>
 *   <li>{@code groundtruth-<kind>.scores.fvecs} — their Milvus-style scores (L2 squared distance);</li>
 *   <li>{@code querypool.json} — {@link Info}: dim, k, metric, counts and the dataset
 *       {@link Fingerprint}; a pool whose fingerprint does not match the collection is regenerated.</li>
 * </ul>
 */
public final class QueryPool {
  /** Kind of the reference-style uniform queries. */
  public static final String UNIFORM = "uniform";
  /** Kind of the held-out dataset-like queries. */
  public static final String DATASET = "dataset";
  /** Name of the metadata file. */
  public static final String INFO_FILE = "querypool.json";
  static final int VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** What the ground truth was computed over; equal fingerprints mean the pool is still valid. */
  public record Fingerprint(String collection, String db, long collectionId, long rows, String data, long seed,
      String metric, long firstId, long lastId) {}

  /** Contents of {@code querypool.json}. */
  public record Info(int version, int dim, int k, String metric, int uniformQueries, int datasetQueries,
      Fingerprint fingerprint, double groundTruthSeconds, String created) {}

  /** One kind of queries with its ground truth: {@code truthIds[i]} are query i's exact top-k ids. */
  public record QuerySet(String kind, float[][] queries, long[][] truthIds, float[][] truthScores) {
    /** Number of queries. */
    public int size() {
      return queries.length;
    }
  }

  private final Path dir;
  private final Info info;
  private final QuerySet uniform;
  private final QuerySet dataset;

  private QueryPool(Path dir, Info info, QuerySet uniform, QuerySet dataset) {
    this.dir = dir;
    this.info = info;
    this.uniform = uniform;
    this.dataset = dataset;
  }

  /** The pool directory for a configuration: {@code <queryPoolDir>/<collection>}. */
  public static Path dir(DataPrepConfig cfg) {
    return cfg.collectionDir();
  }

  /** Loads the pool in {@code dir}; a missing or damaged file is an error naming it. */
  public static QueryPool load(Path dir) {
    Info info = readInfo(dir).orElseThrow(() -> new DataPrepException(dir.resolve(INFO_FILE)
        + ": no query pool here; run data-prep for this collection first"));
    return new QueryPool(dir, info, readSet(dir, UNIFORM, info), readSet(dir, DATASET, info));
  }

  /** The metadata in {@code dir}, if a readable pool of this version is there. */
  public static Optional<Info> readInfo(Path dir) {
    Path file = dir.resolve(INFO_FILE);
    if (!Files.isReadable(file)) {
      return Optional.empty();
    }
    try {
      Info info = JSON.readValue(file.toFile(), Info.class);
      return info.version() == VERSION ? Optional.of(info) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Writes a pool; {@code querypool.json} goes last (atomically), so a half-written pool never loads. */
  static void write(Path dir, Info info, QuerySet... sets) {
    try {
      Files.createDirectories(dir);
      Files.deleteIfExists(dir.resolve(INFO_FILE));
      for (QuerySet s : sets) {
        VecsWriter.writeFvecs(dir.resolve("queries-" + s.kind() + ".fvecs"), s.queries());
        VecsWriter.writeI64vecs(dir.resolve("groundtruth-" + s.kind() + ".i64vecs"), s.truthIds());
        VecsWriter.writeFvecs(dir.resolve("groundtruth-" + s.kind() + ".scores.fvecs"), s.truthScores());
      }
      Path tmp = dir.resolve(INFO_FILE + ".tmp");
      JSON.writeValue(tmp.toFile(), info);
      Files.move(tmp, dir.resolve(INFO_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new DataPrepException("cannot write the query pool in " + dir + ": " + e, e);
    }
  }

  private static QuerySet readSet(Path dir, String kind, Info info) {
    int n = kind.equals(UNIFORM) ? info.uniformQueries() : info.datasetQueries();
    if (n == 0) {
      return new QuerySet(kind, new float[0][], new long[0][], new float[0][]);
    }
    Path q = dir.resolve("queries-" + kind + ".fvecs");
    Path t = dir.resolve("groundtruth-" + kind + ".i64vecs");
    Path s = dir.resolve("groundtruth-" + kind + ".scores.fvecs");
    try (VecsFile qf = VecsFile.open(q); VecsFile sf = VecsFile.open(s)) {
      if (qf.dim() != info.dim() || qf.rows() != n) {
        throw new DataPrepException(q + ": " + qf.rows() + " × " + qf.dim() + ", " + INFO_FILE + " says " + n + " × "
            + info.dim());
      }
      float[][] queries = new float[n][qf.dim()];
      qf.readFloats(0, n, queries);
      float[][] scores = new float[(int) sf.rows()][sf.dim()];
      sf.readFloats(0, scores.length, scores);
      long[][] truth = VecsWriter.readI64vecs(t);
      if (truth.length != n || scores.length != n) {
        throw new DataPrepException(t + ": " + truth.length + " ground-truth rows for " + n + " queries");
      }
      return new QuerySet(kind, queries, truth, scores);
    } catch (IOException e) {
      throw new DataPrepException("cannot read " + t + ": " + e.getMessage(), e);
    }
  }

  /**
   * recall@k of one result: the fraction of {@code truthIds[0..k)} found in {@code resultIds[0..k)}
   * (ids as the server returns them). {@code k} is capped by the truth depth.
   */
  public static double recall(long[] truthIds, long[] resultIds, int k) {
    int depth = Math.min(k, truthIds.length);
    if (depth == 0) {
      return 1.0;
    }
    java.util.Set<Long> truth = new java.util.HashSet<>(depth * 2);
    for (int i = 0; i < depth; i++) {
      truth.add(truthIds[i]);
    }
    int hits = 0;
    for (int i = 0; i < Math.min(k, resultIds.length); i++) {
      if (truth.contains(resultIds[i])) {
        hits++;
      }
    }
    return hits / (double) depth;
  }

  /** The directory this pool was loaded from. */
  public Path dir() {
    return dir;
  }

  /** Metadata: dim, k, metric, counts, fingerprint. */
  public Info info() {
    return info;
  }

  /** Reference-style uniform [0,1) queries and their truth. */
  public QuerySet uniform() {
    return uniform;
  }

  /** Held-out dataset-like queries and their truth. */
  public QuerySet dataset() {
    return dataset;
  }

  /** The set of {@code kind} ({@link #UNIFORM} or {@link #DATASET}). */
  public QuerySet get(String kind) {
    switch (kind) {
      case UNIFORM: return uniform;
      case DATASET: return dataset;
      default: throw new IllegalArgumentException("query kind \"" + kind + "\" (allowed: uniform, dataset)");
    }
  }
}
