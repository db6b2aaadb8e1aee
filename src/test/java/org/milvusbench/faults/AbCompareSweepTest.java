package org.milvusbench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.milvusbench.analyzer.AnalysisReport;
import org.milvusbench.analyzer.Analyzer;
import org.milvusbench.analyzer.AnalyzerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The A/B mode end to end ({@code compare.uri}): two undelayed targets compared in one sweep pass;
 * the candidate restarted with {@code --service-delay-ms 100} fails the build on the A/B checks, and
 * the analysis of that run directory alone, without options, fails it again (the run directory carries both targets'
 * rows). The allowance is 100 % so that machine noise cannot fail the equal pair; the delay puts a
 * 100 ms floor under every candidate search where the baseline answers in a few ms, and its QPS at 2
 * users (at most 20) against the baseline's hundreds is rejected whatever the noise. The test checks
 * the mode's plumbing (schedule, roles, verdict, exit status); BaselineGateRateBenchmark measures its
 * statistics.
 */
@Tag("faults")
class AbCompareSweepTest {
  @TempDir
  Path work;

  private Map<String, String> sweep(TargetChild candidate, TargetChild baseline, String runs) {
    return new HashMap<>(Map.ofEntries(Map.entry("milvus.uri", candidate.uri()),
        Map.entry("compare.uri", baseline.uri()), Map.entry("prepare", "true"), Map.entry("profile", "smoke"),
        Map.entry("sweep.levels", "2"), Map.entry("sweep.requests", "40"), Map.entry("sweep.warmup", "3"),
        Map.entry("sweep.trials", "3"), Map.entry("sweep.pause", "0s"),
        Map.entry("sweep.runDir", work.resolve(runs).toString()), Map.entry("sla.maxRegressionPct", "100")));
  }

  private String run(Map<String, String> props, String name, int expectedStatus) throws Exception {
    return JavaChild.sweepToEnd(work, name, props, expectedStatus == 0);
  }


  /**
   * The default candidate, the embedded target (milvus.uri unset), against a remote baseline: both are
   * prepared (the baseline with its own data-prep records) and both roles' rows are written. The
   * allowance is so large that only the plumbing is judged: these are two different processes.
   */
  @Test
  void theEmbeddedTargetIsACandidateAgainstARemoteBaseline() throws Exception {
    try (TargetChild baseline = TargetChild.start(work.resolve("baseline.txt"), work.resolve("data-b"), 0)) {
      Map<String, String> props = sweep(baseline, baseline, "embedded");
      props.remove("milvus.uri");
      props.putAll(Map.of("embedded.data", work.resolve("embedded-data").toString(), "embedded.heap", "512m",
          "embedded.warmup", "0", "sla.maxRegressionPct", "10000"));
      String out = run(props, "embedded", 0);
      assertTrue(out.contains("A/B mode: the rows above are the candidate target's"), out);
      JsonNode results = RunDirs.results(RunDirs.only(work.resolve("embedded")));
      assertTrue(results.get("target").get("embedded").asBoolean(), results.toString());
      assertEquals(baseline.uri(), results.get("compareTarget").get("uri").asText());
      assertEquals(6, results.get("levels").size());
      assertTrue(Files.isDirectory(work.resolve("data/querypool/compare/127.0.0.1-" + baseline.port)), "own records");
    }
  }

  @Test
  void twoEqualTargetsPassAndADelayedCandidateFails() throws Exception {
    try (TargetChild baseline = TargetChild.start(work.resolve("baseline.txt"), work.resolve("data-b"), 0)) {
      try (TargetChild candidate = TargetChild.start(work.resolve("candidate.txt"), work.resolve("data-c"), 0)) {
        String out = run(sweep(candidate, baseline, "equal"), "equal", 0);
        assertTrue(out.contains("[pass] P95 at 2: baseline "), out);
        JsonNode levels = RunDirs.results(RunDirs.only(work.resolve("equal"))).get("levels");
        // ABBA: trial 1 the baseline first, trial 2 the candidate first, trial 3 the baseline first.
        List<String> order = new java.util.ArrayList<>();
        levels.forEach(l -> order.add(l.get("trial").asInt() + " " + l.get("role").asText()));
        assertEquals(List.of("1 baseline", "1 candidate", "2 candidate", "2 baseline", "3 baseline", "3 candidate"),
            order);
      }
      try (TargetChild slow = TargetChild.start(work.resolve("slow.txt"), work.resolve("data-c"), 0,
          "--service-delay-ms", "100")) {
        String out = run(sweep(slow, baseline, "delayed"), "delayed", 1);
        assertTrue(out.contains("SLA breach: ") && out.contains("REGRESSION"), out);
        Path runDir = RunDirs.only(work.resolve("delayed"));
        String xml = Files.readString(runDir.resolve("junit-sla.xml"));
        assertTrue(xml.contains("ab.qps.2") && xml.contains("<failure"), xml);
        // The run directory alone, no flags (as `analyze DIR`): it carries both targets' rows.
        AnalysisReport again = Analyzer.analyze(runDir, AnalyzerOptions.defaults());
        assertFalse(again.passed(), String.join("\n", again.breaches()));
        assertTrue(again.breaches().stream().anyMatch(b -> b.endsWith("REGRESSION")), String.join("\n", again.breaches()));
        // analysis.json carries the baseline target's pooled rows beside the candidate's.
        JsonNode json = org.milvusbench.report.AnalysisJson.toJson(again);
        JsonNode base = json.get("abBaseline").get("levels");
        assertEquals(1, base.size(), base.toString());
        assertEquals(2, base.get(0).get("concurrency").asInt());
        assertFalse(base.get(0).has("qpsGainVsFirstPct"), base.toString());
        assertTrue(json.get("levels").get(0).get("p50Ms").asDouble() >= 100, "the delayed candidate's own rows");
      }
    }
  }
}
