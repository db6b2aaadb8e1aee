package org.milvusbench.dataprep.source;

import java.util.SplittableRandom;

/** The reference script's data: each component N(0,1), then the vector L2-normalised. */
public final class RandomNormalSource implements VectorSource {
  static final long DOMAIN_VECTORS = 1;
  private final int dim;
  private final long seed;

  /** A generator of {@code dim}-dimensional rows under {@code seed}. */
  public RandomNormalSource(int dim, long seed) {
    this.dim = dim;
    this.seed = seed;
  }

  @Override
  public int dim() {
    return dim;
  }

  @Override
  public long availableRows() {
    return Long.MAX_VALUE;
  }

  @Override
  public void read(long start, int count, float[][] out) {
    for (int i = 0; i < count; i++) {
      row(start + i, out[i]);
    }
  }

  private void row(long row, float[] v) {
    SplittableRandom r = RowRandom.forRow(seed, DOMAIN_VECTORS, row);
    for (int d = 0; d < dim; d++) {
      v[d] = (float) r.nextGaussian();
    }
    RowRandom.normalize(v);
  }

  @Override
  public float[][] heldOutQueries(int n) {
    float[][] q = new float[n][dim];
    read(RowRandom.HELD_OUT_BASE, n, q);
    return q;
  }

  @Override
  public String fingerprint() {
    return "random-normal(seed=" + seed + ",dim=" + dim + ")";
  }
}
