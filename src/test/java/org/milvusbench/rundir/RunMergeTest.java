package org.milvusbench.rundir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milvusbench.rundir.InjectorRuns.Requests;

class RunMergeTest {
  private static final int[] LOADS = {3, 12};
  private static final int[] SHARE = {1, 4};

  @TempDir Path tmp;

  private final List<Requests> levels = List.of(Requests.random(1, 900, 0), Requests.random(2, 3000, 0.02));

  @Test
  void oneRunSplitAmongThreeInjectorsMergesBackToItsOwnStatistics() throws Exception {
    Path whole = InjectorRuns.write(tmp.resolve("whole"), "whole", LOADS, levels, i -> true, 0);
    List<Path> parts = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      int injector = k;
      parts.add(InjectorRuns.write(tmp.resolve("i" + k), "i" + k, SHARE, levels, i -> i % 3 == injector, 0));
    }
    SweepResults merged = RunMerge.merge(parts, tmp.resolve("merged"));
    SweepResults original = RunReader.results(whole);
    assertEquals(original.levels().size(), merged.levels().size());
    for (int l = 0; l < LOADS.length; l++) {
      LevelResult want = original.levels().get(l);
      LevelResult got = merged.levels().get(l);
      assertEquals(want.name(), got.name(), "3 injectors at c=" + SHARE[l] + " are one level at c=" + LOADS[l]);
      assertEquals(want.concurrency(), got.concurrency());
      assertEquals(want.histogramFile(), got.histogramFile());
      assertEquals(want.totalRequests(), got.totalRequests());
      assertEquals(want.successes(), got.successes());
      assertEquals(want.failures(), got.failures());
      assertEquals(want.windowStartEpochMicros(), got.windowStartEpochMicros());
      assertEquals(want.windowEndEpochMicros(), got.windowEndEpochMicros());
      assertEquals(want.latencyMicros(), got.latencyMicros(), "numpy-exact statistics from the concatenated raw values");
      assertEquals(want.allRequestsMicros(), got.allRequestsMicros(), "failures included, from the all-requests logs");
      assertEquals(want.intervals(), got.intervals(), "each second's successes and failures");
      Histogram wantLog = RunReader.readMergedLog(whole.resolve(want.histogramFile()));
      Histogram gotLog = RunReader.readMergedLog(tmp.resolve("merged").resolve(got.histogramFile()));
      assertEquals(wantLog, gotLog, "the merged histogram log adds up to the whole level's");
      List<Histogram> wantSeconds = RunReader.readIntervals(whole.resolve(want.histogramFile()));
      List<Histogram> gotSeconds = RunReader.readIntervals(tmp.resolve("merged").resolve(got.histogramFile()));
      assertEquals(wantSeconds, gotSeconds, "second by second");
      assertEquals(3, got.injectors().shares().size());
      assertEquals(1.0, got.injectors().overlap());
      assertTrue(got.injectors().together());
    }
    assertEquals("3", merged.config().get("sweep.injectors"));
    assertEquals(merged, RunReader.results(tmp.resolve("merged")), "results.json holds what merge returned");
  }

  @Test
  void mergedPercentilesAreTheConcatenatedRawLatenciesAndQpsIsTotalOverTheUnitedWindow() throws Exception {
    List<Path> parts = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      int injector = k;
      // Injectors' windows are shifted: they started a little apart, as real ones do.
      parts.add(InjectorRuns.write(tmp.resolve("i" + k), "i" + k, SHARE, levels, i -> i % 3 == injector, 150L * k));
    }
    SweepResults merged = RunMerge.merge(parts, tmp.resolve("merged"));
    for (int l = 0; l < LOADS.length; l++) {
      LongStream raw = LongStream.empty();
      long total = 0;
      long start = Long.MAX_VALUE;
      long end = Long.MIN_VALUE;
      for (Path p : parts) {
        LevelResult row = RunReader.results(p).levels().get(l);
        raw = LongStream.concat(raw, LongStream.of(RunReader.readRawMicros(p.resolve(row.rawLatencyFile()))));
        total += row.totalRequests();
        start = Math.min(start, row.windowStartEpochMicros());
        end = Math.max(end, row.windowEndEpochMicros());
      }
      LevelResult got = merged.levels().get(l);
      assertEquals(LatencyStats.fromRawMicros(raw.toArray()), got.latencyMicros());
      assertEquals(levels.get(l).micros().length, got.totalRequests());
      assertEquals(total, got.totalRequests());
      assertEquals(start, got.windowStartEpochMicros());
      assertEquals(end, got.windowEndEpochMicros());
      assertEquals(InjectorRuns.SECONDS + 0.3, got.windowSeconds(), 1e-9);
      assertEquals((InjectorRuns.SECONDS - 0.3) / (InjectorRuns.SECONDS + 0.3), got.injectors().overlap(), 1e-9);
      long counted = got.intervals().stream().mapToLong(i -> i.successes() + i.failures()).sum();
      assertEquals(total, counted, "every interval count lands in exactly one merged interval");
    }
  }

  @Test
  void injectorsThatDidNotRunTogetherAreFlagged() throws Exception {
    Path a = InjectorRuns.write(tmp.resolve("a"), "a", SHARE, levels, i -> i % 2 == 0, 0);
    Path b = InjectorRuns.write(tmp.resolve("b"), "b", SHARE, levels, i -> i % 2 == 1, 8_000);
    LevelResult level = RunMerge.merge(List.of(a, b), tmp.resolve("m")).levels().get(0);
    assertEquals(2.0 / 18.0, level.injectors().overlap(), 1e-9);
    assertTrue(!level.injectors().together());
  }

  @Test
  void runsOfDifferentSweepsAreRefusedNamingTheDifference() throws Exception {
    Path a = InjectorRuns.write(tmp.resolve("a"), "a", SHARE, levels, i -> true, 0);
    Path b = InjectorRuns.write(tmp.resolve("b"), "b", new int[] {1}, levels.subList(0, 1), i -> true, 0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RunMerge.merge(List.of(a, b), tmp.resolve("m")));
    assertTrue(e.getMessage().contains("1 and 2 levels"), e.getMessage());
    assertTrue(e.getMessage().contains(b.toString()), e.getMessage());
    IllegalArgumentException self = assertThrows(IllegalArgumentException.class, () -> RunMerge.merge(List.of(a, b), a));
    assertTrue(self.getMessage().contains("cannot be one of the injectors"), self.getMessage());
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> RunMerge.merge(List.of(a, tmp.resolve("nothing")), tmp.resolve("m2")));
    assertTrue(missing.getMessage().contains("nothing"), missing.getMessage());
  }

  @Test
  void oneInjectorMergesToItself() throws Exception {
    Path a = InjectorRuns.write(tmp.resolve("a"), "a", LOADS, levels, i -> true, 0);
    LevelResult want = RunReader.results(a).levels().get(1);
    LevelResult got = RunMerge.merge(List.of(a), tmp.resolve("m")).levels().get(1);
    assertEquals(want.latencyMicros(), got.latencyMicros());
    assertEquals(want.intervals(), got.intervals());
    assertNotNull(got.allRequestsMicros());
    assertNull(got.serverServiceMicros());
  }
}
