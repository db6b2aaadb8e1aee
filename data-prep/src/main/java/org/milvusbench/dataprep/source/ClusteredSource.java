package org.milvusbench.dataprep.source;

import java.util.SplittableRandom;

/**
 * Clustered data with realistic ANN recall: {@code clusters} unit centres (N(0,1) normalised); each
 * row is a uniformly chosen centre plus N(0, spread²) noise per component, then L2-normalised.
 */
public final class ClusteredSource extends SeededSource {
  static final long DOMAIN_CENTRES = 2;
  static final long DOMAIN_VECTORS = 3;
  private final double spread;
  private final float[][] centres;

  /** A generator of {@code dim}-dimensional rows around {@code clusters} centres. */
  public ClusteredSource(int dim, long seed, int clusters, double spread) {
    super(dim, seed);
    this.spread = spread;
    this.centres = new float[clusters][dim];
    for (int c = 0; c < clusters; c++) {
      RowRandom.unitGaussian(RowRandom.forRow(seed, DOMAIN_CENTRES, c), centres[c]);
    }
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
  public String fingerprint() {
    return "clustered(seed=" + seed + ",dim=" + dim + ",clusters=" + centres.length + ",spread=" + spread + ")";
  }
}
