package org.milvusbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: help, exit codes, one-line errors without stack traces. */
class AnalyzerMainTest {
  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = AnalyzerMain.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }

  static Path exampleRun(Path dir) throws Exception {
    Files.copy(org.milvusbench.analyzer.TestFiles.resource("analyzer/concurrent_test_results.json"), dir.resolve("concurrent_test_results.json"));
    return dir;
  }

  @Test
  void helpListsBothCommands() {
    Result r = run("--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("analyze"), r.out());
    assertTrue(r.out().contains("compare"), r.out());
    Result a = run("analyze", "--help");
    for (String flag : List.of("--target-qps", "--redundancy", "--sla-p95-ms", "--sla-max-failure-pct",
        "--min-recall", "--knee-not-before", "--knee-rule")) {
      assertTrue(a.out().contains(flag), flag);
    }
  }

  @Test
  void analyzeTheReferenceExamplePrintsThePlanAndWritesReports(@TempDir Path dir) throws Exception {
    Result r = run("analyze", exampleRun(dir).toString(), "--target-qps", "10000");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Best score (QPS / P95 ms): concurrency=20, score=13.98"), r.out());
    assertTrue(r.out().contains("KNEE: knee after 20 (20→50)"), r.out());
    assertTrue(r.out().contains("10000 QPS → 13 machines at concurrency 20"), r.out());
    assertTrue(r.out().contains("26 with ×2 redundancy"), r.out());
    assertEquals("", r.err());
    for (String f : List.of("analysis.json", "summary.html", "junit-sla.xml", "concurrency-overview.png")) {
      assertTrue(Files.isRegularFile(dir.resolve(f)), f);
    }
  }

  @Test
  void slaBreachesExitOneWithOneLinePerBreach(@TempDir Path dir) throws Exception {
    Result r = run("analyze", exampleRun(dir).toString(), "--no-reports", "--sla-p95-ms", "20",
        "--knee-not-before", "50");
    assertEquals(1, r.code());
    assertEquals(List.of(
        "SLA breach: P95 ≤ 20 ms: breached — lowest P95 25.67 ms at concurrency 1",
        "SLA breach: knee not before concurrency 50: breached — knee after 20 (20→50): marginal"
            + " scaling efficiency 0.33 < 0.50: QPS +49.9% for concurrency ×2.50, P95 +146.6%"),
        r.err().lines().toList());
    assertFalse(Files.exists(dir.resolve("summary.html")));
  }

  @Test
  void referenceKneeRuleFindsNoKneeSoTheKneeGatePasses(@TempDir Path dir) throws Exception {
    Result r = run("analyze", exampleRun(dir).toString(), "--no-reports", "--knee-rule", "reference",
        "--knee-not-before", "50");
    assertEquals(0, r.code(), r.err());
  }

  @Test
  void missingOrCorruptInputIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("no-such-run");
    Result r = run("analyze", missing.toString());
    assertEquals(2, r.code());
    assertEquals(List.of("error: " + missing + ": no such run directory or results file"), r.err().lines().toList());

    Path corrupt = Files.writeString(dir.resolve("results.json"), "{ not json");
    r = run("analyze", dir.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("error: " + corrupt + ": corrupt JSON: "), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());

    r = run("compare", dir.toString(), missing.toString());
    assertEquals(2, r.code());
  }

  @Test
  void badOptionsExitTwoNamingTheFlag(@TempDir Path dir) throws Exception {
    Path run = exampleRun(dir);
    Result r = run("analyze", run.toString(), "--redundancy", "0");
    assertEquals(2, r.code());
    assertEquals("error: --redundancy: \"0\" is not a positive integer", r.err().lines().findFirst().orElseThrow());
    r = run("analyze", run.toString(), "--knee-rule", "steep");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("\"steep\" is not one of marginal, reference"), r.err());
    r = run("analyze", run.toString(), "--min-recall", "2");
    assertEquals(2, r.code());
    assertEquals("error: --min-recall: \"2\" is not a recall in [0, 1] (e.g. 0.9)", r.err().lines().findFirst().orElseThrow());
    r = run("frobnicate");
    assertEquals(2, r.code());
  }

  @Test
  void compareReportsDeltasAndAVerdict(@TempDir Path dir) throws Exception {
    Path a = exampleRun(Files.createDirectory(dir.resolve("ef64")));
    // The reference's tuning check: ef 64 → 32 at concurrency 20 gives QPS 1234, P95 35 ms.
    Path b = Files.createDirectory(dir.resolve("ef32"));
    Files.writeString(b.resolve("concurrent_test_results.json"),
        "[{\"并发数\": 20, \"总请求数\": 1000, \"QPS\": \"1234.00\", \"P95延迟\": \"35.00ms\", \"失败率\": \"0.00%\"}]");
    Result r = run("compare", a.toString(), b.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("+49.9%"), r.out());
    assertTrue(r.out().contains("-40.6%"), r.out());
    assertTrue(r.out().contains("only in A: [1, 5, 10, 50, 100]"), r.out());
    assertTrue(r.out().contains("B: +49.9 % QPS, −40.6 % P95 at equal concurrency (1 level) — faster"), r.out());
  }

  /** Three reference-format runs at c=1 with QPS 100, 110, 90 and P95 10, 11, 9 ms. */
  private static List<Path> threeBaselines(Path dir) throws Exception {
    List<Path> out = new java.util.ArrayList<>();
    String[][] values = {{"100.00", "10.00"}, {"110.00", "11.00"}, {"90.00", "9.00"}};
    for (int i = 0; i < values.length; i++) {
      Path run = Files.createDirectories(dir.resolve("base-" + i));
      Files.writeString(run.resolve("concurrent_test_results.json"), "[{\"并发数\": 1, \"总请求数\": 1000, \"QPS\": \""
          + values[i][0] + "\", \"P95延迟\": \"" + values[i][1] + "ms\", \"失败率\": \"0.00%\"}]");
      out.add(run);
    }
    return out;
  }

  @Test
  void severalBaselinesRepeatedOrCommaSeparatedGateByAPredictionInterval(@TempDir Path dir) throws Exception {
    List<Path> bases = threeBaselines(dir);
    Path current = Files.createDirectories(dir.resolve("current"));
    Files.writeString(current.resolve("concurrent_test_results.json"),
        "[{\"并发数\": 1, \"总请求数\": 1000, \"QPS\": \"100.00\", \"P95延迟\": \"10.00ms\", \"失败率\": \"0.00%\"}]");
    Result repeated = run("analyze", current.toString(), "--no-reports", "--baseline", bases.get(0).toString(),
        "--baseline", bases.get(1).toString(), "--baseline", bases.get(2).toString());
    assertEquals(0, repeated.code(), repeated.err());
    assertTrue(repeated.out().contains("prediction interval over 3 baseline runs"), repeated.out());
    Result comma = run("analyze", current.toString(), "--no-reports", "--baseline",
        bases.get(0) + "," + bases.get(1) + "," + bases.get(2));
    assertEquals(repeated.out(), comma.out());
    Result two = run("analyze", current.toString(), "--no-reports", "--baseline", bases.get(0) + "," + bases.get(1));
    assertEquals(2, two.code());
    assertTrue(two.err().contains("baseline: 2 runs given"), two.err());
    Path notARun = Files.createDirectories(dir.resolve("not-a-run"));
    Result bad = run("analyze", current.toString(), "--no-reports", "--baseline", bases.get(0) + "," + notARun);
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains(notARun + ": not a run directory"), bad.err());
  }
}
