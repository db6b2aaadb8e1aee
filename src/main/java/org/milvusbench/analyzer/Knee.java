package org.milvusbench.analyzer;

/**
 * Where throughput stops scaling: the step {@code fromLoad → toLoad}; "knee after {@code
 * fromLoad}". When {@link #found} is false the other numbers are null and {@link #message} says
 * why (still scaling, too few levels).
 */
public record Knee(
    KneeRule rule,
    boolean found,
    Double fromLoad,
    Double toLoad,
    Double qpsGainPct,
    Double p95IncreasePct,
    Double efficiency,
    String message) {

  static Knee none(KneeRule rule, String message) {
    return new Knee(rule, false, null, null, null, null, null, message);
  }
}
