package org.milvusbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milvusbench.rundir.InjectorRuns;
import org.milvusbench.rundir.InjectorRuns.Requests;
import org.milvusbench.rundir.RunReader;

class MergeCommandTest {
  @TempDir Path tmp;

  private final List<Requests> levels = List.of(Requests.random(7, 600, 0), Requests.random(8, 1200, 0));

  private Path injector(int k, int of, long shiftMs) throws Exception {
    return InjectorRuns.write(tmp.resolve("i" + k), "i" + k, new int[] {1, 2}, levels, i -> i % of == k, shiftMs);
  }

  private String[] run(int expectedExit, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = AnalyzerMain.run(args, new PrintWriter(out), new PrintWriter(err));
    assertEquals(expectedExit, code, out + "\n" + err);
    return new String[] {out.toString(), err.toString()};
  }

  @Test
  void mergeWritesARunDirectoryThatAnalyzeReadsAsAnyRun() throws Exception {
    Path a = injector(0, 2, 0);
    Path b = injector(1, 2, 0);
    Path merged = tmp.resolve("merged");
    String out = run(0, "merge", a.toString(), b.toString(), "--out", merged.toString())[0];
    assertTrue(out.contains("merged 2 injectors into " + merged), out);
    assertTrue(out.contains("c=2 ") && out.contains("600 requests"), out);
    assertEquals(4, RunReader.results(merged).levels().get(1).concurrency());
    String analysis = run(0, "analyze", merged.toString(), "--sla-p95-ms", "10000")[0];
    assertTrue(analysis.contains("Highest QPS: concurrency=4, QPS=120.00"), analysis);
    assertTrue(Files.isRegularFile(merged.resolve("summary.html")));
  }

  @Test
  void analyzeOfSeveralRunsMergesThemFirstAndFlagsInjectorsThatDidNotRunTogether() throws Exception {
    Path a = injector(0, 2, 0);
    Path b = injector(1, 2, 7_000);
    String out = run(0, "analyze", a.toString(), b.toString(), "--no-reports")[0];
    assertTrue(out.contains("merged 2 injectors into " + tmp.resolve("merged-i0")), out);
    assertTrue(out.contains("did not load the target together"), out);
    assertTrue(Files.isRegularFile(tmp.resolve("merged-i0").resolve("results.json")));
  }

  @Test
  void aDirectoryThatIsNoRunIsBadInputNamingIt() throws Exception {
    Path a = injector(0, 2, 0);
    String err = run(2, "merge", a.toString(), tmp.resolve("missing").toString(), "--out", tmp.resolve("m").toString())[1];
    assertTrue(err.contains("missing"), err);
  }
}
