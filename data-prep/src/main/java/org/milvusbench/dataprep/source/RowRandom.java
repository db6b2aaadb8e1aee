package org.milvusbench.dataprep.source;

import java.util.SplittableRandom;

/**
 * Per-row random streams: row {@code i} of seed {@code s} always gets the same stream, whatever the
 * batch size, thread or resume point — the basis of resumable, reproducible seeding.
 */
public final class RowRandom {
  /** Row indices at and above this are never dataset rows: held-out queries live here. */
  public static final long HELD_OUT_BASE = 1L << 52;

  private RowRandom() {}

  /** The stream for {@code row} under {@code seed} in a named {@code domain} (vectors, categories, ...). */
  public static SplittableRandom forRow(long seed, long domain, long row) {
    return new SplittableRandom(mix(mix(seed ^ 0x9E3779B97F4A7C15L * (domain + 1)) + row));
  }

  /** Stafford variant 13 of the 64-bit finaliser (as in SplittableRandom): decorrelates nearby keys. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Fills {@code v} with N(0,1) components, then L2-normalises it (the reference's vectors). */
  public static void unitGaussian(SplittableRandom r, float[] v) {
    for (int d = 0; d < v.length; d++) {
      v[d] = (float) r.nextGaussian();
    }
    normalize(v);
  }

  /** Scales {@code v} to unit L2 norm in place (a zero vector stays zero). */
  public static void normalize(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += (double) x * x;
    }
    if (sum > 0) {
      float inv = (float) (1.0 / Math.sqrt(sum));
      for (int i = 0; i < v.length; i++) {
        v[i] *= inv;
      }
    }
  }
}
