package org.milvusbench.dataprep.source;

/**
 * A generated, endless source whose row {@code i} is a pure function of (seed, i): what makes a
 * resumed seed insert exactly the rows a clean one would. Held-out queries are rows far beyond any
 * collection ({@link RowRandom#HELD_OUT_BASE}), so they come from the same distribution.
 */
abstract class SeededSource implements VectorSource {
  final int dim;
  final long seed;

  SeededSource(int dim, long seed) {
    this.dim = dim;
    this.seed = seed;
  }

  @Override
  public final int dim() {
    return dim;
  }

  @Override
  public final long availableRows() {
    return Long.MAX_VALUE;
  }

  @Override
  public final float[][] heldOutQueries(int n) {
    float[][] q = new float[n][dim];
    read(RowRandom.HELD_OUT_BASE, n, q);
    return q;
  }
}
