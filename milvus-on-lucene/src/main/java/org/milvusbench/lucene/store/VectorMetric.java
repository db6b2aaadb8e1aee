package org.milvusbench.lucene.store;

import java.util.Locale;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.VectorUtil;
import org.milvusbench.lucene.error.MilvusException;

/**
 * Milvus metric types and how they map to Lucene. Milvus reports L2 as the squared distance
 * (smaller is better) and IP / COSINE as similarities (larger is better); Lucene always ranks by a
 * score where larger is better, so each metric converts its Lucene score back to Milvus's value.
 */
public enum VectorMetric {
  /** Lucene EUCLIDEAN score = 1 / (1 + squaredDistance). */
  L2(VectorSimilarityFunction.EUCLIDEAN, false),
  /** MAXIMUM_INNER_PRODUCT, not DOT_PRODUCT: Milvus does not require unit vectors for IP. */
  IP(VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT, true),
  /** Lucene COSINE score = (1 + cosine) / 2. */
  COSINE(VectorSimilarityFunction.COSINE, true);

  private final VectorSimilarityFunction similarity;
  private final boolean largerIsBetter;

  VectorMetric(VectorSimilarityFunction similarity, boolean largerIsBetter) {
    this.similarity = similarity;
    this.largerIsBetter = largerIsBetter;
  }

  public VectorSimilarityFunction similarity() {
    return similarity;
  }

  /** True when Milvus sorts this metric descending (IP, COSINE). */
  public boolean largerIsBetter() {
    return largerIsBetter;
  }

  public static VectorMetric parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw MilvusException.invalid("metric type " + text + " not found or not supported, supported: [L2 IP COSINE]");
    }
  }

  /** Milvus's distance/similarity from a Lucene score of this metric's similarity function. */
  public float fromLuceneScore(float score) {
    switch (this) {
      case L2:
        return (float) (1.0 / score - 1.0);
      case IP:
        return score < 1f ? (float) (1.0 - 1.0 / score) : score - 1f;
      default:
        return 2f * score - 1f;
    }
  }

  /** Milvus's value computed exactly (brute force). */
  public float compute(float[] a, float[] b) {
    switch (this) {
      case L2:
        return VectorUtil.squareDistance(a, b);
      case IP:
        return VectorUtil.dotProduct(a, b);
      default:
        return cosine(a, b);
    }
  }

  /** Like VectorUtil.cosine, but 0 (not an assertion failure) when either vector is all zeros. */
  private static float cosine(float[] a, float[] b) {
    double dot = 0;
    double normA = 0;
    double normB = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      normA += a[i] * a[i];
      normB += b[i] * b[i];
    }
    return normA == 0 || normB == 0 ? 0f : (float) (dot / Math.sqrt(normA * normB));
  }

  /** A ranking key where larger is better, for brute-force top-k. */
  public float rankKey(float milvusValue) {
    return largerIsBetter ? milvusValue : -milvusValue;
  }
}
