package org.milvusbench.analyzer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.milvusbench.rundir.LatencyStats;
import org.milvusbench.rundir.LevelResult;
import org.milvusbench.rundir.ResultsJson;
import org.milvusbench.rundir.RunLayout;
import org.milvusbench.rundir.SweepResults;

/**
 * Builds a run directory as the sweep writes it: results.json, one HdrHistogram log per level
 * (HistogramLogWriter, µs, several intervals) and, optionally, raw latency files. Latencies are
 * seeded log-normal-ish samples whose scale grows with concurrency.
 */
public final class SyntheticRun {
  /** One level to generate. */
  public record Level(int concurrency, int requests, int failures, double qps, double medianMs,
      boolean keepRaw, Double recall, LevelResult.Resources resources) {}

  private final Map<Integer, long[]> rawByConcurrency = new LinkedHashMap<>();
  private final Map<Integer, Histogram> histogramByConcurrency = new LinkedHashMap<>();
  private SweepResults results;

  public long[] raw(int concurrency) {
    return rawByConcurrency.get(concurrency);
  }

  public Histogram histogram(int concurrency) {
    return histogramByConcurrency.get(concurrency);
  }

  public SweepResults results() {
    return results;
  }

  public static SyntheticRun write(Path dir, long seed, List<Level> levels, Map<String, String> config)
      throws IOException {
    SyntheticRun run = new SyntheticRun();
    Files.createDirectories(dir.resolve("histograms"));
    Random random = new Random(seed);
    long startMicros = 1_700_000_000_000_000L;
    List<LevelResult> out = new ArrayList<>();
    for (Level l : levels) {
      int successes = l.requests() - l.failures();
      long[] micros = new long[successes];
      for (int i = 0; i < successes; i++) {
        double ms = l.medianMs() * Math.exp(0.35 * random.nextGaussian());
        micros[i] = Math.max(1, Math.round(ms * 1000));
      }
      long windowMicros = Math.round(l.requests() / l.qps() * 1e6);
      String hlog = "histograms/c" + l.concurrency() + ".hlog";
      Histogram all = new Histogram(3);
      try (PrintStream ps = new PrintStream(dir.resolve(hlog).toFile())) {
        HistogramLogWriter w = new HistogramLogWriter(ps);
        w.outputLogFormatVersion();
        w.outputStartTime(startMicros / 1000);
        w.outputLegend();
        int intervals = 3;
        for (int k = 0; k < intervals; k++) {
          Histogram h = new Histogram(3);
          for (int i = k * successes / intervals; i < (k + 1) * successes / intervals; i++) {
            h.recordValue(micros[i]);
          }
          h.setStartTimeStamp(startMicros / 1000 + k * windowMicros / 1000 / intervals);
          h.setEndTimeStamp(startMicros / 1000 + (k + 1) * windowMicros / 1000 / intervals);
          w.outputIntervalHistogram(h);
          all.add(h);
        }
      }
      String rawFile = null;
      if (l.keepRaw()) {
        rawFile = "raw/c" + l.concurrency() + ".txt";
        Files.createDirectories(dir.resolve("raw"));
        Files.writeString(dir.resolve(rawFile),
            LongStream.of(micros).mapToObj(Long::toString).collect(Collectors.joining("\n")) + "\n");
      }
      run.rawByConcurrency.put(l.concurrency(), micros);
      run.histogramByConcurrency.put(l.concurrency(), all);
      out.add(new LevelResult("c" + l.concurrency(), l.concurrency(), 0, l.requests(), successes,
          l.failures(), startMicros, startMicros + windowMicros, LatencyStats.fromHistogram(all),
          hlog, rawFile, l.recall() == null ? null : new LevelResult.Recall(10, 200, l.recall()),
          null, l.resources()));
      startMicros += windowMicros + 5_000_000;
    }
    run.results = new SweepResults(SweepResults.SCHEMA, "synthetic-" + seed, "2026-11-25T17:00:00Z",
        "closed", new SweepResults.Target("embedded://127.0.0.1", true, "2.6-lucene"), config, 2, out);
    ResultsJson.write(run.results, dir.resolve(RunLayout.RESULTS_FILE));
    return run;
  }

  /** CPU/RSS of target and generator. */
  public static LevelResult.Resources resources(double targetCpu, double generatorCpu) {
    return new LevelResult.Resources(
        new LevelResult.ProcessUsage(targetCpu, 900L << 20, 950L << 20),
        new LevelResult.ProcessUsage(generatorCpu, 400L << 20, 420L << 20));
  }
}
