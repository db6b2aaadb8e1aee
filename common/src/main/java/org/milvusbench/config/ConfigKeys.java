package org.milvusbench.config;

import static org.milvusbench.config.NumberParsers.anyLong;
import static org.milvusbench.config.NumberParsers.fraction;
import static org.milvusbench.config.NumberParsers.integer;
import static org.milvusbench.config.NumberParsers.percent;
import static org.milvusbench.config.NumberParsers.positiveIntegers;
import static org.milvusbench.config.NumberParsers.positiveLong;
import static org.milvusbench.config.NumberParsers.positiveNumber;
import static org.milvusbench.config.NumberParsers.positiveNumbers;
import static org.milvusbench.config.NumberParsers.weights;
import static org.milvusbench.config.ValueParsers.bool;
import static org.milvusbench.config.ValueParsers.choice;
import static org.milvusbench.config.ValueParsers.duration;
import static org.milvusbench.config.ValueParsers.hostPort;
import static org.milvusbench.config.ValueParsers.jvmSize;
import static org.milvusbench.config.ValueParsers.milvusName;
import static org.milvusbench.config.ValueParsers.path;
import static org.milvusbench.config.ValueParsers.paths;
import static org.milvusbench.config.ValueParsers.text;
import static org.milvusbench.config.ValueParsers.textList;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every configuration key that the sweep, the analyzer and data-prep read: one definition each,
 * with its default, parser, allowed values and meaning. {@link #ALL} in this order is the README's
 * table ({@link ConfigKeysMarkdown}); cross-key rules (ef ≥ topK) stay with their readers.
 */
public final class ConfigKeys {
  private ConfigKeys() {}

  /** The data-prep profiles, smallest first. */
  public static final List<String> PROFILES = List.of("smoke", "default", "seed");
  /** The metrics of a float-vector HNSW index and of a search on it. */
  public static final List<String> METRICS = List.of("L2", "IP", "COSINE");
  /** The workloads: pure search (the reference), search while ingesting, weighted operations. */
  public static final List<String> WORKLOADS = List.of("search", "streaming", "mixed");
  /** The operations a workload runs; each has its own recorders, results and SLA keys. */
  public static final List<String> OPERATIONS = List.of("search", "insert", "upsert", "delete", "query");

  public static final ConfigKey<Path> SWEEP_CONFIG = ConfigKey.of("sweep.config", null, path("HOCON file"),
      "a sweep described in a file, keys as these names (see above); `-D` values override it");
  public static final ConfigKey<String> SWEEP_MODE = ConfigKey.of("sweep.mode", "closed", choice(List.of("closed", "open")),
      "closed: N concurrent users per level; open: a constant arrival rate per level");
  public static final ConfigKey<List<Integer>> SWEEP_LEVELS = ConfigKey.of("sweep.levels", "1,5,10,20,50,100",
      positiveIntegers(), "concurrency levels (closed model), run in order");
  public static final ConfigKey<List<Double>> SWEEP_RATES = ConfigKey.of("sweep.rates", "100,200,400",
      positiveNumbers("positive numbers (requests/s)"), "arrival rates (open model), run in order");
  public static final ConfigKey<Long> SWEEP_REQUESTS = ConfigKey.of("sweep.requests", "1000", positiveLong(),
      "requests counted per level (closed: exactly this many; open: rate × duration when no duration)");
  public static final ConfigKey<Duration> SWEEP_DURATION = ConfigKey.of("sweep.duration", null,
      duration(Duration.ofNanos(1), "duration (30s, 2m)"), "run each level for this long instead of a request count");
  public static final ConfigKey<Integer> SWEEP_WARMUP = ConfigKey.of("sweep.warmup", "10", integer(0, Integer.MAX_VALUE),
      "sequential warm-up searches before each level, not recorded");
  public static final ConfigKey<Duration> SWEEP_PAUSE = ConfigKey.of("sweep.pause", "5s",
      duration(Duration.ZERO, "duration >= 0"), "pause after each level");
  public static final ConfigKey<Duration> SWEEP_INTERVAL = ConfigKey.of("sweep.interval", "1s",
      duration(Duration.ofMillis(100), "duration >= 100ms"),
      "each level's histogram is cut into intervals this long (the .hlog's lines): latency and throughput over time, steady-state check");

  public static final ConfigKey<Integer> SWEEP_TRIALS = ConfigKey.of("sweep.trials", "1", integer(1, 100),
      "run the whole level schedule this many times (1..L, 1..L, …); the analysis gives each level's mean and 95 % interval"
          + " across trials and the knee of each trial");
  public static final ConfigKey<Integer> SWEEP_INJECTORS = ConfigKey.of("sweep.injectors", "1", integer(1, 1000),
      "load generators sharing every level (closed: the users and requests split as evenly as possible, each level"
          + " needs c >= injectors; open: the rate split); without sweep.injectorIndex this machine starts them all"
          + " (child JVMs) and merges their runs");
  public static final ConfigKey<Integer> SWEEP_INJECTOR_INDEX = ConfigKey.of("sweep.injectorIndex", null,
      integer(0, 999).describedAs("0..sweep.injectors-1"),
      "which injector this JVM is (e.g. a Kubernetes Job's completion index); 0 prepares the collection and serves"
          + " the barrier; needs milvus.uri");
  public static final ConfigKey<String> SWEEP_BARRIER = ConfigKey.of("sweep.barrier", "127.0.0.1:0", hostPort("host:port"),
      "injector 0 serves the level barrier on this port (all interfaces unless the host is loopback), the others"
          + " connect to host:port; every level starts when all injectors have arrived");
  public static final ConfigKey<Duration> SWEEP_BARRIER_TIMEOUT = ConfigKey.of("sweep.barrierTimeout", "120s",
      duration(Duration.ofMillis(100), "duration >= 100ms"),
      "how long injector 0 waits at a barrier for the others (and an injector for the barrier to answer) before the"
          + " run fails naming who is missing");
  public static final ConfigKey<String> SWEEP_WORKLOAD = ConfigKey.of("sweep.workload", "search", choice(WORKLOADS),
      "search: the levels' users search; streaming: they search while a background ingest inserts at ingest.rate;"
          + " mixed: each user picks its next operation by sweep.mix weights");
  public static final ConfigKey<Map<String, Integer>> SWEEP_MIX = ConfigKey.of("sweep.mix",
      "search:90,insert:5,upsert:2,delete:1,query:2", weights(OPERATIONS),
      "mixed workload: operation weights; requests are dealt in this proportion, interleaved (exact per-operation counts)");
  public static final ConfigKey<Double> INGEST_RATE = ConfigKey.of("ingest.rate", "500", positiveNumber("number > 0 (rows/s)"),
      "streaming workload: rows per second the background ingest inserts during every level");
  public static final ConfigKey<Integer> INGEST_BATCH = ConfigKey.of("ingest.batch", "100", integer(1, 16_384),
      "rows per insert, upsert and delete request of the streaming and mixed workloads");
  public static final ConfigKey<String> MILVUS_URI = ConfigKey.of("milvus.uri", null, text("http(s)://host:port"),
      "target Milvus; empty = start the embedded target (child JVM)");
  public static final ConfigKey<String> MILVUS_TOKEN = ConfigKey.of("milvus.token", null, text("user:password or API key"),
      "token for milvus.uri (never printed or stored)");
  public static final ConfigKey<String> MILVUS_DB = ConfigKey.of("milvus.db", null, milvusName("database name"),
      "database (dbname header); empty = default");
  public static final ConfigKey<String> MILVUS_METRICS_URL = ConfigKey.of("milvus.metricsUrl", null,
      text("http://host:port/metrics[,…]"),
      "Prometheus endpoint(s) of milvus.uri (Milvus: port 9091; a cluster's proxy and query nodes comma-separated, summed): scraped at each level's start and end for the server's"
          + " search p50/p95/p99 per stage (milvus_proxy_sq_latency, milvus_proxy_req_in_queue_latency,"
          + " milvus_querynode_sq_req_latency, milvus_querynode_sq_queue_latency) and process_cpu_seconds_total;"
          + " empty = none (the embedded target's own)");
  /** gRPC deadlines are set in whole milliseconds; less would fail every call at once. */
  public static final ConfigKey<Duration> MILVUS_DEADLINE = ConfigKey.of("milvus.deadline", "10s",
      duration(Duration.ofMillis(1), "duration >= 1ms"), "per-request deadline; slower answers are KOs");
  public static final ConfigKey<Integer> MILVUS_CHANNELS = ConfigKey.of("milvus.channels", "1", integer(1, 64),
      "gRPC channels (HTTP/2 connections) per Gatling event loop (two loops per core)");
  public static final ConfigKey<Boolean> PREPARE = ConfigKey.of("prepare", "false", bool(),
      "seed/index/load the collection on milvus.uri (always done on the embedded target)");
  public static final ConfigKey<String> PROFILE = ConfigKey.of("profile", "default", choice(PROFILES),
      "data-prep profile: 2k rows (CI), 50k x 768, 1M x 768 (reference)");

  public static final ConfigKey<String> SEARCH_COLLECTION = ConfigKey.of("search.collection", null,
      milvusName("collection name"), "collection to search; empty = the profile's");
  public static final ConfigKey<String> SEARCH_ANNS_FIELD = ConfigKey.of("search.annsField", "embedding",
      milvusName("field name"), "vector field");
  public static final ConfigKey<String> SEARCH_METRIC = ConfigKey.of("search.metric", "L2", choice(METRICS),
      "metric sent with the search");
  public static final ConfigKey<Integer> SEARCH_EF = ConfigKey.of("search.ef", "64",
      integer(1, Integer.MAX_VALUE).describedAs("integer >= search.topK"), "HNSW ef");
  public static final ConfigKey<Integer> SEARCH_TOP_K = ConfigKey.of("search.topK", "10", integer(1, 16384),
      "results per query (recall@k depth)");
  public static final ConfigKey<Integer> SEARCH_NQ = ConfigKey.of("search.nq", "1", integer(1, 1024), "queries per request");
  public static final ConfigKey<String> SEARCH_FILTER = ConfigKey.of("search.filter", null, text("Milvus boolean expression"),
      "filter, e.g. `category == \"B\"`");
  public static final ConfigKey<List<String>> SEARCH_OUTPUT_FIELDS = ConfigKey.of("search.outputFields", null,
      textList("field names, comma-separated"), "scalar fields returned with each hit");
  public static final ConfigKey<String> SEARCH_CONSISTENCY = ConfigKey.of("search.consistency", null,
      choice(List.of("Strong", "Session", "Bounded", "Eventually")),
      "consistency level of searches, queries and freshness probes; empty = the collection's");
  public static final ConfigKey<String> SEARCH_QUERIES = ConfigKey.of("search.queries", "uniform",
      choice(List.of("uniform", "dataset")), "uniform [0,1) vectors as the reference, or held-out dataset-like queries");
  public static final ConfigKey<Long> SEARCH_SEED = ConfigKey.of("search.seed", "42", anyLong(),
      "seed of generated queries (when no query pool is available)");

  public static final ConfigKey<Double> SLA_P95_MS = ConfigKey.of("sla.p95Ms", null, positiveNumber("number > 0 (ms)"),
      "SLA: P95 at most this at the operating point (analyzer gate); a sweep also asserts it on the whole run's p95 (whole ms)");
  public static final ConfigKey<Double> SLA_P95_MS_SEARCH = slaP95For("search");
  public static final ConfigKey<Double> SLA_P95_MS_INSERT = slaP95For("insert");
  public static final ConfigKey<Double> SLA_P95_MS_UPSERT = slaP95For("upsert");
  public static final ConfigKey<Double> SLA_P95_MS_DELETE = slaP95For("delete");
  public static final ConfigKey<Double> SLA_P95_MS_QUERY = slaP95For("query");
  public static final ConfigKey<Double> SLA_MAX_FAILURE_PCT = ConfigKey.of("sla.maxFailurePct", null, percent(),
      "SLA: failure rate at most this percent at the operating point (analyzer gate); a sweep also asserts it on the whole run");
  public static final ConfigKey<Double> SLA_MIN_RECALL = ConfigKey.of("sla.minRecall", null, fraction("a recall", "0.9"),
      "SLA: recall@k at least this at every level that measured it");
  public static final ConfigKey<Integer> SLA_KNEE_NOT_BEFORE = ConfigKey.of("sla.kneeNotBefore", null,
      integer(1, Integer.MAX_VALUE), "SLA: the knee must not come before this concurrency");
  public static final ConfigKey<List<Path>> BASELINE = ConfigKey.of("baseline", null,
      paths("run directory, or comma-separated run directories (a directory of run directories counts as each)"),
      "compare every level and operation with this run (or these runs) and fail a regression beyond sla.maxRegressionPct that is also"
          + " significant (one run: one-sided Welch's t over the runs' trials, else over the levels' intervals; 3 or"
          + " more runs: one-sided t of a 95 % prediction interval over the baseline runs' values, log scale; 2 runs are"
          + " refused; Holm over the comparison's checks, family-wise 5 %)");
  public static final ConfigKey<Double> SLA_MAX_REGRESSION_PCT = ConfigKey.of("sla.maxRegressionPct", "10",
      positiveNumber("number > 0 (percent; above 100 allows latency to more than double)"),
      "baseline gate: the largest allowed change, percent (QPS down, P95 or P99 up)");
  public static final ConfigKey<String> COMPARE_URI = ConfigKey.of("compare.uri", null, text("http(s)://host:port"),
      "A/B mode: the baseline target; every trial runs each level on it and on the candidate (milvus.uri, or the embedded"
          + " target), alternating which goes first (ABBA), and the verdict is a one-sided paired t over the trials of"
          + " ln(candidate / baseline) per level and QPS / P95 / P99 (Holm, family-wise 5 %; fails beyond"
          + " sla.maxRegressionPct); needs sweep.trials >= 3, one injector and sweep.workload=search");
  public static final ConfigKey<String> COMPARE_TOKEN = ConfigKey.of("compare.token", null,
      text("user:password or API key"), "token for compare.uri (never printed or stored)");
  public static final ConfigKey<Double> CAPACITY_TARGET_QPS = ConfigKey.of("capacity.targetQps", null,
      positiveNumber("number > 0"), "capacity plan: machines needed for this QPS at the recommended level");
  public static final ConfigKey<Integer> CAPACITY_REDUNDANCY = ConfigKey.of("capacity.redundancy", "2",
      integer(1, Integer.MAX_VALUE), "capacity plan: redundancy factor multiplied into the machine count");
  public static final ConfigKey<String> KNEE_RULE = ConfigKey.of("knee.rule", "marginal",
      choice(List.of("marginal", "reference"), Map.of("marginal-efficiency", "marginal", "marginal_efficiency", "marginal")),
      "knee = first step with marginal scaling efficiency < 0.5, or the reference script's literal rule"
          + " (QPS gain < 10 % and P95 > +50 %)");
  public static final ConfigKey<Boolean> KNEE_INCLUDE_UNSTEADY = ConfigKey.of("knee.includeUnsteady", "false", bool(),
      "let the knee consider levels that did not run steadily (QPS or p50 drifting over 20 % between the halves of the"
          + " level, or a start-up transient); they are flagged either way");

  public static final ConfigKey<String> EMBEDDED_HEAP = ConfigKey.of("embedded.heap", "4g", jvmSize(),
      "heap of the embedded target's JVM");
  public static final ConfigKey<Path> EMBEDDED_DATA = ConfigKey.of("embedded.data", "data/embedded", path("directory"),
      "data directory of the embedded target (kept across runs)");
  public static final ConfigKey<Integer> EMBEDDED_WARMUP = ConfigKey.of("embedded.warmup", "5000", integer(0, 1_000_000),
      "sequential searches the embedded target gets before the first level, not recorded: its JIT compiles the search code meanwhile; then more, in rounds, until it compiled for under 2 % of a round (at most 60 s)");
  public static final ConfigKey<Path> SWEEP_RUN_DIR = ConfigKey.of("sweep.runDir", "target/milvus-sweep", path("directory"),
      "where run directories (one per run, timestamped) go");
  public static final ConfigKey<Boolean> SWEEP_KEEP_RAW = ConfigKey.of("sweep.keepRaw", "true", bool(),
      "save every latency (exact numpy percentiles) next to the histograms");
  public static final ConfigKey<Boolean> SWEEP_DEBUG = ConfigKey.of("sweep.debug", "false", bool(),
      "print stack traces of setup errors (otherwise one line, exit 3); `-D` only, as it covers errors in a sweep file");

  private static ConfigKey<Double> slaP95For(String operation) {
    return ConfigKey.of("sla.p95Ms." + operation, null, positiveNumber("number > 0 (ms)"),
        "SLA: P95 of " + operation + " requests at most this at every level that ran them (streaming and mixed workloads;"
            + " in a search workload `sla.p95Ms` is the search's)");
  }

  /** The per-operation P95 SLA keys, by operation. */
  public static final Map<String, ConfigKey<Double>> SLA_P95_MS_BY_OPERATION = Map.of("search", SLA_P95_MS_SEARCH,
      "insert", SLA_P95_MS_INSERT, "upsert", SLA_P95_MS_UPSERT, "delete", SLA_P95_MS_DELETE, "query", SLA_P95_MS_QUERY);

  /** Every key, in the README's order. */
  public static final List<ConfigKey<?>> ALL = List.of(SWEEP_CONFIG, SWEEP_MODE, SWEEP_LEVELS, SWEEP_RATES,
      SWEEP_REQUESTS, SWEEP_DURATION, SWEEP_WARMUP, SWEEP_PAUSE, SWEEP_INTERVAL, SWEEP_TRIALS, SWEEP_INJECTORS,
      SWEEP_INJECTOR_INDEX, SWEEP_BARRIER, SWEEP_BARRIER_TIMEOUT, SWEEP_WORKLOAD, SWEEP_MIX, INGEST_RATE,
      INGEST_BATCH, MILVUS_URI, MILVUS_TOKEN, MILVUS_DB, MILVUS_METRICS_URL, MILVUS_DEADLINE,
      MILVUS_CHANNELS, PREPARE, PROFILE, SEARCH_COLLECTION, SEARCH_ANNS_FIELD, SEARCH_METRIC, SEARCH_EF, SEARCH_TOP_K,
      SEARCH_NQ, SEARCH_FILTER, SEARCH_OUTPUT_FIELDS, SEARCH_CONSISTENCY, SEARCH_QUERIES, SEARCH_SEED, SLA_P95_MS, SLA_P95_MS_SEARCH,
      SLA_P95_MS_INSERT, SLA_P95_MS_UPSERT, SLA_P95_MS_DELETE, SLA_P95_MS_QUERY, SLA_MAX_FAILURE_PCT,
      SLA_MIN_RECALL, SLA_KNEE_NOT_BEFORE, BASELINE, SLA_MAX_REGRESSION_PCT, COMPARE_URI, COMPARE_TOKEN, CAPACITY_TARGET_QPS, CAPACITY_REDUNDANCY, KNEE_RULE, KNEE_INCLUDE_UNSTEADY, EMBEDDED_HEAP,
      EMBEDDED_DATA, EMBEDDED_WARMUP, SWEEP_RUN_DIR, SWEEP_KEEP_RAW, SWEEP_DEBUG);

  /**
   * Prefixes that only this table uses: among a JVM's system properties, a key with one of them that
   * is not in the table is a typo ({@code search.topk}).
   */
  public static final Set<String> PREFIXES = Set.of("sweep.", "milvus.", "search.", "sla.", "embedded.", "capacity.", "knee.",
      "ingest.", "compare.");

  /** The key named {@code name}, if the table has it. */
  public static Optional<ConfigKey<?>> byName(String name) {
    return ALL.stream().filter(k -> k.name().equals(name)).findFirst();
  }

  /** True when {@code name} has one of this table's {@link #PREFIXES}. */
  public static boolean hasOurPrefix(String name) {
    return PREFIXES.stream().anyMatch(name::startsWith);
  }

  /** The complaint about a key the table lacks, listing the known ones: {@code unknown key (known: …)}. */
  public static String unknownKey() {
    Set<String> known = new TreeSet<>();
    ALL.forEach(k -> known.add(k.name()));
    return "unknown key (known: " + String.join(", ", known) + ")";
  }
}
