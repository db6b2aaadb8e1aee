package org.milvusbench.analyzer;

/** How the analyzer decides where throughput stops scaling with concurrency. */
public enum KneeRule {
  /**
   * Default: the first step whose marginal scaling efficiency {@code (QPS_i/QPS_{i-1} − 1) /
   * (c_i/c_{i-1} − 1)} falls below the threshold (0.5): doubling the users buys less than half
   * of the ideal extra throughput.
   */
  MARGINAL_EFFICIENCY,
  /**
   * The reference script's literal rule: QPS gain &lt; 10 % and P95 increase &gt; 50 % between
   * consecutive levels. Kept for comparison with old runs; it misses the reference's own knee.
   */
  REFERENCE;

  /** Parses {@code marginal} or {@code reference} (the CLI spelling), case-insensitively. */
  public static KneeRule parse(String value) {
    String v = value == null ? "" : value.trim().toLowerCase(java.util.Locale.ROOT);
    return switch (v) {
      case "marginal", "marginal_efficiency", "marginal-efficiency" -> MARGINAL_EFFICIENCY;
      case "reference" -> REFERENCE;
      default ->
          throw new IllegalArgumentException(
              "knee rule: \"" + value + "\" is not one of marginal, reference");
    };
  }
}
