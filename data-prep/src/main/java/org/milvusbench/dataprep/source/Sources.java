package org.milvusbench.dataprep.source;

import java.util.SplittableRandom;

/** Per-row categories and the reference's uniform queries, deterministic per seed. */
public final class Sources {
  static final long DOMAIN_CATEGORIES = 10;
  static final long DOMAIN_UNIFORM_QUERIES = 11;

  private Sources() {}

  /** The category of {@code row}: uniform over {@code categories}, deterministic per seed and row. */
  public static String category(long seed, long row, java.util.List<String> categories) {
    return categories.get(RowRandom.forRow(seed, DOMAIN_CATEGORIES, row).nextInt(categories.size()));
  }

  /** The reference script's queries: {@code n} vectors uniform in [0,1)^dim, not normalised. */
  public static float[][] uniformQueries(long seed, int n, int dim) {
    float[][] q = new float[n][dim];
    for (int i = 0; i < n; i++) {
      SplittableRandom r = RowRandom.forRow(seed, DOMAIN_UNIFORM_QUERIES, i);
      for (int d = 0; d < dim; d++) {
        q[i][d] = (float) r.nextDouble();
      }
    }
    return q;
  }
}
