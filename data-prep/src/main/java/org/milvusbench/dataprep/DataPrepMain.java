package org.milvusbench.dataprep;

import org.milvusbench.config.ConfigKeys;
import org.milvusbench.milvus.InProcessTargets;
import org.milvusbench.milvus.MilvusEndpoint;
import org.milvusbench.milvus.MilvusTarget;
import io.milvus.v2.client.MilvusClientV2;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * CLI: seed, index and load a collection on any Milvus (or the embedded target), resumably, and
 * write its query pool and {@code prep-summary.json}. Run with {@code --help} for every flag.
 */
@Command(name = "data-prep", mixinStandardHelpOptions = true, version = "data-prep 0.1.0", sortOptions = false, usageHelpAutoWidth = true,
    description = "Seeds, indexes and loads a Milvus collection (the reference dataset by default), resumably, "
        + "and writes the query pool and exact ground truth the sweep uses. Flags override --profile.",
    exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:prepared", "1:error (message names the cause)",
        "2:bad flags"})
public final class DataPrepMain implements Callable<Integer> {
  // --profile and --data are the sweep's profile and embedded.data keys: their defaults are the key table's.
  @Option(names = "--profile", description = "smoke (2,000 rows) | default (50,000 × 768) | seed (1,000,000 × 768). Default: ${DEFAULT-VALUE}")
  String profile = ConfigKeys.PROFILE.defaultText();
  @Option(names = "--uri", description = "Milvus URI, e.g. http://localhost:19530. Default: start the embedded target in-process")
  String uri;
  @Option(names = "--token", description = "Token (user:password or API key). Default: env MILVUS_TOKEN. Never printed", defaultValue = "${env:MILVUS_TOKEN}")
  String token;
  @Option(names = "--db", description = "Database. Default: the server's default")
  String db;
  @Option(names = "--data", description = "Embedded target's data directory (without --uri). Default: ${DEFAULT-VALUE}")
  Path embeddedData = ConfigKeys.EMBEDDED_DATA.defaultValue();
  @Option(names = "--collection", description = "Collection name. Default: benchmark_concurrent (smoke: benchmark_smoke)")
  String collection;
  @Option(names = "--dim", description = "Vector dimension. Default: 768")
  Integer dim;
  @Option(names = "--rows", description = "Rows the collection must hold. Default: per profile")
  Long rows;
  @Option(names = "--batch-size", description = "Rows per insert. Default: 10000 (smoke: 500)")
  Integer batchSize;
  @Option(names = "--source", description = "random-normal | clustered | path to .fvecs/.bvecs/.hdf5 (read, never downloaded). Default: random-normal")
  String source;
  @Option(names = "--query-file", description = "Held-out queries (.fvecs/.bvecs) for a vecs source. Default: the records after --rows")
  Path queryFile;
  @Option(names = "--groundtruth-file", description = "The query file's published neighbours (.ivecs, e.g. sift_groundtruth.ivecs): our ground truth is checked against it")
  Path groundTruthFile;
  @Option(names = "--seed", description = "Seed: same flags + seed = same rows, categories, queries. Default: 42")
  Long seed;
  @Option(names = "--categories", split = ",", description = "Category values (VARCHAR(10)), drawn uniformly. Default: A,B,C,D")
  List<String> categories;
  @Option(names = "--clusters", description = "Centres of the clustered source. Default: 100")
  Integer clusters;
  @Option(names = "--cluster-spread", description = "Noise std-dev per component around a centre. Default: 0.03")
  Double clusterSpread;
  @Option(names = "--index-type", description = "Index type. Default: HNSW")
  String indexType;
  @Option(names = "--metric", description = "L2 | IP | COSINE. Default: L2")
  String metric;
  @Option(names = "--m", description = "HNSW M. Default: 16")
  Integer m;
  @Option(names = "--ef-construction", description = "HNSW efConstruction. Default: 200")
  Integer efConstruction;
  @Option(names = "--recreate", description = "Drop the collection and its query pool first")
  boolean recreate;
  @Option(names = "--dataset-queries", description = "Held-out dataset-like queries. Default: 200 (smoke: 50)")
  Integer datasetQueries;
  @Option(names = "--uniform-queries", description = "Reference-style uniform [0,1) queries. Default: 1000 (smoke: 100)")
  Integer uniformQueries;
  @Option(names = "--k", description = "Ground-truth depth (top-k ids per query). Default: 100 (smoke: 10)")
  Integer k;
  @Option(names = "--query-pool-dir", description = "Root of query pools and seeding progress (<dir>/<collection>/). Default: data/querypool")
  Path queryPoolDir;
  @Option(names = "--threads", description = "Threads for generation and ground truth. Default: all processors")
  Integer threads;
  @Option(names = "--flush-interval", description = "Seconds between flushes while inserting; 0 = only at the end. Default: 120")
  Integer flushInterval;
  @Option(names = "--summary-file", description = "Where to write the JSON summary. Default: <query-pool-dir>/<collection>/prep-summary.json")
  Path summaryFile;
  @Option(names = "--no-progress", description = "Plain progress lines instead of progress bars")
  boolean noProgress;

  private final PrintStream out;
  private Thread shutdownHook;

  DataPrepMain(PrintStream out) {
    this.out = out;
  }

  /** Entry point; exits with 0 when prepared, 1 on an error, 2 on bad flags. */
  public static void main(String[] args) {
    quietLibraryLogs();
    System.exit(run(System.out, System.err, args));
  }

  /** Runs the CLI and returns its exit code (for tests and embedding). */
  public static int run(PrintStream out, PrintStream err, String... args) {
    CommandLine cli = new CommandLine(new DataPrepMain(out));
    cli.setOut(new java.io.PrintWriter(out, true));
    cli.setErr(new java.io.PrintWriter(err, true));
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      err.println("data-prep: " + (e instanceof DataPrepException || e instanceof org.milvusbench.dataprep.source.SourceException || e instanceof IllegalArgumentException
          ? e.getMessage() : e.toString()));
      return 1;
    });
    return cli.execute(args);
  }

  @Override
  public Integer call() {
    DataPrepConfig cfg = config();
    if (cfg.fileSource()) {
      // A missing or short file is known from its header: say so before starting or connecting to a server.
      VectorSources.open(cfg).close();
    }
    ConsoleProgress progress = new ConsoleProgress(out, !noProgress && System.console() != null);
    MilvusTarget embedded = null;
    try {
      MilvusEndpoint target;
      if (cfg.uri() == null) {
        embedded = InProcessTargets.start(embeddedData);
        // Ctrl-C / kill (not -9): close the target so it commits what it holds; the next run resumes.
        MilvusTarget started = embedded;
        shutdownHook = new Thread(() -> closeQuietly(started), "data-prep-stop-target");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        target = embedded.endpoint();
        out.println("embedded target on " + target.uri() + " (data in " + embeddedData + ")");
      } else {
        target = MilvusEndpoint.of(cfg.uri(), cfg.token(), cfg.db());
      }
      PrepSummary summary;
      MilvusClientV2 client = MilvusConnect.connect(target);
      try {
        out.println("preparing " + cfg);
        summary = DataPrep.prepare(client, cfg, progress);
      } finally {
        progress.closeAll();
        client.close();
      }
      Path file = cfg.collectionDir().resolve(DataPrep.SUMMARY_FILE);
      if (summaryFile != null) {
        DataPrep.writeSummary(summary, summaryFile);
        file = summaryFile;
      }
      printSummary(summary, file);
      return 0;
    } finally {
      if (embedded != null) {
        removeShutdownHook();
        embedded.close();
      }
    }
  }

  /** From the shutdown hook: the JVM is exiting; the next run reconciles whatever was not committed. */
  private static void closeQuietly(MilvusTarget target) {
    try {
      target.close();
    } catch (RuntimeException e) {
      // nothing more to do while exiting
    }
  }

  private void removeShutdownHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook is running or ran: it closes the target
    }
  }

  DataPrepConfig config() {
    DataPrepConfig.Builder b = DataPrepConfig.profileBuilder(profile).uri(uri).token(token).db(db).recreate(recreate);
    if (collection != null) b.collection(collection);
    if (dim != null) b.dim(dim);
    if (rows != null) b.rows(rows);
    if (batchSize != null) b.batchSize(batchSize);
    if (source != null) b.source(source);
    if (queryFile != null) b.queryFile(queryFile);
    if (groundTruthFile != null) b.groundTruthFile(groundTruthFile);
    if (seed != null) b.seed(seed);
    if (categories != null) b.categories(categories);
    if (clusters != null) b.clusters(clusters);
    if (clusterSpread != null) b.clusterSpread(clusterSpread);
    if (indexType != null) b.indexType(indexType);
    if (metric != null) b.metric(metric);
    if (m != null) b.m(m);
    if (efConstruction != null) b.efConstruction(efConstruction);
    if (datasetQueries != null) b.datasetQueries(datasetQueries);
    if (uniformQueries != null) b.uniformQueries(uniformQueries);
    if (k != null) b.k(k);
    if (queryPoolDir != null) b.queryPoolDir(queryPoolDir);
    if (threads != null) b.threads(threads);
    if (flushInterval != null) b.flushIntervalSeconds(flushInterval);
    return b.build();
  }

  private void printSummary(PrepSummary s, Path file) {
    out.println();
    out.printf("collection          %s (%s)%n", s.collection(), s.reused() ? "reused" : "prepared");
    out.printf("rows                %,d (inserted now %,d, resumed from %,d, reconciled %,d)%n", s.rows(),
        s.insertedThisRun(), s.resumedFromRow(), s.reconciledRows());
    out.printf("insert              %.1f s, %,.0f rows/s%n", s.insertSeconds(), s.insertRowsPerSecond());
    out.printf("index               %s, waited %.1f s%n", s.index(), s.indexSeconds());
    out.printf("load                %.1f s%n", s.loadSeconds());
    out.printf("ground truth        %s%n", s.poolReused() ? "reused" : String.format("%.1f s", s.groundTruthSeconds()));
    out.printf("total               %.1f s%n", s.totalSeconds());
    out.printf("data                %s%n", s.data());
    out.printf("query pool          %s%n", s.queryPoolDir());
    out.printf("summary             %s%n", file);
  }

  /** Held so the JUL configuration is not garbage-collected with the logger. */
  private static final java.util.logging.Logger GRPC_LOG = java.util.logging.Logger.getLogger("io.milvus.shaded.io.grpc");

  /** The SDK and its gRPC log connection failures with stack traces; our one-line errors say it better. */
  private static void quietLibraryLogs() {
    GRPC_LOG.setLevel(java.util.logging.Level.OFF);
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty(
        "org.slf4j.simpleLogger.defaultLogLevel", "warn"));
    System.setProperty("org.slf4j.simpleLogger.log.io.milvus", System.getProperty(
        "org.slf4j.simpleLogger.log.io.milvus", "off"));
    System.setProperty("org.slf4j.simpleLogger.log.io.jhdf", "error");
  }
}
