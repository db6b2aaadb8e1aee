package org.milvusbench.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.milvusbench.analyzer.AnalysisReport;
import org.milvusbench.analyzer.IntervalBootstrap;
import org.milvusbench.analyzer.TrialSummary;

/**
 * analysis.json's intervals: {@code trials} (several trials: Student's t across them, and each
 * trial's knee) or {@code levelSpread} (one trial: block bootstrap over each level's intervals).
 */
final class SpreadJson {
  private SpreadJson() {}

  static void write(ObjectNode root, AnalysisReport r) {
    if (r.trials() != null) {
      ObjectNode trials = root.putObject("trials");
      trials.put("count", r.trials().trials());
      trials.put("confidence", 0.95);
      rows(trials.putArray("levels"), r.trials().rows());
      ArrayNode knees = trials.putArray("knees");
      r.trials().knees().forEach(k -> knees.add(AnalysisJson.knee(k)));
      trials.put("kneesAgreeing", r.trials().kneesAgreeing());
    }
    if (!r.levelSpread().isEmpty()) {
      ObjectNode spread = root.putObject("levelSpread");
      spread.put("method", "block bootstrap over each level's interval histograms");
      spread.put("resamples", IntervalBootstrap.RESAMPLES);
      spread.put("confidence", 0.95);
      rows(spread.putArray("levels"), r.levelSpread());
    }
  }

  private static void rows(ArrayNode out, List<TrialSummary.Row> rows) {
    for (TrialSummary.Row row : rows) {
      ObjectNode n = out.addObject();
      n.put("concurrency", row.load());
      spread(n.putObject("qps"), row.qps());
      spread(n.putObject("p50Ms"), row.p50Ms());
      spread(n.putObject("p95Ms"), row.p95Ms());
      spread(n.putObject("p99Ms"), row.p99Ms());
    }
  }

  private static void spread(ObjectNode n, TrialSummary.Spread s) {
    n.put("mean", s.mean());
    n.put("low", s.low());
    n.put("high", s.high());
  }
}
