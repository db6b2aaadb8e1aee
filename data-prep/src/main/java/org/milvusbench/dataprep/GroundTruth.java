package org.milvusbench.dataprep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import java.util.function.LongPredicate;
import org.milvusbench.dataprep.source.RowRandom;
import org.milvusbench.dataprep.source.VectorSource;

/**
 * Exact top-k by brute force over the dataset regenerated from its source, multi-threaded.
 *
 * <p>Why the transposed blocks: a plain per-pair loop {@code sum += (q[d]-x[d])²} is a float
 * reduction, which HotSpot C2 does not vectorise (it would reorder the additions). Laying a block
 * of rows out dimension-major and accumulating {@code acc[j] += (xT[d][j]-q[d])²} over rows
 * {@code j} is an element-wise loop that C2 turns into SIMD, and each row's sum is still added in
 * dimension order — the same floats as the straightforward loop.
 *
 * <p>Scores are reported as Milvus reports them: L2 = squared distance (ascending), IP = inner
 * product and COSINE = cosine similarity (descending). Ties keep the lower row.
 */
public final class GroundTruth {
  static final int BLOCK_ROWS = 128;
  static final int CHUNK_ROWS = 8 * 1024;

  /** Top-k row indices (best first) and their Milvus-style scores, per query. */
  public record Result(long[][] rows, float[][] scores) {}

  private GroundTruth() {}

  /**
   * Computes the exact top-{@code k} of rows {@code [0, rows)} of {@code source} for each query
   * under {@code metric} (L2, IP, COSINE) with {@code threads} workers; {@code progressRows}
   * receives the number of rows scanned so far after each chunk.
   */
  public static Result compute(VectorSource source, long rows, float[][] queries, int k, String metric, int threads,
      LongConsumer progressRows) {
    return compute(source, rows, null, queries, k, metric, threads, progressRows);
  }

  /**
   * As {@link #compute(VectorSource, long, float[][], int, String, int, LongConsumer)} among only the
   * rows {@code keep} accepts (a filter's matches; null keeps all): fewer than {@code k} per query
   * when fewer match. Each chunk's kept rows are packed into full blocks, so scoring costs the
   * matching share; row indices stay the dataset's.
   */
  public static Result compute(VectorSource source, long rows, LongPredicate keep, float[][] queries, int k,
      String metric, int threads, LongConsumer progressRows) {
    boolean l2 = metric.equals("L2");
    boolean cosine = metric.equals("COSINE");
    float[][] q = cosine ? normalized(queries) : queries;
    TopK[] tops = new TopK[q.length];
    for (int i = 0; i < q.length; i++) {
      tops[i] = new TopK((int) Math.min(k, rows));
    }
    Chunk chunk = new Chunk(source.dim());
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "ground-truth");
      t.setDaemon(true);
      return t;
    });
    try {
      for (long start = 0; start < rows; start += CHUNK_ROWS) {
        int n = (int) Math.min(CHUNK_ROWS, rows - start);
        chunk.select(start, n, keep);
        // 1. regenerate (or read) the kept rows and transpose them, block by block, in parallel
        runAll(pool, threads, chunk.blocks(), (from, to) -> chunk.fill(source, from, to, cosine));
        // 2. score every query against every block; queries are split between threads
        runAll(pool, threads, q.length, (from, to) -> chunk.score(q, from, to, tops, l2));
        progressRows.accept(start + n);
      }
    } finally {
      pool.shutdownNow();
    }
    long[][] outRows = new long[q.length][];
    float[][] outScores = new float[q.length][];
    for (int i = 0; i < q.length; i++) {
      tops[i].sortedInto(i, outRows, outScores, l2);
    }
    return new Result(outRows, outScores);
  }

  private static float[][] normalized(float[][] queries) {
    float[][] q = new float[queries.length][];
    for (int i = 0; i < queries.length; i++) {
      q[i] = queries[i].clone();
      RowRandom.normalize(q[i]);
    }
    return q;
  }

  /** One chunk of the dataset: the offsets of its kept rows, their vectors, and those transposed in blocks. */
  private static final class Chunk {
    final int dim;
    final int[] kept = new int[CHUNK_ROWS];
    final float[][] vectors;
    final float[][] blocks;
    long start;
    int size;

    Chunk(int dim) {
      this.dim = dim;
      vectors = new float[CHUNK_ROWS][dim];
      blocks = new float[CHUNK_ROWS / BLOCK_ROWS][dim * BLOCK_ROWS];
    }

    void select(long first, int n, LongPredicate keep) {
      start = first;
      size = 0;
      for (int i = 0; i < n; i++) {
        if (keep == null || keep.test(first + i)) {
          kept[size++] = i;
        }
      }
    }

    int blocks() {
      return (size + BLOCK_ROWS - 1) / BLOCK_ROWS;
    }

    void fill(VectorSource source, int fromBlock, int toBlock, boolean cosine) {
      for (int b = fromBlock; b < toBlock; b++) {
        int r0 = b * BLOCK_ROWS;
        int bn = Math.min(BLOCK_ROWS, size - r0);
        for (int j = 0, run; j < bn; j += run) { // consecutive rows in one read: all of them without a filter
          run = 1;
          while (j + run < bn && kept[r0 + j + run] == kept[r0 + j] + run) {
            run++;
          }
          source.read(start + kept[r0 + j], run, Arrays.copyOfRange(vectors, r0 + j, r0 + j + run));
        }
        float[] t = blocks[b];
        Arrays.fill(t, 0f);
        for (int j = 0; j < bn; j++) {
          float[] v = vectors[r0 + j];
          if (cosine) {
            RowRandom.normalize(v);
          }
          for (int d = 0; d < dim; d++) {
            t[d * BLOCK_ROWS + j] = v[d];
          }
        }
      }
    }

    void score(float[][] q, int from, int to, TopK[] tops, boolean l2) {
      float[][] acc = new float[4][BLOCK_ROWS];
      for (int b = 0; b < blocks(); b++) {
        int r0 = b * BLOCK_ROWS;
        int bn = Math.min(BLOCK_ROWS, size - r0);
        float[] t = blocks[b];
        for (int qi = from; qi < to; qi += 4) {
          int nq = Math.min(4, to - qi);
          if (nq == 4) {
            score4(t, q[qi], q[qi + 1], q[qi + 2], q[qi + 3], acc, dim, l2);
          } else {
            for (int i = 0; i < nq; i++) {
              score1(t, q[qi + i], acc[i], dim, l2);
            }
          }
          for (int i = 0; i < nq; i++) {
            for (int j = 0; j < bn; j++) {
              // larger similarity = smaller cost
              tops[qi + i].offer(l2 ? acc[i][j] : -acc[i][j], start + kept[r0 + j]);
            }
          }
        }
      }
    }
  }

  /**
   * Scores four queries against one transposed block: each loaded row value feeds four accumulators,
   * which halves memory traffic per multiply-add compared with one query at a time.
   */
  private static void score4(float[] t, float[] q0, float[] q1, float[] q2, float[] q3, float[][] acc, int dim,
      boolean l2) {
    float[] a0 = acc[0];
    float[] a1 = acc[1];
    float[] a2 = acc[2];
    float[] a3 = acc[3];
    Arrays.fill(a0, 0f);
    Arrays.fill(a1, 0f);
    Arrays.fill(a2, 0f);
    Arrays.fill(a3, 0f);
    for (int d = 0; d < dim; d++) {
      float d0 = q0[d];
      float d1 = q1[d];
      float d2 = q2[d];
      float d3 = q3[d];
      int off = d * BLOCK_ROWS;
      if (l2) {
        for (int j = 0; j < BLOCK_ROWS; j++) {
          float v = t[off + j];
          float e0 = v - d0;
          float e1 = v - d1;
          float e2 = v - d2;
          float e3 = v - d3;
          a0[j] += e0 * e0;
          a1[j] += e1 * e1;
          a2[j] += e2 * e2;
          a3[j] += e3 * e3;
        }
      } else {
        for (int j = 0; j < BLOCK_ROWS; j++) {
          float v = t[off + j];
          a0[j] += v * d0;
          a1[j] += v * d1;
          a2[j] += v * d2;
          a3[j] += v * d3;
        }
      }
    }
  }

  /** Scores one query against one transposed block (the remainder when queries are not a multiple of 4). */
  private static void score1(float[] t, float[] query, float[] acc, int dim, boolean l2) {
    Arrays.fill(acc, 0f);
    for (int d = 0; d < dim; d++) {
      float qd = query[d];
      int off = d * BLOCK_ROWS;
      if (l2) {
        for (int j = 0; j < BLOCK_ROWS; j++) {
          float diff = t[off + j] - qd;
          acc[j] += diff * diff;
        }
      } else {
        for (int j = 0; j < BLOCK_ROWS; j++) {
          acc[j] += t[off + j] * qd;
        }
      }
    }
  }

  private interface RangeTask {
    void run(int from, int to);
  }

  private static void runAll(ExecutorService pool, int threads, int items, RangeTask task) {
    List<Future<?>> futures = new ArrayList<>();
    int parts = Math.max(1, Math.min(threads, items));
    for (int p = 0; p < parts; p++) {
      int from = (int) ((long) items * p / parts);
      int to = (int) ((long) items * (p + 1) / parts);
      futures.add(pool.submit(() -> task.run(from, to)));
    }
    try {
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DataPrepException("ground truth interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw new DataPrepException("ground truth failed: " + e.getCause(), e.getCause());
    }
  }
}
