package org.milvusbench.recorder;

import io.milvus.grpc.LongArray;
import io.milvus.grpc.SearchResultData;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * recall@k under load: for each answered query, the fraction of its true top-k neighbours among the
 * ids Milvus returned. Thread-safe, allocation-free (k × k comparisons; k is small).
 */
public final class RecallAccumulator {
  private final int k;
  private final IntFunction<long[]> truthOfQuery;
  private final int queryCount;
  private final DoubleAdder sum = new DoubleAdder();
  private final LongAdder samples = new LongAdder();

  /**
   * @param k recall depth (the search's topK)
   * @param queryCount number of queries in the set (query indexes wrap around it)
   * @param truthOfQuery true neighbour ids of a query index, best first (at least k of them)
   */
  public RecallAccumulator(int k, int queryCount, IntFunction<long[]> truthOfQuery) {
    this.k = k;
    this.queryCount = queryCount;
    this.truthOfQuery = truthOfQuery;
  }

  /** Scores the nq queries of one reply; the first of them is query {@code firstQueryIndex}. */
  public void add(int firstQueryIndex, SearchResultData results) {
    LongArray ids = results.getIds().getIntId();
    int offset = 0;
    int nq = (int) results.getNumQueries();
    for (int q = 0; q < nq; q++) {
      int returned = q < results.getTopksCount() ? (int) results.getTopks(q) : 0;
      long[] truth = truthOfQuery.apply((firstQueryIndex + q) % queryCount);
      sum.add(recall(truth, ids, offset, returned));
      samples.increment();
      offset += returned;
    }
  }

  private double recall(long[] truth, LongArray ids, int offset, int returned) {
    int depth = Math.min(k, truth.length);
    if (depth == 0) {
      return 0;
    }
    int hits = 0;
    int end = Math.min(offset + Math.min(returned, k), ids.getDataCount());
    for (int i = offset; i < end; i++) {
      long id = ids.getData(i);
      for (int t = 0; t < depth; t++) {
        if (truth[t] == id) {
          hits++;
          break;
        }
      }
    }
    return (double) hits / depth;
  }

  public int k() {
    return k;
  }

  public long samples() {
    return samples.sum();
  }

  /** Mean recall over all samples; 0 when none. */
  public double mean() {
    long n = samples.sum();
    return n == 0 ? 0 : sum.sum() / n;
  }
}
