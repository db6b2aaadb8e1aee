package org.milvusbench.dataprep.source;

/**
 * Rows of a dataset, addressable by row index, so that a resumed or repeated run (and the
 * ground-truth pass) regenerates exactly the rows a clean run inserted.
 *
 * <p>Implementations are thread-safe: {@link #read} may be called concurrently for disjoint ranges.
 */
public interface VectorSource extends AutoCloseable {

  /** Vector dimension. */
  int dim();

  /** Rows this source can supply ({@link Long#MAX_VALUE} for generators). */
  long availableRows();

  /**
   * Fills {@code out[0..count)} with rows {@code [start, start + count)}; each {@code out[i]} has
   * length {@link #dim()}. Deterministic: the same row always yields the same vector.
   */
  void read(long start, int count, float[][] out);

  /** {@code n} held-out query vectors from the same distribution (never rows of the dataset). */
  float[][] heldOutQueries(int n);

  /**
   * A short identity of the data (kind, seed, parameters, file name and size) recorded with the
   * collection and the query pool; different data must give a different fingerprint.
   */
  String fingerprint();

  /**
   * Fraction of the source's own published neighbours (ann-benchmarks {@code neighbors}, SIFT
   * {@code *_groundtruth.ivecs}) found in {@code topRows}, our brute-force top-k row indices for the
   * held-out queries. Near 1 means our ground truth and metric agree with the dataset's; empty when
   * the source has none or they do not apply ({@code datasetRows} is not the whole file).
   */
  default java.util.OptionalDouble neighborsAgreement(long[][] topRows, long datasetRows, int k) {
    return java.util.OptionalDouble.empty();
  }

  /** Share of {@code theirs[q][0..depth)} found in {@code ours[q][0..depth)} over the first {@code n} queries. */
  static double overlap(long[][] ours, java.util.function.IntFunction<long[]> theirs, int n, int depth) {
    long hits = 0;
    for (int q = 0; q < n; q++) {
      java.util.Set<Long> mine = new java.util.HashSet<>();
      for (int i = 0; i < depth; i++) {
        mine.add(ours[q][i]);
      }
      long[] t = theirs.apply(q);
      for (int i = 0; i < depth; i++) {
        if (mine.contains(t[i])) {
          hits++;
        }
      }
    }
    return hits / (double) ((long) n * depth);
  }

  @Override
  default void close() {}
}
