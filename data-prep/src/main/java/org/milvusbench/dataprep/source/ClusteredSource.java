package org.milvusbench.dataprep.source;

import java.util.SplittableRandom;

/**
 * Clustered data with realistic ANN recall: {@code clusters} unit centres (N(0,1) normalised); each
 * row is a uniformly chosen centre plus N(0, spread²) noise per component, then L2-normalised.
 */
public final class ClusteredSource implements VectorSource {
  static final long DOMAIN_CENTRES = 2;
  static final long DOMAIN_VECTORS = 3;
  private final int dim;
  private final long seed;
  private final double spread;
  private final float[][] centres;

  /** A generator of {@code dim}-dimensional rows around {@code clusters} centres. */
  public ClusteredSource(int dim, long seed, int clusters, double spread) {
    this.dim = dim;
    this.seed = seed;
    this.spread = spread;
    this.centres = new float[clusters][dim];
    for (int c = 0; c < clusters; c++) {
      SplittableRandom r = RowRandom.forRow(seed, DOMAIN_CENTRES, c);
      for (int d = 0; d < dim; d++) {
        centres[c][d] = (float) r.nextGaussian();
      }
      RowRandom.normalize(centres[c]);
    }
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
      SplittableRandom r = RowRandom.forRow(seed, DOMAIN_VECTORS, start + i);
      float[] centre = centres[r.nextInt(centres.length)];
      float[] v = out[i];
      for (int d = 0; d < dim; d++) {
        v[d] = centre[d] + (float) (spread * r.nextGaussian());
      }
      RowRandom.normalize(v);
    }
  }

  @Override
  public float[][] heldOutQueries(int n) {
    float[][] q = new float[n][dim];
    read(RowRandom.HELD_OUT_BASE, n, q);
    return q;
  }

  @Override
  public String fingerprint() {
    return "clustered(seed=" + seed + ",dim=" + dim + ",clusters=" + centres.length + ",spread=" + spread + ")";
  }
}
