package org.milvusbench.sweep.run;

import io.milvus.grpc.SearchResults;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.milvusbench.gatling.core.DatasetRows;
import org.milvusbench.gatling.core.SearchObserver;
import org.milvusbench.rundir.LevelResult;
import org.milvusbench.sweep.setup.SeededTruth;

/**
 * recall@k of the searches beside a streaming ingest, against the exact top-k of the rows present
 * when each search was sent: the seeded rows' ground truth merged with the rows whose insert was
 * acknowledged before it. A row acknowledged while the search was in flight may or may not be
 * seen, so returning it counts as a hit and it is not in the truth. Searches are sampled (every
 * {@value #EVERY}th, at most {@value #MAX_SAMPLES} a level); scoring brute-forces the level's
 * inserted rows per sample after the level, outside its window.
 */
final class StreamingRecall implements SearchObserver {
  static final int EVERY = 5;
  static final int MAX_SAMPLES = 200;

  private record Sample(int query, long startMicros, long endMicros, long[] ids) {}

  private record Batch(long firstRow, long[] keys, long ackMicros) {}

  private final SeededTruth truth;
  private final int k;
  private final String metric;
  private final AtomicLong seen = new AtomicLong();
  private final List<Sample> samples = new ArrayList<>();
  private final List<Batch> batches = new ArrayList<>();

  StreamingRecall(SeededTruth truth, int k, String metric) {
    this.truth = truth;
    this.k = k;
    this.metric = metric;
  }

  @Override
  public void onSearch(boolean ok, long startEpochMicros, long latencyMicros, int firstQueryIndex, SearchResults results) {
    if (!ok || firstQueryIndex < 0 || seen.getAndIncrement() % EVERY != 0) {
      return;
    }
    var data = results.getResults();
    int returned = data.getTopksCount() > 0 ? (int) data.getTopks(0) : 0;
    long[] ids = new long[Math.min(returned, data.getIds().getIntId().getDataCount())];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = data.getIds().getIntId().getData(i);
    }
    synchronized (samples) {
      if (samples.size() < MAX_SAMPLES) {
        samples.add(new Sample(firstQueryIndex % truth.queries().length, startEpochMicros,
            startEpochMicros + latencyMicros, ids));
      }
    }
  }

  /** An acknowledged ingest batch: its dataset rows from {@code firstRow} got {@code keys}. */
  void acknowledged(long firstRow, long[] keys, long ackEpochMicros) {
    synchronized (batches) {
      batches.add(new Batch(firstRow, keys, ackEpochMicros));
    }
  }

  /** Scores the samples once the level has ended; null when none was taken. */
  LevelResult.Recall score(DatasetRows rows) {
    List<Sample> taken;
    List<Batch> written;
    synchronized (samples) {
      taken = List.copyOf(samples);
    }
    synchronized (batches) {
      written = List.copyOf(batches);
    }
    if (taken.isEmpty()) {
      return null;
    }
    List<float[]> vectors = new ArrayList<>();
    for (Batch b : written) {
      for (int i = 0; i < b.keys().length; i++) {
        vectors.add(rows.vector(b.firstRow() + i));
      }
    }
    double sum = 0;
    for (Sample s : taken) {
      sum += recall(s, written, vectors);
    }
    return new LevelResult.Recall(k, taken.size(), sum / taken.size());
  }

  private double recall(Sample s, List<Batch> written, List<float[]> vectors) {
    float[] q = truth.queries()[s.query()];
    TopK top = new TopK(k, !metric.equals("L2"));
    long[] seededIds = truth.ids()[s.query()];
    float[] seededScores = truth.scores()[s.query()];
    for (int i = 0; i < Math.min(k, seededIds.length); i++) {
      top.offer(seededIds[i], seededScores[i]);
    }
    Set<Long> inFlight = new HashSet<>();
    int v = 0;
    for (Batch b : written) {
      for (long key : b.keys()) {
        float[] x = vectors.get(v++);
        if (b.ackMicros() <= s.startMicros()) {
          top.offer(key, score(q, x));
        } else if (b.ackMicros() <= s.endMicros()) {
          inFlight.add(key);
        }
      }
    }
    Set<Long> expected = top.ids();
    int hits = 0;
    for (int i = 0; i < Math.min(k, s.ids().length); i++) {
      if (expected.contains(s.ids()[i]) || inFlight.contains(s.ids()[i])) {
        hits++;
      }
    }
    return (double) hits / Math.max(1, expected.size());
  }

  /** The score Milvus reports for {@code metric}: L2 squared distance, IP inner product, COSINE cosine. */
  private float score(float[] q, float[] x) {
    double dot = 0, d2 = 0, qq = 0, xx = 0;
    for (int i = 0; i < q.length; i++) {
      double diff = q[i] - x[i];
      d2 += diff * diff;
      dot += q[i] * x[i];
      qq += q[i] * q[i];
      xx += x[i] * x[i];
    }
    return (float) switch (metric) {
      case "L2" -> d2;
      case "IP" -> dot;
      default -> dot / Math.sqrt(qq * xx);
    };
  }

  /** The k best (id, score) pairs offered; higher is better when {@code descending}. */
  private static final class TopK {
    private final int k;
    private final boolean descending;
    private final List<Long> ids = new ArrayList<>();
    private final List<Float> scores = new ArrayList<>();

    TopK(int k, boolean descending) {
      this.k = k;
      this.descending = descending;
    }

    void offer(long id, float score) {
      int at = 0;
      while (at < scores.size() && !better(score, scores.get(at))) {
        at++;
      }
      if (at >= k) {
        return;
      }
      ids.add(at, id);
      scores.add(at, score);
      if (ids.size() > k) {
        ids.remove(k);
        scores.remove(k);
      }
    }

    private boolean better(float a, float b) {
      return descending ? a > b : a < b;
    }

    Set<Long> ids() {
      return new HashSet<>(ids);
    }
  }
}
