package org.milvusbench.analyzer;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.milvusbench.config.ConfigKeys;
import org.milvusbench.config.ConfigReader;

/**
 * What the analyzer is asked: SLA thresholds, capacity-planning target and knee rule. Immutable;
 * every {@code with…}/builder setter returns a new value. Unset SLAs are simply not gated.
 */
public final class AnalyzerOptions {
  static final KneeRule DEFAULT_KNEE_RULE = KneeRule.parse(ConfigKeys.KNEE_RULE.defaultValue());
  /** Default marginal-efficiency threshold of {@link KneeRule#MARGINAL_EFFICIENCY} (DESIGN §5). */
  public static final double DEFAULT_KNEE_EFFICIENCY = 0.5;

  private final Double targetQps;
  private final int redundancy;
  private final Double slaP95Ms;
  private final Double slaMaxFailurePct;
  private final Double minRecall;
  private final Integer kneeNotBefore;
  private final KneeRule kneeRule;
  private final double kneeEfficiencyThreshold;
  private final boolean kneeIncludesUnsteady;
  private final Map<String, Double> slaP95MsByOperation;
  private final java.util.List<java.nio.file.Path> baselines;
  private final double maxRegressionPct;

  AnalyzerOptions(AnalyzerOptionsBuilder b) {
    this.baselines = b.baselines;
    this.maxRegressionPct = b.maxRegressionPct;
    this.slaP95MsByOperation = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(b.slaP95MsByOperation));
    this.targetQps = b.targetQps;
    this.redundancy = b.redundancy;
    this.slaP95Ms = b.slaP95Ms;
    this.slaMaxFailurePct = b.slaMaxFailurePct;
    this.minRecall = b.minRecall;
    this.kneeNotBefore = b.kneeNotBefore;
    this.kneeRule = b.kneeRule;
    this.kneeEfficiencyThreshold = b.kneeEfficiencyThreshold;
    this.kneeIncludesUnsteady = b.kneeIncludesUnsteady;
  }

  /** No SLA, no capacity target, redundancy 2, marginal-efficiency knee at 0.5. */
  public static AnalyzerOptions defaults() {
    return builder().build();
  }

  public static AnalyzerOptionsBuilder builder() {
    return new AnalyzerOptionsBuilder();
  }

  /**
   * Options from configuration keys as the sweep receives them ({@code -D} properties): {@code
   * sla.p95Ms}, {@code sla.maxFailurePct}, {@code sla.minRecall}, {@code sla.kneeNotBefore},
   * {@code capacity.targetQps}, {@code capacity.redundancy}, {@code knee.rule}. Absent or blank
   * keys keep their defaults; a bad value is an error naming the key and what is allowed (one line
   * per bad key).
   */
  public static AnalyzerOptions fromConfig(Map<String, String> config) {
    ConfigReader reader = new ConfigReader(config == null ? Map.of() : config);
    AnalyzerOptions options = read(reader);
    if (!reader.problems().isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", reader.problems()));
    }
    return options;
  }

  /**
   * The analyzer's keys, parsed by the key table ({@link ConfigKeys}); a bad value is left to the
   * reader's problems and reads as its default. The sweep and the CLI read the same keys this way.
   */
  public static AnalyzerOptions read(ConfigReader config) {
    return builder().slaP95Ms(config.get(ConfigKeys.SLA_P95_MS))
        .slaMaxFailurePct(config.get(ConfigKeys.SLA_MAX_FAILURE_PCT))
        .minRecall(config.get(ConfigKeys.SLA_MIN_RECALL))
        .kneeNotBefore(config.get(ConfigKeys.SLA_KNEE_NOT_BEFORE))
        .targetQps(config.get(ConfigKeys.CAPACITY_TARGET_QPS))
        .redundancy(config.get(ConfigKeys.CAPACITY_REDUNDANCY))
        .kneeRule(KneeRule.parse(config.get(ConfigKeys.KNEE_RULE)))
        .kneeIncludesUnsteady(config.get(ConfigKeys.KNEE_INCLUDE_UNSTEADY))
        .slaP95MsByOperation(perOperation(config))
        .baselines(config.get(ConfigKeys.BASELINE))
        .maxRegressionPct(config.get(ConfigKeys.SLA_MAX_REGRESSION_PCT))
        .build();
  }

  private static Map<String, Double> perOperation(ConfigReader config) {
    Map<String, Double> out = new java.util.TreeMap<>();
    ConfigKeys.SLA_P95_MS_BY_OPERATION.forEach((op, key) -> {
      Double ms = config.get(key);
      if (ms != null) {
        out.put(op, ms);
      }
    });
    return out;
  }

  /** The runs to compare with ({@code baseline}, as given: not yet expanded); empty when there is none. */
  public java.util.List<java.nio.file.Path> baselines() {
    return baselines;
  }

  /** The baseline gate's largest allowed change, percent ({@code sla.maxRegressionPct}). */
  public double maxRegressionPct() {
    return maxRegressionPct;
  }

  /** {@code sla.p95Ms.<operation>} thresholds (ms), by operation; empty when none is set. */
  public Map<String, Double> slaP95MsByOperation() {
    return slaP95MsByOperation;
  }

  /**
   * The options that gate {@code operation}'s rows: its {@code sla.p95Ms.<operation>} as the P95
   * SLA. The workload's main rows ({@code primary}) keep {@code sla.p95Ms} unless their own key is
   * set; another operation has no P95 SLA without its key, and no capacity plan (a plan sizes the
   * whole load).
   */
  public AnalyzerOptions forOperation(String operation, boolean primary) {
    Double own = slaP95MsByOperation.get(operation);
    AnalyzerOptionsBuilder b = toBuilder().slaP95Ms(own != null ? own : primary ? slaP95Ms : null);
    return primary ? b.build() : b.targetQps(null).build();
  }

  /** Throughput the capacity plan must reach (QPS); empty when no plan is wanted. */
  public OptionalDouble targetQps() {
    return targetQps == null ? OptionalDouble.empty() : OptionalDouble.of(targetQps);
  }

  /** Redundancy factor multiplied into the machine count; default 2. */
  public int redundancy() {
    return redundancy;
  }

  /** Highest acceptable P95 (ms) of an operating point. */
  public OptionalDouble slaP95Ms() {
    return slaP95Ms == null ? OptionalDouble.empty() : OptionalDouble.of(slaP95Ms);
  }

  /** Highest acceptable failure rate (percent, 1.0 = 1 %) of an operating point. */
  public OptionalDouble slaMaxFailurePct() {
    return slaMaxFailurePct == null ? OptionalDouble.empty() : OptionalDouble.of(slaMaxFailurePct);
  }

  /** Lowest acceptable recall@k (0..1) at every measured level. */
  public OptionalDouble minRecall() {
    return minRecall == null ? OptionalDouble.empty() : OptionalDouble.of(minRecall);
  }

  /** The knee may not come before this concurrency (the last level that still scales). */
  public OptionalInt kneeNotBefore() {
    return kneeNotBefore == null ? OptionalInt.empty() : OptionalInt.of(kneeNotBefore);
  }

  public KneeRule kneeRule() {
    return kneeRule;
  }

  /** Marginal-efficiency threshold below which a step is the knee; default 0.5. */
  public double kneeEfficiencyThreshold() {
    return kneeEfficiencyThreshold;
  }

  /** The knee also considers levels that did not run steadily ({@code knee.includeUnsteady}); default false. */
  public boolean kneeIncludesUnsteady() {
    return kneeIncludesUnsteady;
  }

  /** True when at least one per-level SLA (P95, failure rate, recall) is set. */
  public boolean hasLevelSla() {
    return slaP95Ms != null || slaMaxFailurePct != null || minRecall != null;
  }

  /** A builder holding this value's settings. */
  public AnalyzerOptionsBuilder toBuilder() {
    AnalyzerOptionsBuilder b = new AnalyzerOptionsBuilder();
    b.targetQps = targetQps;
    b.redundancy = redundancy;
    b.slaP95Ms = slaP95Ms;
    b.slaMaxFailurePct = slaMaxFailurePct;
    b.minRecall = minRecall;
    b.kneeNotBefore = kneeNotBefore;
    b.kneeRule = kneeRule;
    b.kneeEfficiencyThreshold = kneeEfficiencyThreshold;
    b.kneeIncludesUnsteady = kneeIncludesUnsteady;
    b.slaP95MsByOperation = new java.util.TreeMap<>(slaP95MsByOperation);
    b.baselines = baselines;
    b.maxRegressionPct = maxRegressionPct;
    return b;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "AnalyzerOptions[targetQps=%s, redundancy=%d, slaP95Ms=%s, slaMaxFailurePct=%s,"
            + " minRecall=%s, kneeNotBefore=%s, kneeRule=%s, kneeEfficiency=%s]",
        targetQps, redundancy, slaP95Ms, slaMaxFailurePct, minRecall, kneeNotBefore, kneeRule,
        kneeEfficiencyThreshold);
  }
}
