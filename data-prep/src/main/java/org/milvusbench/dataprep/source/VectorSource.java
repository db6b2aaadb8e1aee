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

  @Override
  default void close() {}
}
