package org.milvusbench.recorder;

import org.milvusbench.rundir.LatencyStats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.milvus.grpc.IDs;
import io.milvus.grpc.LongArray;
import io.milvus.grpc.SearchResultData;
import io.milvus.grpc.SearchResults;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LevelRecorderTest {

  private static SearchResults reply(long... ids) {
    return SearchResults.newBuilder().setResults(SearchResultData.newBuilder().setNumQueries(1).setTopK(ids.length)
        .addTopks(ids.length).setIds(IDs.newBuilder().setIntId(LongArray.newBuilder().addAllData(
            java.util.Arrays.stream(ids).boxed().toList())))).build();
  }

  @Test
  void countsWindowLatenciesAndRecall() {
    long[][] truth = {{1, 2, 3, 4}, {5, 6, 7, 8}};
    RecallAccumulator recall = new RecallAccumulator(4, 2, i -> truth[i]);
    LevelRecorder recorder = new LevelRecorder("search c=2", true, recall);
    long t0 = 1_700_000_000_000_000L; // epoch µs
    recorder.onSearch(true, t0, 1500, 0, reply(1, 2, 9, 10)); // recall 2/4
    recorder.onSearch(true, t0 + 100, 2500, 1, reply(5, 6, 7, 8)); // recall 1
    recorder.onSearch(false, t0 + 200, 2800, 0, null); // failure: window only
    LevelRecorder.LevelSnapshot snap = recorder.snapshot();
    assertEquals(2, snap.successes());
    assertEquals(1, snap.failures());
    assertEquals(3, snap.total());
    assertEquals(3000, snap.windowEndEpochMicros() - snap.windowStartEpochMicros());
    assertArrayEquals(new long[] {1500, 2500}, snap.rawMicros());
    assertEquals(t0, snap.windowStartEpochMicros());
    assertEquals(2000.0, LatencyStats.fromRawMicros(snap.rawMicros()).p50Micros());
    assertEquals(2, snap.histogramMicros().getTotalCount());
    assertEquals(2, snap.recallSamples());
    assertEquals(0.75, snap.recallMean(), 1e-12);
  }

  @Test
  void deadlineFailuresCountInTheAllRequestsHistogramAtTheirElapsedTime() {
    LevelRecorder recorder = new LevelRecorder("search c=10", true, null);
    for (int i = 0; i < 30; i++) {
      recorder.onSearch(true, 0, 2_000, -1, null); // 2 ms successes
    }
    for (int i = 0; i < 70; i++) {
      recorder.onSearch(false, 0, 10_000_000, -1, null); // 70 % deadline KOs at 10 s
    }
    LevelRecorder.LevelSnapshot snap = recorder.snapshot();
    assertEquals(2_000, snap.histogramMicros().getValueAtPercentile(99), 2, "successes alone look fine");
    assertEquals(100, snap.allRequestsMicros().getTotalCount());
    assertEquals(10_000_000, snap.allRequestsMicros().getValueAtPercentile(50), 10_000_000 / 1000,
        "over all requests the median is the deadline");
    org.milvusbench.rundir.LevelResult row = org.milvusbench.rundir.RunWriter.writeLevel(dir(), "level-01-c10", "c=10",
        10, 0, snap, null, null);
    assertEquals(10_000_000, row.allRequestsMicros().p95Micros(), 10_000_000 / 1000);
  }

  private static java.nio.file.Path dir() {
    try {
      return java.nio.file.Files.createTempDirectory("level-recorder");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void rawPercentilesMatchNumpyAndTheHistogramAgreesWithinItsPrecision() {
    SplittableRandom random = new SplittableRandom(7);
    LevelRecorder recorder = new LevelRecorder("search c=1", true, null);
    List<Long> values = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      long micros = 200 + random.nextInt(20_000);
      values.add(micros);
      recorder.onSearch(true, 0, micros, -1, null);
    }
    LevelRecorder.LevelSnapshot snap = recorder.snapshot();
    long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
    // numpy linear: rank = 0.95 * (n - 1)
    double rank = 0.95 * (sorted.length - 1);
    int lo = (int) Math.floor(rank);
    double expected = sorted[lo] + (rank - lo) * (sorted[lo + 1] - sorted[lo]);
    assertEquals(expected, LatencyStats.fromRawMicros(snap.rawMicros()).p95Micros(), 1e-9);
    double fromHistogram = LatencyStats.fromHistogram(snap.histogramMicros()).p95Micros();
    assertEquals(expected, fromHistogram, expected * 0.002);
    assertNull(new LevelRecorder("x", false, null).snapshot().rawMicros());
  }

  @Test
  void rawLogKeepsEveryValueAcrossChunksAndThreads() throws InterruptedException {
    RawLatencyLog log = new RawLatencyLog();
    int perThread = 50_000;
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      int base = t * perThread;
      threads[t] = new Thread(() -> {
        for (int i = 0; i < perThread; i++) {
          log.add(base + i);
        }
      });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    long[] values = log.toArray();
    assertEquals(4L * perThread, values.length);
    java.util.Arrays.sort(values);
    for (int i = 0; i < values.length; i++) {
      assertEquals(i, values[i]);
    }
  }

  @Test
  void intervalsCutTheLevelWithoutLosingAValue() {
    LevelRecorder recorder = new LevelRecorder("search c=4", false, null);
    recorder.startIntervals();
    long t0 = 1_700_000_000_000_000L;
    for (int i = 0; i < 30; i++) {
      recorder.onSearch(true, t0 + i, 100 + i, -1, null);
    }
    recorder.onSearch(false, t0 + 40, 900, -1, null);
    recorder.sampleInterval();
    for (int i = 0; i < 20; i++) {
      recorder.onSearch(true, t0 + 100 + i, 5000 + i, -1, null);
    }
    recorder.sampleInterval();
    recorder.onSearch(false, t0 + 200, 700, -1, null);
    LevelRecorder.LevelSnapshot snap = recorder.snapshot();
    assertEquals(3, snap.intervals().size());
    assertEquals(List.of(30L, 20L, 0L), snap.intervals().stream().map(i -> i.histogramMicros().getTotalCount()).toList());
    assertEquals(List.of(1L, 0L, 1L), snap.intervals().stream().map(LevelRecorder.Interval::failures).toList());
    assertEquals(50, snap.histogramMicros().getTotalCount(), "the level is the sum of its intervals");
    assertEquals(5019, snap.histogramMicros().getMaxValue(), 5019 * 0.001);
    for (int i = 1; i < snap.intervals().size(); i++) {
      assertEquals(snap.intervals().get(i - 1).histogramMicros().getEndTimeStamp(),
          snap.intervals().get(i).histogramMicros().getStartTimeStamp(), "intervals are contiguous");
    }
  }

  /**
   * Six writers whose latencies grow from 10 ms to minutes while intervals are sampled: every interval
   * written to the level's log decodes (with an auto-resizing Recorder, one interval in ~40,000 did not:
   * its counts array outgrew its header during the swap) and together they hold every request.
   */
  @Test
  void intervalsSampledDuringConcurrentRecordingAllDecode(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    LevelRecorder recorder = new LevelRecorder("search c=6", false, null);
    recorder.startIntervals();
    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < 6; w++) {
      SplittableRandom random = new SplittableRandom(w);
      Thread writer = new Thread(() -> {
        for (int i = 0; i < 5_000; i++) {
          recorder.onSearch(true, 1, 10_000 + (long) Math.exp(random.nextDouble() * 19), -1, null);
        }
      });
      writer.start();
      writers.add(writer);
    }
    while (writers.stream().anyMatch(Thread::isAlive)) {
      recorder.sampleInterval();
    }
    recorder.onSearch(true, 1, 2 * LevelRecorder.HIGHEST_TRACKABLE_MICROS, -1, null); // beyond the range: clamped
    LevelRecorder.LevelSnapshot snap = recorder.snapshot();
    java.nio.file.Path log = dir.resolve("level.hlog");
    org.milvusbench.rundir.RunWriter.writeHistogramLog(log, "test", 0,
        snap.intervals().stream().map(LevelRecorder.Interval::histogramMicros).toList());
    List<org.HdrHistogram.Histogram> read = org.milvusbench.rundir.RunReader.readIntervals(log);
    assertEquals(snap.intervals().size(), read.size());
    assertEquals(30_001, read.stream().mapToLong(org.HdrHistogram.Histogram::getTotalCount).sum());
    assertEquals(LevelRecorder.HIGHEST_TRACKABLE_MICROS, snap.histogramMicros().getMaxValue(),
        LevelRecorder.HIGHEST_TRACKABLE_MICROS / 1000);
  }
}
