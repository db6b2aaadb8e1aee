package org.milvusbench.sweep.config;

import static org.milvusbench.config.ConfigKeys.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.milvusbench.analyzer.AnalyzerOptions;
import org.milvusbench.analyzer.KneeRule;
import org.milvusbench.config.ConfigKeys;
import org.milvusbench.config.ConfigReader;
import org.milvusbench.config.DurationText;
import org.milvusbench.expr.FilterException;
import org.milvusbench.expr.FilterExpr;
import org.milvusbench.milvus.MilvusEndpoint;
import org.milvusbench.rundir.RunLayout;

/**
 * Every setting of the sweep ({@code -D} keys, optionally a {@code -Dsweep.config} file under them),
 * parsed by the key table ({@link ConfigKeys}) and validated before any load: a bad value fails with
 * one message per problem, naming the key and what is allowed.
 */
public record SweepConfig(
    Mode mode,
    List<Integer> levels,
    List<Double> rates,
    long requests,
    Duration duration,
    int warmup,
    Duration pause,
    Duration interval,
    int trials,
    Injectors injectors,
    Workload workload,
    String uri,
    String token,
    String db,
    String metricsUrl,
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
    String consistency,
    String queries,
    long seed,
    String embeddedHeap,
    Path embeddedData,
    int embeddedWarmup,
    Path runRoot,
    boolean keepRaw,
    AnalyzerOptions analysis,
    Compare compare) {

  /** Closed model (fixed concurrency, the reference) or open model (fixed arrival rate). */
  public enum Mode { CLOSED, OPEN }

  /** Reads and validates the JVM's system properties (and the file {@code sweep.config} names). */
  public static SweepConfig fromSystemProperties() {
    Map<String, String> props = new LinkedHashMap<>();
    System.getProperties().stringPropertyNames().forEach(k -> props.put(k, System.getProperty(k)));
    return parse(props);
  }

  /**
   * Parses and validates {@code -D} properties and the file their {@code sweep.config} names (the
   * properties win); every problem is collected and reported in one {@link
   * IllegalArgumentException}, one line per problem.
   */
  public static SweepConfig parse(Map<String, String> props) {
    ConfigReader r = SweepSources.reader(props);
    r.readAll(ConfigKeys.ALL);
    String uri = r.get(MILVUS_URI);
    if (uri != null) {
      try {
        MilvusEndpoint.of(uri, null, null);
      } catch (IllegalArgumentException e) {
        r.problem(MILVUS_URI, e.getMessage().replaceFirst("^milvus uri: ", ""));
      }
    }
    int topK = r.get(SEARCH_TOP_K);
    int ef = r.get(SEARCH_EF);
    if (ef < topK) {
      r.problem("search.ef: " + ef + " is below search.topK " + topK + " (HNSW needs ef >= topK)");
    }
    String filter = r.text("search.filter", null);
    if (filter != null) {
      // The grammar the embedded server compiles with, so a typo fails here and not as thousands of KOs.
      try {
        FilterExpr.parse(filter);
      } catch (FilterException e) {
        r.problem("search.filter: \"" + filter + "\" does not parse: " + e.getMessage() + " (e.g. category == \"B\")");
      }
    }
    // The SLA, knee and capacity keys are the analyzer's; the sweep reads its two Gatling
    // assertions (slaP95Ms, slaMaxFailurePct) back from there.
    AnalyzerOptions analysis = AnalyzerOptions.read(r);
    Workload workload = new Workload(Workload.Kind.valueOf(r.get(SWEEP_WORKLOAD).toUpperCase(Locale.ROOT)),
        r.get(SWEEP_MIX), r.get(INGEST_RATE), r.get(INGEST_BATCH));
    if (workload.kind() == Workload.Kind.MIXED && r.get(SWEEP_MODE).equals("closed")
        && r.get(SWEEP_DURATION) == null && r.get(SWEEP_REQUESTS) < workload.mix().size()) {
      r.problem("sweep.requests: " + r.get(SWEEP_REQUESTS) + " is fewer than the " + workload.mix().size()
          + " operations of sweep.mix; every operation needs a request per level");
    }
    Injectors injectors = InjectorRules.read(r, workload, uri);
    Compare compare = CompareRules.read(r, workload, injectors);
    r.throwIfProblems();
    List<String> outputFields = Objects.requireNonNullElse(r.get(SEARCH_OUTPUT_FIELDS), List.of());
    return new SweepConfig(r.get(SWEEP_MODE).equals("open") ? Mode.OPEN : Mode.CLOSED, r.get(SWEEP_LEVELS),
        r.get(SWEEP_RATES), r.get(SWEEP_REQUESTS), r.get(SWEEP_DURATION), r.get(SWEEP_WARMUP), r.get(SWEEP_PAUSE),
        r.get(SWEEP_INTERVAL), r.get(SWEEP_TRIALS), injectors, workload, uri, r.get(MILVUS_TOKEN), r.get(MILVUS_DB), r.get(MILVUS_METRICS_URL), r.get(MILVUS_DEADLINE), r.get(MILVUS_CHANNELS), r.get(PREPARE),
        r.get(PROFILE), r.get(SEARCH_COLLECTION), r.get(SEARCH_ANNS_FIELD), r.get(SEARCH_METRIC), ef, topK,
        r.get(SEARCH_NQ), filter, outputFields, r.get(SEARCH_CONSISTENCY), r.get(SEARCH_QUERIES), r.get(SEARCH_SEED), r.get(EMBEDDED_HEAP),
        r.get(EMBEDDED_DATA), r.get(EMBEDDED_WARMUP), r.get(SWEEP_RUN_DIR), r.get(SWEEP_KEEP_RAW), analysis,
        compare);
  }

  public boolean embedded() {
    return uri == null;
  }

  /** True in the A/B mode: {@code compare.uri} names a baseline target beside the candidate. */
  public boolean comparesTargets() {
    return compare != null;
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
    m.put("sweep.interval", DurationText.format(interval));
    if (trials > 1) {
      m.put("sweep.trials", Integer.toString(trials));
    }
    if (injectors.of() > 1) {
      m.put("sweep.injectors", Integer.toString(injectors.of()));
      if (injectors.index() != null) {
        m.put("sweep.injectorIndex", Integer.toString(injectors.index()));
        m.put("sweep.barrier", injectors.barrierHost() + ":" + injectors.barrierPort());
      }
      m.put("sweep.barrierTimeout", DurationText.format(injectors.barrierTimeout()));
    }
    m.put("sweep.workload", workload.name());
    if (workload.kind() == Workload.Kind.MIXED) {
      List<String> weights = new ArrayList<>();
      workload.mix().forEach((op, w) -> weights.add(op + ":" + w));
      m.put("sweep.mix", String.join(",", weights));
    }
    if (workload.kind() == Workload.Kind.STREAMING) {
      m.put("ingest.rate", RunLayout.formatRate(workload.ingestRate()));
    }
    if (workload.writes()) {
      m.put("ingest.batch", Integer.toString(workload.batch()));
    }
    m.put("milvus.uri", uri == null ? "embedded" : uri);
    m.put("milvus.token", token == null ? "none" : "<set>");
    if (db != null) {
      m.put("milvus.db", db);
    }
    if (metricsUrl != null) {
      m.put("milvus.metricsUrl", metricsUrl);
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
    if (consistency != null) {
      m.put("search.consistency", consistency);
    }
    m.put("search.queries", queries);
    m.put("search.seed", Long.toString(seed));
    analysis.slaP95Ms().ifPresent(v -> m.put("sla.p95Ms", Double.toString(v)));
    analysis.slaP95MsByOperation().forEach((op, v) -> m.put("sla.p95Ms." + op, Double.toString(v)));
    analysis.slaMaxFailurePct().ifPresent(v -> m.put("sla.maxFailurePct", Double.toString(v)));
    if (embedded()) {
      m.put("embedded.heap", embeddedHeap);
      m.put("embedded.data", embeddedData.toString());
      m.put("embedded.warmup", Integer.toString(embeddedWarmup));
    }
    m.put("sweep.keepRaw", Boolean.toString(keepRaw));
    analysis.minRecall().ifPresent(v -> m.put("sla.minRecall", Double.toString(v)));
    analysis.kneeNotBefore().ifPresent(v -> m.put("sla.kneeNotBefore", Integer.toString(v)));
    if (!analysis.baselines().isEmpty()) {
      m.put("baseline", join(analysis.baselines()));
      m.put("sla.maxRegressionPct", Double.toString(analysis.maxRegressionPct()));
    }
    if (compare != null) {
      m.put("compare.uri", compare.uri());
      m.put("compare.token", compare.token() == null ? "none" : "<set>");
      m.put("sla.maxRegressionPct", Double.toString(analysis.maxRegressionPct()));
    }
    analysis.targetQps().ifPresent(v -> m.put("capacity.targetQps", Double.toString(v)));
    m.put("capacity.redundancy", Integer.toString(analysis.redundancy()));
    m.put("knee.rule", analysis.kneeRule() == KneeRule.REFERENCE ? "reference" : "marginal");
    return m;
  }

  private static String join(List<?> values) {
    List<String> parts = new ArrayList<>();
    for (Object v : values) {
      parts.add(v instanceof Double d ? RunLayout.formatRate(d) : v.toString());
    }
    return String.join(",", parts);
  }
}
