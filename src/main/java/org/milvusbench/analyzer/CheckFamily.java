package org.milvusbench.analyzer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * One comparison's checks as one family for Holm: every judged check of every operation (levels ×
 * operations × QPS / P95 / P99) shares the family-wise error {@value BaselineGate#FAMILY_ALPHA}, so the
 * chance of failing two equal runs is bounded however many levels and operations they had. A check
 * whose p-value is NaN was not judged: it stays out of the family and is built without Holm.
 */
final class CheckFamily {
  private CheckFamily() {}

  /** Builds one check from its pending state; {@code holm} is null when it was not judged. */
  interface Verdict<P> {
    SlaCheck check(P pending, Holm holm, int index, int family);
  }

  /** The checks by operation, in {@code pending}'s order, each judged by Holm over the whole family. */
  static <P> Map<String, List<SlaCheck>> judge(Map<String, List<P>> pending, ToDoubleFunction<P> pValue,
      Verdict<P> verdict) {
    double[] judged = pending.values().stream().flatMap(List::stream).mapToDouble(pValue)
        .filter(p -> !Double.isNaN(p)).toArray();
    Holm holm = Holm.of(judged, BaselineGate.FAMILY_ALPHA);
    Map<String, List<SlaCheck>> out = new LinkedHashMap<>();
    int j = 0;
    for (Map.Entry<String, List<P>> e : pending.entrySet()) {
      List<SlaCheck> checks = new ArrayList<>();
      for (P c : e.getValue()) {
        boolean isJudged = !Double.isNaN(pValue.applyAsDouble(c));
        checks.add(verdict.check(c, isJudged ? holm : null, isJudged ? j++ : -1, judged.length));
      }
      out.put(e.getKey(), checks);
    }
    return out;
  }
}
