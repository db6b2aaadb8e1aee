package org.milvusbench.analyzer;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What the analyzer is asked: SLA thresholds, capacity-planning target and knee rule. Immutable;
 * every {@code with…}/builder setter returns a new value. Unset SLAs are simply not gated.
 */
public final class AnalyzerOptions {
  /** Default redundancy factor of the capacity plan (the reference's "×2"). */
  public static final int DEFAULT_REDUNDANCY = 2;
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

  private AnalyzerOptions(Builder b) {
    this.targetQps = b.targetQps;
    this.redundancy = b.redundancy;
    this.slaP95Ms = b.slaP95Ms;
    this.slaMaxFailurePct = b.slaMaxFailurePct;
    this.minRecall = b.minRecall;
    this.kneeNotBefore = b.kneeNotBefore;
    this.kneeRule = b.kneeRule;
    this.kneeEfficiencyThreshold = b.kneeEfficiencyThreshold;
  }

  /** No SLA, no capacity target, redundancy 2, marginal-efficiency knee at 0.5. */
  public static AnalyzerOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Options from configuration keys as the sweep receives them ({@code -D} properties): {@code
   * sla.p95Ms}, {@code sla.maxFailurePct}, {@code sla.minRecall}, {@code sla.kneeNotBefore},
   * {@code capacity.targetQps}, {@code capacity.redundancy}, {@code knee.rule}. Absent or blank
   * keys keep their defaults; a bad value is an error naming the key and what is allowed.
   */
  public static AnalyzerOptions fromConfig(Map<String, String> config) {
    Builder b = builder();
    String v;
    if ((v = value(config, "sla.p95Ms")) != null) b.slaP95Ms(positive("sla.p95Ms", v));
    if ((v = value(config, "sla.maxFailurePct")) != null) {
      b.slaMaxFailurePct(percent("sla.maxFailurePct", v));
    }
    if ((v = value(config, "sla.minRecall")) != null) b.minRecall(fraction("sla.minRecall", v));
    if ((v = value(config, "sla.kneeNotBefore")) != null) {
      b.kneeNotBefore((int) positiveInt("sla.kneeNotBefore", v));
    }
    if ((v = value(config, "capacity.targetQps")) != null) {
      b.targetQps(positive("capacity.targetQps", v));
    }
    if ((v = value(config, "capacity.redundancy")) != null) {
      b.redundancy((int) positiveInt("capacity.redundancy", v));
    }
    if ((v = value(config, "knee.rule")) != null) {
      try {
        b.kneeRule(KneeRule.parse(v));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "knee.rule: \"" + v + "\" is not one of marginal, reference");
      }
    }
    return b.build();
  }

  private static String value(Map<String, String> config, String key) {
    String v = config == null ? null : config.get(key);
    return v == null || v.isBlank() ? null : v.trim();
  }

  private static double number(String key, String v, String allowed) {
    try {
      double d = Double.parseDouble(v);
      if (Double.isFinite(d)) {
        return d;
      }
    } catch (NumberFormatException ignored) {
      // fall through to the message below
    }
    throw new IllegalArgumentException(key + ": \"" + v + "\" is not " + allowed);
  }

  private static double positive(String key, String v) {
    double d = number(key, v, "a positive number");
    if (d <= 0) throw new IllegalArgumentException(key + ": \"" + v + "\" is not a positive number");
    return d;
  }

  private static double percent(String key, String v) {
    double d = number(key, v.endsWith("%") ? v.substring(0, v.length() - 1).trim() : v, "a percentage in [0, 100] (e.g. 1.5)");
    if (d < 0 || d > 100) {
      throw new IllegalArgumentException(
          key + ": \"" + v + "\" is not a percentage in [0, 100] (e.g. 1.5)");
    }
    return d;
  }

  private static double fraction(String key, String v) {
    double d = number(key, v, "a recall in [0, 1] (e.g. 0.9)");
    if (d < 0 || d > 1) {
      throw new IllegalArgumentException(key + ": \"" + v + "\" is not a recall in [0, 1] (e.g. 0.9)");
    }
    return d;
  }

  private static long positiveInt(String key, String v) {
    try {
      long n = Long.parseLong(v);
      if (n > 0 && n <= Integer.MAX_VALUE) return n;
    } catch (NumberFormatException ignored) {
      // fall through
    }
    throw new IllegalArgumentException(key + ": \"" + v + "\" is not a positive integer");
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

  /** True when at least one per-level SLA (P95, failure rate, recall) is set. */
  public boolean hasLevelSla() {
    return slaP95Ms != null || slaMaxFailurePct != null || minRecall != null;
  }

  /** A builder holding this value's settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.targetQps = targetQps;
    b.redundancy = redundancy;
    b.slaP95Ms = slaP95Ms;
    b.slaMaxFailurePct = slaMaxFailurePct;
    b.minRecall = minRecall;
    b.kneeNotBefore = kneeNotBefore;
    b.kneeRule = kneeRule;
    b.kneeEfficiencyThreshold = kneeEfficiencyThreshold;
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

  /** Mutable builder; {@link #build()} validates and freezes. */
  public static final class Builder {
    private Double targetQps;
    private int redundancy = DEFAULT_REDUNDANCY;
    private Double slaP95Ms;
    private Double slaMaxFailurePct;
    private Double minRecall;
    private Integer kneeNotBefore;
    private KneeRule kneeRule = KneeRule.MARGINAL_EFFICIENCY;
    private double kneeEfficiencyThreshold = DEFAULT_KNEE_EFFICIENCY;

    private Builder() {}

    /** Target throughput (QPS) for the capacity plan; null for none. */
    public Builder targetQps(Double qps) {
      if (qps != null && !(qps > 0)) {
        throw new IllegalArgumentException("target QPS: " + qps + " is not a positive number");
      }
      this.targetQps = qps;
      return this;
    }

    /** Redundancy factor (≥ 1); default 2. */
    public Builder redundancy(int factor) {
      if (factor < 1) {
        throw new IllegalArgumentException("redundancy: " + factor + " is not a positive integer");
      }
      this.redundancy = factor;
      return this;
    }

    /** SLA: P95 ≤ this many ms at the operating point; null for none. */
    public Builder slaP95Ms(Double ms) {
      if (ms != null && !(ms > 0)) {
        throw new IllegalArgumentException("SLA P95: " + ms + " ms is not a positive number");
      }
      this.slaP95Ms = ms;
      return this;
    }

    /** SLA: failure rate ≤ this percentage at the operating point; null for none. */
    public Builder slaMaxFailurePct(Double pct) {
      if (pct != null && !(pct >= 0 && pct <= 100)) {
        throw new IllegalArgumentException(
            "SLA failure rate: " + pct + " % is not a percentage in [0, 100]");
      }
      this.slaMaxFailurePct = pct;
      return this;
    }

    /** SLA: recall@k ≥ this (0..1) at every level; null for none. */
    public Builder minRecall(Double recall) {
      if (recall != null && !(recall >= 0 && recall <= 1)) {
        throw new IllegalArgumentException("min recall: " + recall + " is not in [0, 1]");
      }
      this.minRecall = recall;
      return this;
    }

    /** SLA: the knee must not come before this concurrency; null for none. */
    public Builder kneeNotBefore(Integer concurrency) {
      if (concurrency != null && concurrency < 1) {
        throw new IllegalArgumentException(
            "knee not before: " + concurrency + " is not a positive integer");
      }
      this.kneeNotBefore = concurrency;
      return this;
    }

    /** Knee rule; default {@link KneeRule#MARGINAL_EFFICIENCY}. */
    public Builder kneeRule(KneeRule rule) {
      this.kneeRule = rule == null ? KneeRule.MARGINAL_EFFICIENCY : rule;
      return this;
    }

    /** Marginal-efficiency threshold in (0, 1); default 0.5. */
    public Builder kneeEfficiencyThreshold(double threshold) {
      if (!(threshold > 0 && threshold < 1)) {
        throw new IllegalArgumentException(
            "knee efficiency threshold: " + threshold + " is not in (0, 1)");
      }
      this.kneeEfficiencyThreshold = threshold;
      return this;
    }

    public AnalyzerOptions build() {
      return new AnalyzerOptions(this);
    }
  }
}
