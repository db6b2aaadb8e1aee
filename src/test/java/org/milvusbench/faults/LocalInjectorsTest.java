package org.milvusbench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milvusbench.rundir.LatencyStats;
import org.milvusbench.rundir.LevelResult;
import org.milvusbench.rundir.ResultsJson;
import org.milvusbench.rundir.RunReader;
import org.milvusbench.rundir.SweepResults;

/**
 * {@code -Dsweep.injectors=3} as {@code mvn gatling:test} runs it: one embedded target, three
 * injector JVMs behind the barrier, their runs merged into the parent's run directory, which is
 * then analysed. The merge is checked against an independent recomputation from the injectors'
 * own files; a killed injector is named and the others' runs stay on disk.
 */
@Tag("faults")
class LocalInjectorsTest {
  @TempDir
  Path work;

  private Map<String, String> smoke() {
    return new HashMap<>(Map.of("profile", "smoke", "sweep.injectors", "3", "sweep.pause", "0s", "sweep.warmup", "0",
        "embedded.warmup", "0", "embedded.heap", "1g", "embedded.data", work.resolve("data").toString(),
        "sweep.runDir", work.resolve("runs").toString()));
  }

  @Test
  void threeInjectorsMergeIntoExactCountsPercentilesAndQps() throws Exception {
    Map<String, String> props = smoke();
    // 4 and 7 users, 61 requests: uneven splits (2+1+1, 3+2+2 users; 21+20+20 requests).
    props.putAll(Map.of("sweep.levels", "4,7", "sweep.requests", "61"));
    try (JavaChild sweep = JavaChild.sweep(work, props)) {
      assertEquals(0, sweep.waitFor(600), sweep.output());
    }
    Path merged = RunDirs.only(work.resolve("runs"));
    SweepResults results = ResultsJson.read(merged.resolve("results.json"));
    List<Path> injectors = new ArrayList<>();
    List<SweepResults> parts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Path dir = injectorRun(merged.resolve("injector-" + i));
      injectors.add(dir);
      parts.add(ResultsJson.read(dir.resolve("results.json")));
      assertEquals(Integer.toString(i), parts.get(i).config().get("sweep.injectorIndex"), "each run says which injector it was");
      assertEquals("3", parts.get(i).config().get("sweep.injectors"));
    }
    assertEquals("3", results.config().get("sweep.injectors"));
    int[][] users = {{2, 1, 1}, {3, 2, 2}};
    JsonNode analysis = ResultsJson.mapper().readTree(merged.resolve("analysis.json").toFile());
    for (int l = 0; l < 2; l++) {
      LevelResult level = results.levels().get(l);
      assertEquals(new int[] {4, 7}[l], level.concurrency());
      assertEquals(61, level.totalRequests(), "the budget, exactly");
      assertEquals(61, level.successes());
      long[] shares = new long[3];
      LongStream raw = LongStream.empty();
      long start = Long.MAX_VALUE;
      long end = Long.MIN_VALUE;
      for (int i = 0; i < 3; i++) {
        LevelResult own = parts.get(i).levels().get(l);
        assertEquals(users[l][i], own.concurrency(), "injector " + i + " at level " + (l + 1));
        shares[i] = own.totalRequests();
        raw = LongStream.concat(raw, LongStream.of(RunReader.readRawMicros(injectors.get(i).resolve(own.rawLatencyFile()))));
        start = Math.min(start, own.windowStartEpochMicros());
        end = Math.max(end, own.windowEndEpochMicros());
      }
      assertEquals(List.of(21L, 20L, 20L), List.of(shares[0], shares[1], shares[2]));
      LatencyStats expected = LatencyStats.fromRawMicros(raw.toArray());
      assertEquals(61, expected.count());
      assertEquals(expected.p50Micros(), level.latencyMicros().p50Micros(), 0.0);
      assertEquals(expected.p95Micros(), level.latencyMicros().p95Micros(), 0.0);
      assertEquals(expected.p99Micros(), level.latencyMicros().p99Micros(), 0.0);
      assertEquals(expected.maxMicros(), level.latencyMicros().maxMicros(), 0.0);
      assertEquals(start, level.windowStartEpochMicros());
      assertEquals(end, level.windowEndEpochMicros());
      double qps = 61 / ((end - start) / 1e6);
      assertEquals(qps, analysis.get("levels").get(l).get("qps").asDouble(), qps * 1e-9, analysis.get("levels").get(l).toString());
    }
    assertTrue(Files.isRegularFile(merged.resolve("summary.html")), "the merged run was analysed and reported");
  }

  @Test
  void aKilledInjectorIsNamedAndTheOthersRunsAreKept() throws Exception {
    Map<String, String> props = smoke();
    // Levels by duration, so injector 2 is surely inside level 1 when it is killed; the others then
    // wait for it at level 2 until the barrier gives up.
    props.putAll(Map.of("sweep.levels", "3,6", "sweep.duration", "15s", "sweep.barrierTimeout", "15s"));
    try (JavaChild sweep = JavaChild.sweep(work, props)) {
      Matcher m = Pattern.compile("injector 2: pid (\\d+), log (\\S+)").matcher("");
      assertTrue(RunDirs.awaitOutput(sweep, "injector 2: pid", 300), sweep.output());
      m.reset(sweep.output());
      assertTrue(m.find(), sweep.output());
      long pid = Long.parseLong(m.group(1));
      Path log = Path.of(m.group(2));
      long deadline = System.nanoTime() + 300_000_000_000L;
      while (!(Files.exists(log) && Files.readString(log).contains("every injector is at level 1 (c=3)"))) {
        assertTrue(System.nanoTime() < deadline && sweep.process.isAlive(), sweep.output());
        Thread.sleep(50);
      }
      ProcessHandle.of(pid).orElseThrow().destroyForcibly();
      int status = sweep.waitFor(300);
      assertNotEquals(0, status, sweep.output());
      String output = sweep.output();
      assertTrue(output.contains("[milvus-sweep] error: injector 2 exited with status 137 (log " + log + ")"), output);
      assertTrue(output.contains("injector 2 did not arrive"), "the others were held for it: " + output);
      assertTrue(output.contains("the injectors' run directories are kept"), output);
    }
    Path parent = RunDirs.only(work.resolve("runs"));
    for (int i = 0; i < 2; i++) {
      SweepResults kept = ResultsJson.read(injectorRun(parent.resolve("injector-" + i)).resolve("results.json"));
      assertEquals(1, kept.levels().size(), "level 1 measured before the barrier gave up, injector " + i);
      assertTrue(kept.levels().get(0).totalRequests() > 0);
    }
    try (Stream<Path> files = Files.list(parent)) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().equals("results.json")), "nothing was merged");
    }
  }

  /** An injector's own run directory: the one under its folder (beside its log and Gatling report) with results.json. */
  private static Path injectorRun(Path injectorDir) throws Exception {
    try (Stream<Path> dirs = Files.list(injectorDir)) {
      List<Path> runs = dirs.filter(d -> Files.isRegularFile(d.resolve("results.json"))).toList();
      assertEquals(1, runs.size(), injectorDir + ": " + runs);
      return runs.get(0);
    }
  }
}
