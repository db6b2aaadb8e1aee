package org.milvusbench.rundir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntPredicate;
import org.HdrHistogram.Histogram;
import org.milvusbench.recorder.LevelRecorder;
import org.milvusbench.recorder.LevelRecorder.Interval;
import org.milvusbench.recorder.LevelRecorder.LevelSnapshot;

/**
 * One sweep's requests built in memory (each with its send second, latency, outcome) and written as
 * run directories the way the sweep writes them: whole, or split among injectors.
 */
public final class InjectorRuns {
  static final long START_MS = 1_800_000_000_000L;
  static final int SECONDS = 10;

  /** One level's requests: second of the window each was answered in, latency (µs), failed. */
  public record Requests(int[] second, long[] micros, boolean[] failed) {
    public static Requests random(long seed, int n, double failureRate) {
      Random random = new Random(seed);
      int[] second = new int[n];
      long[] micros = new long[n];
      boolean[] failed = new boolean[n];
      for (int i = 0; i < n; i++) {
        second[i] = i * SECONDS / n;
        micros[i] = Math.round(8000 * Math.exp(0.5 * random.nextGaussian()));
        failed[i] = random.nextDouble() < failureRate;
      }
      return new Requests(second, micros, failed);
    }
  }

  private InjectorRuns() {}

  /**
   * Writes a run directory of one level per entry of {@code levels} (concurrency c_l), holding the
   * requests {@code mine} selects; the window runs from the first selected second to the last
   * plus one, shifted by {@code shiftMs}.
   */
  public static Path write(Path dir, String runId, int[] concurrency, List<Requests> levels, IntPredicate mine, long shiftMs)
      throws Exception {
    Files.createDirectories(dir);
    List<LevelResult> rows = new ArrayList<>();
    for (int l = 0; l < levels.size(); l++) {
      LevelSnapshot snap = snapshot("c=" + concurrency[l], levels.get(l), mine, START_MS + l * 60_000L + shiftMs);
      rows.add(RunWriter.writeLevel(dir, RunLayout.levelStem(l, concurrency[l], 0), "search",
          RunLayout.levelLabel(concurrency[l], 0), concurrency[l], 0, snap, null, null));
    }
    SweepResults results = new SweepResults(SweepResults.SCHEMA, runId, "2026-12-02T20:00:00Z", "closed",
        new SweepResults.Target("http://127.0.0.1:19530", true, "test"), Map.of("sweep.interval", "1s"), 2, rows);
    RunWriter.writeRun(dir, results, results.config());
    return dir;
  }

  private static LevelSnapshot snapshot(String name, Requests r, IntPredicate mine, long startMs) {
    Histogram level = new Histogram(LevelRecorder.SIGNIFICANT_DIGITS);
    Histogram all = new Histogram(LevelRecorder.SIGNIFICANT_DIGITS);
    List<Histogram> seconds = new ArrayList<>();
    long[] failures = new long[SECONDS];
    for (int s = 0; s < SECONDS; s++) {
      Histogram h = new Histogram(LevelRecorder.SIGNIFICANT_DIGITS);
      h.setStartTimeStamp(startMs + s * 1000L);
      h.setEndTimeStamp(startMs + (s + 1) * 1000L);
      seconds.add(h);
    }
    List<Long> raw = new ArrayList<>();
    long ok = 0;
    long ko = 0;
    int first = SECONDS;
    int last = -1;
    for (int i = 0; i < r.micros().length; i++) {
      if (!mine.test(i)) continue;
      first = Math.min(first, r.second()[i]);
      last = Math.max(last, r.second()[i]);
      all.recordValue(r.micros()[i]);
      if (r.failed()[i]) {
        ko++;
        failures[r.second()[i]]++;
      } else {
        ok++;
        raw.add(r.micros()[i]);
        level.recordValue(r.micros()[i]);
        seconds.get(r.second()[i]).recordValue(r.micros()[i]);
      }
    }
    List<Interval> intervals = new ArrayList<>();
    for (int s = first; s <= last; s++) {
      intervals.add(new Interval(seconds.get(s), failures[s]));
    }
    return new LevelSnapshot(name, ok, ko, 0, (startMs + first * 1000L) * 1000, (startMs + (last + 1) * 1000L) * 1000,
        level, all, intervals, raw.stream().mapToLong(Long::longValue).toArray(), -1, 0, 0);
  }
}
