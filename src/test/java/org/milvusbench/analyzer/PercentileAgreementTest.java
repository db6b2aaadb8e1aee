package org.milvusbench.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milvusbench.rundir.LatencyStats;

/**
 * The analyzer's percentiles against straightforward computations: numpy's linear rule from the
 * raw values (exact), and nearest rank vs the HdrHistogram log (within its 3-digit precision).
 */
class PercentileAgreementTest {

  /** numpy's default percentile written the textbook way (Hyndman–Fan R-7, 1-based). */
  static double numpyLinear(long[] values, double p) {
    long[] s = values.clone();
    Arrays.sort(s);
    double h = (s.length - 1) * p / 100.0 + 1;
    int lo = (int) Math.floor(h);
    int hi = (int) Math.ceil(h);
    return s[lo - 1] + (h - lo) * (s[hi - 1] - s[lo - 1]);
  }

  static long nearestRank(long[] values, double p) {
    long[] s = values.clone();
    Arrays.sort(s);
    int rank = (int) Math.ceil(p / 100.0 * s.length);
    return s[Math.max(rank, 1) - 1];
  }

  @Test
  void numpyKnownValues() {
    // np.percentile([15, 20, 35, 40, 50], q) for q = 50, 95, 99 and np.std of the same.
    LatencyStats s = LatencyStats.fromRawMicros(new long[] {40, 15, 50, 35, 20});
    assertEquals(35.0, s.p50Micros());
    assertEquals(48.0, s.p95Micros(), 1e-12);
    assertEquals(49.6, s.p99Micros(), 1e-12);
    assertEquals(32.0, s.meanMicros());
    assertEquals(Math.sqrt(166.0), s.stdMicros(), 1e-12);
  }

  /**
   * Values and results produced by numpy itself ({@code numpy-percentiles.json}, numpy 2.4.6:
   * np.percentile, np.mean, np.std on seeded log-normal µs samples): percentiles agree bit for bit.
   */
  @Test
  void agreesWithNumpyToTheLastBit() throws Exception {
    var root = org.milvusbench.rundir.ResultsJson.mapper()
        .readTree(TestFiles.resource("analyzer/numpy-percentiles.json").toFile());
    int checked = 0;
    for (var c : root.get("cases")) {
      long[] values = new long[c.get("values").size()];
      for (int i = 0; i < values.length; i++) values[i] = c.get("values").get(i).asLong();
      long[] sorted = values.clone();
      Arrays.sort(sorted);
      for (String p : List.of("50", "95", "99", "90", "99.9", "0", "100", "12.5")) {
        double expected = c.get("p" + p).asDouble();
        assertEquals(expected, LatencyStats.percentileOfSorted(sorted, Double.parseDouble(p)), 0,
            "n=" + values.length + " p" + p);
        checked++;
      }
      LatencyStats s = LatencyStats.fromRawMicros(values);
      assertEquals(c.get("p95").asDouble(), s.p95Micros(), 0);
      assertEquals(c.get("mean").asDouble(), s.meanMicros(), 0);
      assertEquals(c.get("std").asDouble(), s.stdMicros(), Math.max(1e-9, c.get("std").asDouble() * 1e-12));
    }
    assertEquals(7 * 8, checked);
  }

  @Test
  void rawLevelsUseNumpyPercentilesExactly(@TempDir Path dir) throws Exception {
    SyntheticRun run = SyntheticRun.write(dir, 7, List.of(
        new SyntheticRun.Level(1, 997, 0, 50, 18, true, null, null),
        new SyntheticRun.Level(8, 1000, 3, 380, 21, true, null, null),
        new SyntheticRun.Level(32, 1500, 0, 900, 35, false, null, null)), Map.of());
    RunData data = RunDirectory.load(dir);
    for (int i = 0; i < 2; i++) {
      LevelMetrics l = data.levels().get(i);
      long[] raw = run.raw(l.concurrency());
      assertEquals("raw", l.latencySource());
      // The textbook formula rounds differently in the last bits; numpy itself is checked exactly below.
      assertEquals(numpyLinear(raw, 50) / 1000, l.p50Ms(), 1e-9);
      assertEquals(numpyLinear(raw, 95) / 1000, l.p95Ms(), 1e-9);
      assertEquals(numpyLinear(raw, 99) / 1000, l.p99Ms(), 1e-9);
      assertEquals(Arrays.stream(raw).max().getAsLong() / 1000.0, l.maxMs(), 0);
      assertEquals(Arrays.stream(raw).min().getAsLong() / 1000.0, l.minMs(), 0);
      double mean = Arrays.stream(raw).average().getAsDouble();
      assertEquals(mean / 1000, l.avgMs(), 1e-12);
      double var = Arrays.stream(raw).mapToDouble(v -> (v - mean) * (v - mean)).sum() / raw.length;
      assertEquals(Math.sqrt(var) / 1000, l.stdMs(), 1e-12);
    }
    // Without raw values the level reads its HdrHistogram log: within the histogram's precision.
    LevelMetrics hist = data.levels().get(2);
    assertEquals("histogram", hist.latencySource());
    long[] raw = run.raw(32);
    for (double p : new double[] {50, 95, 99}) {
      double expectedMs = nearestRank(raw, p) / 1000.0;
      double got = p == 50 ? hist.p50Ms() : p == 95 ? hist.p95Ms() : hist.p99Ms();
      assertEquals(expectedMs, got, expectedMs * 1e-3, "p" + p);
    }
  }

  @Test
  void histogramPercentilesMatchNearestRankOnLargeSeededSamples() {
    Random r = new Random(11);
    long[] values = new long[100_000];
    Histogram h = new Histogram(3);
    for (int i = 0; i < values.length; i++) {
      values[i] = 500 + (long) (Math.exp(r.nextGaussian()) * 20_000);
      h.recordValue(values[i]);
    }
    LatencyStats s = LatencyStats.fromHistogram(h);
    assertEquals(nearestRank(values, 95), s.p95Micros(), nearestRank(values, 95) * 1e-3);
    assertEquals(nearestRank(values, 99), s.p99Micros(), nearestRank(values, 99) * 1e-3);
    assertTrue(Math.abs(s.p50Micros() - numpyLinear(values, 50)) <= numpyLinear(values, 50) * 1e-3);
  }
}
