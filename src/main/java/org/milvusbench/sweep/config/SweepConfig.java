package org.milvusbench.sweep.config;

import org.milvusbench.config.ConfigKey;
import org.milvusbench.config.ConfigReader;
import org.milvusbench.config.DurationText;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.milvusbench.analyzer.AnalyzerOptions;
import org.milvusbench.analyzer.KneeRule;

/**
 * Every {@code -D} setting of the sweep, parsed and validated before any load: a bad value fails
 * with one message per problem, naming the key and what is allowed. {@link #KEYS} is the README table.
 */
public record SweepConfig(
    Mode mode,
    List<Integer> levels,
    List<Double> rates,
    long requests,
    Duration duration,
    int warmup,
    Duration pause,
    String uri,
    String token,
    String db,
    Duration deadline,
    int channels,
    boolean prepare,
    String profile,
    String collection,
    String annsField,
    String metric,
    int ef,
    int topK,
    int nq,
    String filter,
    List<String> outputFields,
    String queries,
    long seed,
    String embeddedHeap,
    Path embeddedData,
    int embeddedWarmup,
    Path runRoot,
    boolean keepRaw,
    AnalyzerOptions analysis) {

  /** Closed model (fixed concurrency, the reference) or open model (fixed arrival rate). */
  public enum Mode { CLOSED, OPEN }

  public static final List<ConfigKey> KEYS = List.of(
      new ConfigKey("sweep.mode", "closed", "closed, open", "closed: N concurrent users per level; open: a constant arrival rate per level"),
      new ConfigKey("sweep.levels", "1,5,10,20,50,100", "positive integers, comma-separated", "concurrency levels (closed model), run in order"),
      new ConfigKey("sweep.rates", "100,200,400", "positive numbers (requests/s)", "arrival rates (open model), run in order"),
      new ConfigKey("sweep.requests", "1000", "positive integer", "requests counted per level (closed: exactly this many; open: rate × duration when no duration)"),
      new ConfigKey("sweep.duration", "", "duration (30s, 2m)", "run each level for this long instead of a request count"),
      new ConfigKey("sweep.warmup", "10", "integer >= 0", "sequential warm-up searches before each level, not recorded"),
      new ConfigKey("sweep.pause", "5s", "duration >= 0", "pause after each level"),
      new ConfigKey("milvus.uri", "", "http(s)://host:port", "target Milvus; empty = start the embedded target (child JVM)"),
      new ConfigKey("milvus.token", "", "user:password or API key", "token for milvus.uri (never printed or stored)"),
      new ConfigKey("milvus.db", "", "database name", "database (dbname header); empty = default"),
      new ConfigKey("milvus.deadline", "10s", "duration >= 1ms", "per-request deadline; slower answers are KOs"),
      new ConfigKey("milvus.channels", "1", "1..64", "gRPC channels (HTTP/2 connections) per Gatling event loop (two loops per core)"),
      new ConfigKey("prepare", "false", "true, false", "seed/index/load the collection on milvus.uri (always done on the embedded target)"),
      new ConfigKey("profile", "default", "smoke, default, seed", "data-prep profile: 2k rows (CI), 50k x 768, 1M x 768 (reference)"),
      new ConfigKey("search.collection", "(profile's)", "collection name", "collection to search"),
      new ConfigKey("search.annsField", "embedding", "field name", "vector field"),
      new ConfigKey("search.metric", "L2", "L2, IP, COSINE", "metric sent with the search"),
      new ConfigKey("search.ef", "64", "integer >= search.topK", "HNSW ef"),
      new ConfigKey("search.topK", "10", "1..16384", "results per query (recall@k depth)"),
      new ConfigKey("search.nq", "1", "1..1024", "queries per request"),
      new ConfigKey("search.filter", "", "Milvus boolean expression", "filter, e.g. category == \"B\""),
      new ConfigKey("search.outputFields", "", "field names, comma-separated", "scalar fields returned with each hit"),
      new ConfigKey("search.queries", "uniform", "uniform, dataset", "uniform [0,1) vectors as the reference, or held-out dataset-like queries"),
      new ConfigKey("search.seed", "42", "integer", "seed of generated queries (when no query pool is available)"),
      new ConfigKey("sla.p95Ms", "", "number > 0 (ms)", "Gatling assertion: global p95 below this (whole ms, rounded down)"),
      new ConfigKey("sla.maxFailurePct", "", "0..100", "Gatling assertion: failed requests at most this percent"),
      new ConfigKey("sla.minRecall", "", "0..1", "analyzer gate: recall@k at least this at every level that measured it"),
      new ConfigKey("sla.kneeNotBefore", "", "positive integer", "analyzer gate: the knee must not come before this concurrency"),
      new ConfigKey("capacity.targetQps", "", "number > 0", "analyzer: machines needed for this QPS at the recommended level"),
      new ConfigKey("capacity.redundancy", "2", "positive integer", "analyzer: redundancy factor of the capacity plan"),
      new ConfigKey("knee.rule", "marginal", "marginal, reference", "analyzer: knee = marginal scaling efficiency < 0.5, or the reference script's rule"),
      new ConfigKey("embedded.heap", "4g", "JVM size (512m, 4g)", "heap of the embedded target's JVM"),
      new ConfigKey("embedded.data", "data/embedded", "directory", "data directory of the embedded target (kept across runs)"),
      new ConfigKey("embedded.warmup", "5000", "0..1000000", "sequential searches the embedded target gets before the first level, not recorded: its JIT compiles the search code meanwhile"),
      new ConfigKey("sweep.runDir", "target/milvus-sweep", "directory", "where run directories (one per run, timestamped) go"),
      new ConfigKey("sweep.keepRaw", "true", "true, false", "save every latency (exact numpy percentiles) next to the histograms"),
      new ConfigKey("sweep.debug", "false", "true, false", "print the stack trace of a setup error (otherwise one line, exit status 3)"));

  private static final Set<String> PREFIXES = Set.of("sweep.", "milvus.", "search.", "sla.", "embedded.", "capacity.", "knee.");

  /** Reads and validates the JVM's system properties. */
  public static SweepConfig fromSystemProperties() {
    Map<String, String> props = new LinkedHashMap<>();
    System.getProperties().stringPropertyNames().forEach(k -> props.put(k, System.getProperty(k)));
    return parse(props);
  }

  /**
   * Parses and validates; every problem is collected and reported in one {@link
   * IllegalArgumentException}, one line per key.
   */
  public static SweepConfig parse(Map<String, String> props) {
    ConfigReader r = new ConfigReader(props);
    Set<String> known = new TreeSet<>();
    KEYS.forEach(k -> known.add(k.key()));
    for (String key : props.keySet()) {
      if (PREFIXES.stream().anyMatch(key::startsWith) && !known.contains(key)) {
        r.problem(key + ": unknown key (known: " + String.join(", ", known) + ")");
      }
    }
    Mode mode = r.choice("sweep.mode", "closed", List.of("closed", "open")).equals("open") ? Mode.OPEN : Mode.CLOSED;
    List<Integer> levels = r.positiveInts("sweep.levels", "1,5,10,20,50,100");
    List<Double> rates = r.positiveDoubles("sweep.rates", "100,200,400");
    long requests = r.positiveLong("sweep.requests", 1000);
    Duration duration = r.duration("sweep.duration", null, false);
    int warmup = (int) r.nonNegativeLong("sweep.warmup", 10);
    Duration pause = r.duration("sweep.pause", Duration.ofSeconds(5), true);
    String uri = r.text("milvus.uri", null);
    if (uri != null) {
      try {
        org.milvusbench.gatling.MilvusDsl.milvus().uri(uri);
      } catch (IllegalArgumentException e) {
        r.problem(e.getMessage().replace("milvus uri", "milvus.uri"));
      }
    }
    String token = r.text("milvus.token", null);
    String db = r.text("milvus.db", null);
    Duration deadline = r.duration("milvus.deadline", Duration.ofSeconds(10), false);
    if (deadline.toMillis() < 1) {
      // gRPC deadlines are set in whole milliseconds here; less would fail every call at once.
      r.problem("milvus.deadline: \"" + props.get("milvus.deadline") + "\" is shorter than 1ms");
      deadline = Duration.ofSeconds(10);
    }
    int channels = (int) r.longInRange("milvus.channels", 1, 1, 64);
    boolean prepare = r.bool("prepare", false);
    String profile = r.choice("profile", "default", List.of("smoke", "default", "seed"));
    String collection = r.text("search.collection", null);
    String annsField = r.text("search.annsField", "embedding");
    String metric = r.choice("search.metric", "L2", List.of("L2", "IP", "COSINE"));
    int topK = (int) r.longInRange("search.topK", 10, 1, 16384);
    int ef = (int) r.positiveLong("search.ef", 64);
    if (ef < topK) {
      r.problem("search.ef: " + ef + " is below search.topK " + topK + " (HNSW needs ef >= topK)");
    }
    int nq = (int) r.longInRange("search.nq", 1, 1, 1024);
    String filter = r.text("search.filter", null);
    if (filter != null) {
      // The grammar the embedded server compiles with, so a typo fails here and not as thousands of KOs.
      try {
        org.milvusbench.expr.FilterExpr.parse(filter);
      } catch (org.milvusbench.expr.FilterException e) {
        r.problem("search.filter: \"" + filter + "\" does not parse: " + e.getMessage() + " (e.g. category == \"B\")");
      }
    }
    List<String> outputFields = r.list("search.outputFields");
    String queries = r.choice("search.queries", "uniform", List.of("uniform", "dataset"));
    long seed = r.anyLong("search.seed", 42);
    String heap = r.text("embedded.heap", "4g");
    if (!heap.matches("\\d+[kKmMgG]?")) {
      r.problem("embedded.heap: \"" + heap + "\" is not a JVM size (e.g. 512m, 4g)");
    }
    Path embeddedData = Path.of(r.text("embedded.data", "data/embedded"));
    int embeddedWarmup = (int) r.longInRange("embedded.warmup", 5000, 0, 1_000_000);
    Path runRoot = Path.of(r.text("sweep.runDir", "target/milvus-sweep"));
    boolean keepRaw = r.bool("sweep.keepRaw", true);
    r.bool("sweep.debug", false); // read by SweepRun.startOrExit before this parse; validated here
    AnalyzerOptions analysis = null;
    try {
      // The SLA, knee and capacity keys are the analyzer's; the sweep reads its two Gatling
      // assertions (slaP95Ms, slaMaxFailurePct) back from there.
      analysis = AnalyzerOptions.fromConfig(props);
    } catch (IllegalArgumentException e) {
      r.problem(e.getMessage());
    }
    r.throwIfProblems();
    return new SweepConfig(mode, levels, rates, requests, duration, warmup, pause, uri, token, db, deadline, channels,
        prepare, profile, collection, annsField, metric, ef, topK, nq, filter, outputFields, queries, seed,
        heap, embeddedData, embeddedWarmup, runRoot, keepRaw, analysis);
  }

  public boolean embedded() {
    return uri == null;
  }

  /** {@code sla.p95Ms} (a Gatling assertion too); null when not set. */
  public Double slaP95Ms() {
    return analysis.slaP95Ms().isPresent() ? analysis.slaP95Ms().getAsDouble() : null;
  }

  /** {@code sla.maxFailurePct} (a Gatling assertion too); null when not set. */
  public Double slaMaxFailurePct() {
    return analysis.slaMaxFailurePct().isPresent() ? analysis.slaMaxFailurePct().getAsDouble() : null;
  }

  /** The effective configuration as the user would write it, without the token. */
  public Map<String, String> effective() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("sweep.mode", mode.name().toLowerCase(Locale.ROOT));
    if (mode == Mode.CLOSED) {
      m.put("sweep.levels", join(levels));
    } else {
      m.put("sweep.rates", join(rates));
    }
    m.put(duration == null ? "sweep.requests" : "sweep.duration",
        duration == null ? Long.toString(requests) : DurationText.format(duration));
    m.put("sweep.warmup", Integer.toString(warmup));
    m.put("sweep.pause", DurationText.format(pause));
    m.put("milvus.uri", uri == null ? "embedded" : uri);
    m.put("milvus.token", token == null ? "none" : "<set>");
    if (db != null) {
      m.put("milvus.db", db);
    }
    m.put("milvus.deadline", DurationText.format(deadline));
    m.put("milvus.channels", Integer.toString(channels));
    m.put("prepare", Boolean.toString(prepare || embedded()));
    m.put("profile", profile);
    if (collection != null) {
      m.put("search.collection", collection);
    }
    m.put("search.annsField", annsField);
    m.put("search.metric", metric);
    m.put("search.ef", Integer.toString(ef));
    m.put("search.topK", Integer.toString(topK));
    m.put("search.nq", Integer.toString(nq));
    if (filter != null) {
      m.put("search.filter", filter);
    }
    if (!outputFields.isEmpty()) {
      m.put("search.outputFields", String.join(",", outputFields));
    }
    m.put("search.queries", queries);
    m.put("search.seed", Long.toString(seed));
    analysis.slaP95Ms().ifPresent(v -> m.put("sla.p95Ms", Double.toString(v)));
    analysis.slaMaxFailurePct().ifPresent(v -> m.put("sla.maxFailurePct", Double.toString(v)));
    if (embedded()) {
      m.put("embedded.heap", embeddedHeap);
      m.put("embedded.data", embeddedData.toString());
      m.put("embedded.warmup", Integer.toString(embeddedWarmup));
    }
    m.put("sweep.keepRaw", Boolean.toString(keepRaw));
    analysis.minRecall().ifPresent(v -> m.put("sla.minRecall", Double.toString(v)));
    analysis.kneeNotBefore().ifPresent(v -> m.put("sla.kneeNotBefore", Integer.toString(v)));
    analysis.targetQps().ifPresent(v -> m.put("capacity.targetQps", Double.toString(v)));
    m.put("capacity.redundancy", Integer.toString(analysis.redundancy()));
    m.put("knee.rule", analysis.kneeRule() == KneeRule.REFERENCE ? "reference" : "marginal");
    return m;
  }

  /** The README configuration table (Markdown). */
  public static String markdownTable() {
    StringBuilder sb = new StringBuilder("| key | default | allowed | what |\n| --- | --- | --- | --- |\n");
    for (ConfigKey k : KEYS) {
      sb.append("| `").append(k.key()).append("` | ").append(k.defaultValue().isEmpty() ? "—" : "`" + k.defaultValue() + "`")
          .append(" | ").append(k.allowed()).append(" | ").append(k.meaning().replace("|", "\\|")).append(" |\n");
    }
    return sb.toString();
  }

  private static String join(List<?> values) {
    List<String> parts = new ArrayList<>();
    for (Object v : values) {
      parts.add(v instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : v.toString());
    }
    return String.join(",", parts);
  }

  /** Prints the README table: {@code java -cp ... org.milvusbench.sweep.config.SweepConfig}. */
  public static void main(String[] args) {
    System.out.print(markdownTable());
  }
}
