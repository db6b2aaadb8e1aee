package org.milvusbench.analyzer;

import static org.milvusbench.analyzer.Format.load;
import static org.milvusbench.analyzer.Format.num;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Run B against run A at equal concurrency (e.g. ef 64 vs ef 32): per-level QPS %, P95 % and
 * recall deltas, and a verdict over the common levels (geometric means of the B/A ratios, so
 * every level weighs the same). Changes within ±{@link #NOISE_PCT} % count as no change.
 *
 * @param rows one per concurrency both runs measured
 * @param onlyInA levels A measured and B did not (and {@link #onlyInB} the reverse)
 * @param operations the same comparison of every other operation both runs measured
 */
public record Comparison(
    RunData a,
    RunData b,
    List<Row> rows,
    List<Double> onlyInA,
    List<Double> onlyInB,
    Double qpsChangePct,
    Double p95ChangePct,
    Double recallChange,
    String verdict,
    java.util.Map<String, Comparison> operations) {

  /** Differences smaller than this (percent) are treated as noise. */
  public static final double NOISE_PCT = 5.0;

  /** One common level; deltas are B relative to A; null where undefined. */
  public record Row(
      double load, double qpsA, double qpsB, Double qpsDeltaPct, Double p95MsA, Double p95MsB,
      Double p95DeltaPct, Double recallA, Double recallB, Double recallDelta) {}

  /** B against A, the runs' main rows and then each operation both measured (streaming, mixed). */
  public static Comparison compare(RunData a, RunData b) {
    java.util.Map<String, Comparison> operations = new java.util.LinkedHashMap<>();
    a.operations().forEach((op, opA) -> {
      RunData opB = b.operations().get(op);
      if (opB != null) {
        operations.put(op, compareOne(opA, opB, java.util.Map.of()));
      }
    });
    return compareOne(a, b, operations);
  }

  private static Comparison compareOne(RunData a, RunData b, java.util.Map<String, Comparison> operations) {
    List<Row> rows = new ArrayList<>();
    List<Double> onlyA = new ArrayList<>();
    List<Double> onlyB = new ArrayList<>();
    double logQps = 0, logP95 = 0, recallSum = 0;
    int nQps = 0, nP95 = 0, nRecall = 0;
    for (LevelMetrics la : a.levels()) {
      LevelMetrics lb = b.levels().stream().filter(x -> x.load() == la.load()).findFirst().orElse(null);
      if (lb == null) {
        onlyA.add(la.load());
        continue;
      }
      ScalingStep step = ScalingStep.between(la, lb);
      Double qpsDelta = step.qpsGainPct();
      if (la.qps() > 0 && lb.qps() > 0) {
        logQps += Math.log(lb.qps() / la.qps());
        nQps++;
      }
      boolean latency = la.hasLatency() && lb.hasLatency();
      Double p95Delta = step.p95IncreasePct();
      if (latency) {
        logP95 += Math.log(lb.p95Ms() / la.p95Ms());
        nP95++;
      }
      Double recallDelta = la.recall() != null && lb.recall() != null ? lb.recall() - la.recall() : null;
      if (recallDelta != null) {
        recallSum += recallDelta;
        nRecall++;
      }
      rows.add(new Row(la.load(), la.qps(), lb.qps(), qpsDelta,
          la.hasLatency() ? la.p95Ms() : null, lb.hasLatency() ? lb.p95Ms() : null, p95Delta,
          la.recall(), lb.recall(), recallDelta));
    }
    for (LevelMetrics lb : b.levels()) {
      if (a.levels().stream().noneMatch(x -> x.load() == lb.load())) onlyB.add(lb.load());
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(
          b.source() + ": no concurrency level in common with " + a.source() + " (A has "
              + a.levels().stream().map(l -> load(l.load())).toList() + ", B has "
              + b.levels().stream().map(l -> load(l.load())).toList() + ")");
    }
    Double qps = nQps > 0 ? (Math.exp(logQps / nQps) - 1) * 100 : null;
    Double p95 = nP95 > 0 ? (Math.exp(logP95 / nP95) - 1) * 100 : null;
    Double recall = nRecall > 0 ? recallSum / nRecall : null;
    return new Comparison(a, b, rows, onlyA, onlyB, qps, p95, recall, verdict(qps, p95, recall, rows.size()),
        operations);
  }

  private static String verdict(Double qps, Double p95, Double recall, int levels) {
    boolean better = (qps != null && qps > NOISE_PCT) || (p95 != null && p95 < -NOISE_PCT);
    boolean worse = (qps != null && qps < -NOISE_PCT) || (p95 != null && p95 > NOISE_PCT);
    String word = better && worse ? "mixed" : better ? "faster" : worse ? "slower" : "no significant difference";
    StringBuilder v = new StringBuilder("B: ").append(spaced(qps)).append(" QPS, ").append(spaced(p95))
        .append(" P95 at equal concurrency (").append(levels).append(levels == 1 ? " level" : " levels")
        .append(") — ").append(word);
    if (recall != null && Math.abs(recall) >= 0.005) {
      v.append(recall < 0 ? ", but recall " : ", recall ")
          .append(String.format(Locale.ROOT, "%+.3f", recall).replace('-', '−'));
    }
    return v.toString();
  }

  /** "+50.0 %" / "−41.0 %" (a real minus sign, as in prose). */
  static String spaced(Double pct) {
    if (pct == null) return "n/a";
    return String.format(Locale.ROOT, "%+.1f %%", pct).replace('-', '−');
  }

  /** Console rendering: the per-level table and the verdict line, then each other operation's. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("A: ").append(a.source()).append('\n').append("B: ").append(b.source()).append("\n\n");
    if (!operations.isEmpty()) {
      sb.append("Operation: ").append(a.operation()).append('\n');
    }
    table(sb);
    operations.forEach((op, c) -> {
      sb.append("\nOperation: ").append(op).append('\n');
      c.table(sb);
    });
    return sb.toString();
  }

  private void table(StringBuilder sb) {
    sb.append(String.format(Locale.ROOT, "%-12s %12s %12s %10s %10s %10s %10s %9s %9s %9s%n",
        "Concurrency", "QPS A", "QPS B", "QPS Δ", "P95 A ms", "P95 B ms", "P95 Δ", "Recall A", "Recall B", "Recall Δ"));
    for (Row r : rows) {
      sb.append(String.format(Locale.ROOT, "%-12s %12s %12s %10s %10s %10s %10s %9s %9s %9s%n",
          load(r.load()), num(r.qpsA()), num(r.qpsB()), Format.signedPct(r.qpsDeltaPct()),
          num(r.p95MsA()), num(r.p95MsB()), Format.signedPct(r.p95DeltaPct()),
          num(r.recallA(), 3), num(r.recallB(), 3),
          r.recallDelta() == null ? "n/a" : String.format(Locale.ROOT, "%+.3f", r.recallDelta())));
    }
    if (!onlyInA.isEmpty()) sb.append("only in A: ").append(onlyInA.stream().map(Format::load).toList()).append('\n');
    if (!onlyInB.isEmpty()) sb.append("only in B: ").append(onlyInB.stream().map(Format::load).toList()).append('\n');
    sb.append('\n').append(verdict).append('\n');
  }
}
