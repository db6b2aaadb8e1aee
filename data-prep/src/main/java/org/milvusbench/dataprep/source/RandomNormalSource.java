package org.milvusbench.dataprep.source;

/** The reference script's data: each component N(0,1), then the vector L2-normalised. */
public final class RandomNormalSource extends SeededSource {
  static final long DOMAIN_VECTORS = 1;

  /** A generator of {@code dim}-dimensional rows under {@code seed}. */
  public RandomNormalSource(int dim, long seed) {
    super(dim, seed);
  }

  @Override
  public void read(long start, int count, float[][] out) {
    for (int i = 0; i < count; i++) {
      row(start + i, out[i]);
    }
  }

  private void row(long row, float[] v) {
    RowRandom.unitGaussian(RowRandom.forRow(seed, DOMAIN_VECTORS, row), v);
  }

  @Override
  public String fingerprint() {
    return "random-normal(seed=" + seed + ",dim=" + dim + ")";
  }
}
