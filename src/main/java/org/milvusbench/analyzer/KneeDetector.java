package org.milvusbench.analyzer;

import static org.milvusbench.analyzer.Format.load;
import static org.milvusbench.analyzer.Format.num;

import java.util.ArrayList;
import java.util.List;

/** Finds the knee of a sweep by the chosen {@link KneeRule}. */
final class KneeDetector {
  private KneeDetector() {}

  static List<ScalingStep> steps(List<LevelMetrics> levels) {
    List<ScalingStep> steps = new ArrayList<>();
    for (int i = 1; i < levels.size(); i++) {
      steps.add(ScalingStep.between(levels.get(i - 1), levels.get(i)));
    }
    return steps;
  }

  static Knee find(List<LevelMetrics> levels, AnalyzerOptions options) {
    KneeRule rule = options.kneeRule();
    if (levels.size() < 2) {
      return Knee.none(rule, "no knee: a single level, nothing to compare");
    }
    List<ScalingStep> steps = steps(levels);
    for (int i = 0; i < steps.size(); i++) {
      ScalingStep s = steps.get(i);
      LevelMetrics prev = levels.get(i);
      LevelMetrics curr = levels.get(i + 1);
      if (prev.successes() > 0 && curr.successes() == 0 && curr.totalRequests() > 0) {
        // A collapse is a knee under any rule: nothing succeeded any more.
        return new Knee(rule, true, s.fromLoad(), s.toLoad(), s.qpsGainPct(), null, null,
            "knee after " + load(s.fromLoad()) + " (" + load(s.fromLoad()) + "→"
                + load(s.toLoad()) + "): every request failed at " + load(s.toLoad()));
      }
      boolean isKnee =
          switch (rule) {
            case MARGINAL_EFFICIENCY ->
                s.efficiency() != null && s.efficiency() < options.kneeEfficiencyThreshold();
            case REFERENCE ->
                s.qpsGainPct() != null && s.p95IncreasePct() != null
                    && s.qpsGainPct() < 10 && s.p95IncreasePct() > 50;
          };
      if (isKnee) {
        String why =
            rule == KneeRule.MARGINAL_EFFICIENCY
                ? "marginal scaling efficiency " + num(s.efficiency()) + " < "
                    + num(options.kneeEfficiencyThreshold()) + ": QPS "
                    + Format.signedPct(s.qpsGainPct()) + " for concurrency ×"
                    + num(s.loadRatio()) + ", P95 " + Format.signedPct(s.p95IncreasePct())
                : "QPS gain only " + Format.signedPct(s.qpsGainPct()) + " but P95 "
                    + Format.signedPct(s.p95IncreasePct());
        return new Knee(rule, true, s.fromLoad(), s.toLoad(), s.qpsGainPct(),
            s.p95IncreasePct(), s.efficiency(),
            "knee after " + load(s.fromLoad()) + " (" + load(s.fromLoad()) + "→"
                + load(s.toLoad()) + "): " + why);
      }
    }
    ScalingStep last = steps.get(steps.size() - 1);
    String tail =
        rule == KneeRule.MARGINAL_EFFICIENCY && last.efficiency() != null
            ? "; last step " + load(last.fromLoad()) + "→" + load(last.toLoad())
                + " efficiency " + num(last.efficiency())
            : "";
    return Knee.none(rule, "no knee found by the " + ruleName(rule) + " rule up to "
        + load(last.toLoad()) + tail);
  }

  static String ruleName(KneeRule rule) {
    return rule == KneeRule.MARGINAL_EFFICIENCY ? "marginal-efficiency" : "reference";
  }
}
