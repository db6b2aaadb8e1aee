package org.milvusbench.analyzer;

import java.util.Map;
import org.milvusbench.config.ConfigKeys;

/** Mutable builder of {@link AnalyzerOptions}; {@link #build()} validates and freezes. */
public final class AnalyzerOptionsBuilder {
  Double targetQps;
  int redundancy = ConfigKeys.CAPACITY_REDUNDANCY.defaultValue();
  Double slaP95Ms;
  Double slaMaxFailurePct;
  Double minRecall;
  Integer kneeNotBefore;
  KneeRule kneeRule = AnalyzerOptions.DEFAULT_KNEE_RULE;
  double kneeEfficiencyThreshold = AnalyzerOptions.DEFAULT_KNEE_EFFICIENCY;
  boolean kneeIncludesUnsteady = ConfigKeys.KNEE_INCLUDE_UNSTEADY.defaultValue();
  Map<String, Double> slaP95MsByOperation = new java.util.TreeMap<>();
  java.util.List<java.nio.file.Path> baselines = java.util.List.of();
  double maxRegressionPct = ConfigKeys.SLA_MAX_REGRESSION_PCT.defaultValue();

  AnalyzerOptionsBuilder() {}

  /** The run to compare with; null for none. */
  public AnalyzerOptionsBuilder baseline(java.nio.file.Path runDirectory) {
    this.baselines = runDirectory == null ? java.util.List.of() : java.util.List.of(runDirectory);
    return this;
  }

  /**
   * The runs to compare with (each a run directory, or a directory of run directories); null or
   * empty for none. One run is the single-run gate; 3 or more the multi-run one ({@link BaselineRuns}).
   */
  public AnalyzerOptionsBuilder baselines(java.util.List<java.nio.file.Path> runDirectories) {
    this.baselines = runDirectories == null ? java.util.List.of() : java.util.List.copyOf(runDirectories);
    return this;
  }

  /** The baseline gate's largest allowed change in percent; null keeps the default (10). */
  public AnalyzerOptionsBuilder maxRegressionPct(Double pct) {
    if (pct != null && !(pct > 0)) {
      throw new IllegalArgumentException("max regression: " + pct + " % is not a positive number");
    }
    this.maxRegressionPct = pct == null ? ConfigKeys.SLA_MAX_REGRESSION_PCT.defaultValue() : pct;
    return this;
  }

  /** SLA: P95 ≤ ms per operation ({@code sla.p95Ms.insert}); each positive. */
  public AnalyzerOptionsBuilder slaP95MsByOperation(Map<String, Double> thresholds) {
    thresholds.forEach((op, ms) -> {
      if (!(ms > 0)) {
        throw new IllegalArgumentException("SLA P95 of " + op + ": " + ms + " ms is not a positive number");
      }
    });
    this.slaP95MsByOperation = new java.util.TreeMap<>(thresholds);
    return this;
  }

  /** Target throughput (QPS) for the capacity plan; null for none. */
  public AnalyzerOptionsBuilder targetQps(Double qps) {
    if (qps != null && !(qps > 0)) {
      throw new IllegalArgumentException("target QPS: " + qps + " is not a positive number");
    }
    this.targetQps = qps;
    return this;
  }

  /** Redundancy factor (≥ 1); default {@code capacity.redundancy}'s, 2 (the reference's "×2"). */
  public AnalyzerOptionsBuilder redundancy(int factor) {
    if (factor < 1) {
      throw new IllegalArgumentException("redundancy: " + factor + " is not a positive integer");
    }
    this.redundancy = factor;
    return this;
  }

  /** SLA: P95 ≤ this many ms at the operating point; null for none. */
  public AnalyzerOptionsBuilder slaP95Ms(Double ms) {
    if (ms != null && !(ms > 0)) {
      throw new IllegalArgumentException("SLA P95: " + ms + " ms is not a positive number");
    }
    this.slaP95Ms = ms;
    return this;
  }

  /** SLA: failure rate ≤ this percentage at the operating point; null for none. */
  public AnalyzerOptionsBuilder slaMaxFailurePct(Double pct) {
    if (pct != null && !(pct >= 0 && pct <= 100)) {
      throw new IllegalArgumentException(
          "SLA failure rate: " + pct + " % is not a percentage in [0, 100]");
    }
    this.slaMaxFailurePct = pct;
    return this;
  }

  /** SLA: recall@k ≥ this (0..1) at every level; null for none. */
  public AnalyzerOptionsBuilder minRecall(Double recall) {
    if (recall != null && !(recall >= 0 && recall <= 1)) {
      throw new IllegalArgumentException("min recall: " + recall + " is not in [0, 1]");
    }
    this.minRecall = recall;
    return this;
  }

  /** SLA: the knee must not come before this concurrency; null for none. */
  public AnalyzerOptionsBuilder kneeNotBefore(Integer concurrency) {
    if (concurrency != null && concurrency < 1) {
      throw new IllegalArgumentException(
          "knee not before: " + concurrency + " is not a positive integer");
    }
    this.kneeNotBefore = concurrency;
    return this;
  }

  /** Knee rule; default (and for null) {@code knee.rule}'s, {@link KneeRule#MARGINAL_EFFICIENCY}. */
  public AnalyzerOptionsBuilder kneeRule(KneeRule rule) {
    this.kneeRule = rule == null ? AnalyzerOptions.DEFAULT_KNEE_RULE : rule;
    return this;
  }

  /** Marginal-efficiency threshold in (0, 1); default 0.5. */
  public AnalyzerOptionsBuilder kneeEfficiencyThreshold(double threshold) {
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException(
          "knee efficiency threshold: " + threshold + " is not in (0, 1)");
    }
    this.kneeEfficiencyThreshold = threshold;
    return this;
  }

  /** Let the knee consider unsteady levels too; default false (null keeps the default). */
  public AnalyzerOptionsBuilder kneeIncludesUnsteady(Boolean include) {
    this.kneeIncludesUnsteady = include == null ? ConfigKeys.KNEE_INCLUDE_UNSTEADY.defaultValue() : include;
    return this;
  }

  public AnalyzerOptions build() {
    return new AnalyzerOptions(this);
  }
}
