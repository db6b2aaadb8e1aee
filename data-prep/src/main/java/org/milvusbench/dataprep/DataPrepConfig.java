package org.milvusbench.dataprep;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.milvusbench.config.ConfigKeys;

/**
 * Everything data-prep needs to seed, index and load one collection and to write its query pool.
 * Immutable; build with {@link #builder()} or start from a {@link #profile(String) profile} and
 * override with {@link #toBuilder()}. Every instance is valid: the constructor names the offending
 * flag and what is allowed.
 *
 * <p>Defaults are the reference script's dataset: collection {@code benchmark_concurrent}, 768-d
 * N(0,1) vectors L2-normalised, category uniform over A–D, batches of 10,000, HNSW / L2 / M=16 /
 * efConstruction=200.
 *
 * @param uri Milvus URI such as {@code http://localhost:19530}; null means "the embedded target"
 * @param token {@code user:password} or an API key; null for none. Never printed
 * @param db database name; null means the server's default database
 * @param rows rows the collection must hold when prepared
 * @param batchSize rows per Insert RPC (each batch is atomic on the server)
 * @param source {@code random-normal}, {@code clustered}, or a path to a .fvecs / .bvecs / .hdf5 file
 * @param queryFile held-out query vectors for a file source (.fvecs / .bvecs); null = rows after {@code rows}
 * @param groundTruthFile the query file's published neighbours in the whole base (.ivecs, e.g.
 *     {@code sift_groundtruth.ivecs}); only used to report how far our ground truth agrees. Null = none
 * @param seed same flags and seed give the same rows, categories and queries
 * @param categories category values, drawn uniformly per row
 * @param clusters number of centres for the {@code clustered} source
 * @param clusterSpread per-component standard deviation of the noise around a centre ({@code clustered})
 * @param indexType index type (HNSW), upper case
 * @param metric L2, IP or COSINE, upper case
 * @param m HNSW M (max links per node)
 * @param recreate drop and rebuild the collection (and its query pool) even if it could be reused
 * @param datasetQueries number of held-out dataset-like queries in the pool
 * @param uniformQueries number of reference-style uniform [0,1) queries in the pool
 * @param k ground-truth depth: exact top-k ids per query
 * @param queryPoolDir root of query pools and seeding progress; this collection's files go in
 *     {@code <dir>/<collection>}
 * @param threads threads for data generation and ground truth
 * @param flushIntervalSeconds seconds between Flush calls while inserting (0 = flush only at the end). A
 *     server that makes rows durable only on flush (our embedded target, killed with the CLI) loses at
 *     most this much work
 */
public record DataPrepConfig(String uri, String token, String db, String collection, int dim, long rows,
    int batchSize, String source, Path queryFile, Path groundTruthFile, long seed, List<String> categories,
    int clusters, double clusterSpread, String indexType, String metric, int m, int efConstruction,
    boolean recreate, int datasetQueries, int uniformQueries, int k, Path queryPoolDir, int threads,
    int flushIntervalSeconds) {

  /** Synthetic source: N(0,1) per component, then L2-normalised (the reference script). */
  public static final String SOURCE_RANDOM_NORMAL = "random-normal";
  /** Synthetic source: {@code clusters} normalised centres plus Gaussian noise, normalised. */
  public static final String SOURCE_CLUSTERED = "clustered";

  /** The reference script's categories. */
  public static final List<String> DEFAULT_CATEGORIES = List.of("A", "B", "C", "D");
  /** The same metrics as the sweep's {@code search.metric}. */
  static final Set<String> METRICS = Set.copyOf(ConfigKeys.METRICS);
  static final Set<String> INDEX_TYPES = Set.of("HNSW");
  /** The same profiles as the sweep's {@code profile} key; {@link #profileBuilder(String)} sizes each. */
  static final List<String> PROFILES = ConfigKeys.PROFILES;

  /** Validates; an {@link IllegalArgumentException} names the flag and what is allowed. */
  public DataPrepConfig {
    require(collection != null && collection.matches("[A-Za-z_][A-Za-z0-9_]{0,254}"), "--collection",
        collection, "a Milvus name: a letter or _ then letters, digits, _");
    require(dim >= 1 && dim <= 32_768, "--dim", dim, "1..32768");
    require(rows >= 1, "--rows", rows, "a positive integer");
    require(batchSize >= 1 && (long) batchSize * dim <= 64L << 20, "--batch-size", batchSize,
        "1.." + Math.max(1, (64 << 20) / Math.max(1, dim)) + " at dim " + dim + " (≤ 64 Mi floats per insert)");
    require(source != null && !source.isBlank(), "--source", source,
        "random-normal, clustered, or a path to a .fvecs / .bvecs / .hdf5 file");
    require(categories != null && !categories.isEmpty()
        && categories.stream().allMatch(c -> c != null && !c.isEmpty() && c.length() <= 10),
        "--categories", categories, "1 or more values of 1..10 characters (VARCHAR(10))");
    require(clusters >= 1, "--clusters", clusters, "a positive integer");
    require(clusterSpread > 0 && Double.isFinite(clusterSpread), "--cluster-spread", clusterSpread,
        "a positive number");
    require(indexType != null && INDEX_TYPES.contains(indexType.toUpperCase(Locale.ROOT)), "--index-type",
        indexType, String.join(", ", INDEX_TYPES));
    require(metric != null && METRICS.contains(metric.toUpperCase(Locale.ROOT)), "--metric", metric,
        String.join(", ", ConfigKeys.METRICS));
    require(m >= 2 && m <= 512, "--m", m, "2..512");
    require(efConstruction >= 1 && efConstruction <= 4096, "--ef-construction", efConstruction, "1..4096");
    require(datasetQueries >= 0, "--dataset-queries", datasetQueries, "0 or more");
    require(uniformQueries >= 0, "--uniform-queries", uniformQueries, "0 or more");
    require(k >= 1 && k <= 16_384, "--k", k, "1..16384");
    require(queryPoolDir != null, "--query-pool-dir", null, "a directory path");
    require(threads >= 1 && threads <= 1024, "--threads", threads, "1..1024");
    require(flushIntervalSeconds >= 0, "--flush-interval", flushIntervalSeconds, "0 (only at the end) or more seconds");
    categories = List.copyOf(categories);
    indexType = indexType.toUpperCase(Locale.ROOT);
    metric = metric.toUpperCase(Locale.ROOT);
  }

  /** A builder holding the defaults (the {@code default} profile: 50,000 × 768). */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A named profile: {@code smoke} (2,000 rows, collection {@code benchmark_smoke}, batches of 500,
   * small query pool — seconds, for CI), {@code default} (50,000 × 768), {@code seed}
   * (1,000,000 × 768, the reference scale). Override fields with {@link #toBuilder()}.
   */
  public static DataPrepConfig profile(String name) {
    return profileBuilder(name).build();
  }

  /** The builder behind {@link #profile(String)}, for callers that override before validating. */
  public static Builder profileBuilder(String name) {
    Builder b = builder();
    switch (name == null ? "" : name) {
      case "smoke":
        // Own collection name so a CI smoke run never collides with a seeded benchmark collection.
        return b.collection("benchmark_smoke").rows(2_000).batchSize(500)
            .datasetQueries(50).uniformQueries(100).k(10);
      case "default":
        return b;
      case "seed":
        return b.rows(1_000_000);
      default:
        throw new IllegalArgumentException(
            "--profile: \"" + name + "\" is not a profile (allowed: " + String.join(", ", PROFILES) + ")");
    }
  }

  /** A builder initialised with this configuration's values. */
  public Builder toBuilder() {
    return new Builder().uri(uri).token(token).db(db).collection(collection).dim(dim).rows(rows)
        .batchSize(batchSize).source(source).queryFile(queryFile).groundTruthFile(groundTruthFile).seed(seed).categories(categories)
        .clusters(clusters).clusterSpread(clusterSpread).indexType(indexType).metric(metric).m(m)
        .efConstruction(efConstruction).recreate(recreate).datasetQueries(datasetQueries)
        .uniformQueries(uniformQueries).k(k).queryPoolDir(queryPoolDir).threads(threads)
        .flushIntervalSeconds(flushIntervalSeconds);
  }

  /** True when {@link #source()} is a file path rather than a synthetic generator. */
  public boolean fileSource() {
    return !SOURCE_RANDOM_NORMAL.equals(source) && !SOURCE_CLUSTERED.equals(source);
  }
  /** Directory of this collection's query pool and seeding progress. */
  public Path collectionDir() {
    return queryPoolDir.resolve(db == null || db.isEmpty() || db.equals("default") ? collection : db + "." + collection);
  }
  @Override
  public String toString() {
    return "DataPrepConfig{uri=" + (uri == null ? "<embedded>" : uri)
        + ", token=" + (token == null ? "none" : "<set>") + ", db=" + db + ", collection=" + collection
        + ", dim=" + dim + ", rows=" + rows + ", batchSize=" + batchSize + ", source=" + source
        + ", seed=" + seed + ", index=" + indexType + "/" + metric + "/M=" + m + "/efConstruction="
        + efConstruction + ", queries=" + datasetQueries + "+" + uniformQueries + ", k=" + k + "}";
  }

  private static void require(boolean ok, String flag, Object value, String allowed) {
    if (!ok) {
      throw new IllegalArgumentException(flag + ": " + (value instanceof String ? "\"" + value + "\"" : value)
          + " is not allowed (allowed: " + allowed + ")");
    }
  }


  /** Mutable builder; {@link #build()} validates. */
  public static final class Builder {
    private String uri;
    private String token;
    private String db;
    private String collection = "benchmark_concurrent";
    private int dim = 768;
    private long rows = 50_000;
    private int batchSize = 10_000;
    private String source = SOURCE_RANDOM_NORMAL;
    private Path queryFile;
    private Path groundTruthFile;
    private long seed = 42;
    private List<String> categories = DEFAULT_CATEGORIES;
    private int clusters = 100;
    private double clusterSpread = 0.03;
    private String indexType = "HNSW";
    private String metric = "L2";
    private int m = 16;
    private int efConstruction = 200;
    private boolean recreate;
    private int datasetQueries = 200;
    private int uniformQueries = 1000;
    private int k = 100;
    private Path queryPoolDir = Path.of("data", "querypool");
    private int threads = Runtime.getRuntime().availableProcessors();
    private int flushIntervalSeconds = 120;

    private Builder() {}

    /** Sets the Milvus URI; null (default) = embedded target. */
    public Builder uri(String v) { uri = blankToNull(v); return this; }
    /** Sets the token; default none. */
    public Builder token(String v) { token = blankToNull(v); return this; }
    /** Sets the database; default the server's default. */
    public Builder db(String v) { db = blankToNull(v); return this; }
    /** Sets the collection; default {@code benchmark_concurrent}. */
    public Builder collection(String v) { collection = v; return this; }
    /** Sets the dimension; default 768. */
    public Builder dim(int v) { dim = v; return this; }
    /** Sets the row count; default 50,000. */
    public Builder rows(long v) { rows = v; return this; }
    /** Sets rows per insert; default 10,000. */
    public Builder batchSize(int v) { batchSize = v; return this; }
    /** Sets the source; default {@code random-normal}. */
    public Builder source(String v) { source = v; return this; }
    /** Sets the query file for file sources; default none. */
    public Builder queryFile(Path v) { queryFile = v; return this; }
    /** Sets the published-neighbours file of a vecs source; default none. */
    public Builder groundTruthFile(Path v) { groundTruthFile = v; return this; }
    /** Sets the seed; default 42. */
    public Builder seed(long v) { seed = v; return this; }
    /** Sets the category values; default A, B, C, D. */
    public Builder categories(List<String> v) { categories = v; return this; }
    /** Sets the number of clusters; default 100. */
    public Builder clusters(int v) { clusters = v; return this; }
    /** Sets the cluster noise standard deviation per component; default 0.03. */
    public Builder clusterSpread(double v) { clusterSpread = v; return this; }
    /** Sets the index type; default HNSW. */
    public Builder indexType(String v) { indexType = v; return this; }
    /** Sets the metric; default L2. */
    public Builder metric(String v) { metric = v; return this; }
    /** Sets HNSW M; default 16. */
    public Builder m(int v) { m = v; return this; }
    /** Sets HNSW efConstruction; default 200. */
    public Builder efConstruction(int v) { efConstruction = v; return this; }
    /** Sets the recreate flag; default false. */
    public Builder recreate(boolean v) { recreate = v; return this; }
    /** Sets the number of dataset-like queries; default 200. */
    public Builder datasetQueries(int v) { datasetQueries = v; return this; }
    /** Sets the number of uniform queries; default 1000. */
    public Builder uniformQueries(int v) { uniformQueries = v; return this; }
    /** Sets the ground-truth depth; default 100. */
    public Builder k(int v) { k = v; return this; }
    /** Sets the query-pool root; default {@code data/querypool}. */
    public Builder queryPoolDir(Path v) { queryPoolDir = v; return this; }
    /** Sets worker threads; default the number of processors. */
    public Builder threads(int v) { threads = v; return this; }
    /** Sets seconds between flushes while inserting (0 = only at the end); default 120. */
    public Builder flushIntervalSeconds(int v) { flushIntervalSeconds = v; return this; }

    /** Validates and builds; an {@link IllegalArgumentException} names the flag and what is allowed. */
    public DataPrepConfig build() {
      return new DataPrepConfig(uri, token, db, collection, dim, rows, batchSize, source, queryFile, groundTruthFile,
          seed, categories, clusters, clusterSpread, indexType, metric, m, efConstruction, recreate, datasetQueries,
          uniformQueries, k, queryPoolDir, threads, flushIntervalSeconds);
    }

    private static String blankToNull(String v) {
      return v == null || v.isBlank() ? null : v;
    }
  }
}
