package org.milvusbench.lucene.store;

import org.milvusbench.lucene.error.MilvusException;

/**
 * A range search's band, as Milvus documents it (Range Search): for L2, where smaller is better,
 * {@code range_filter <= distance < radius}; for IP and COSINE, where larger is better,
 * {@code radius < similarity <= range_filter}. Without {@code range_filter} only the outer bound
 * ({@code radius}) applies. The inner bound must lie inside the outer one, as knowhere checks.
 *
 * @param rangeFilter null when absent
 */
public record VectorRange(double radius, Double rangeFilter, VectorMetric metric) implements ValueFilter {
  public VectorRange {
    if (rangeFilter != null) {
      if (metric.largerIsBetter() && rangeFilter <= radius) {
        throw MilvusException.invalid("range_filter(" + rangeFilter + ") must be greater than radius(" + radius
            + ") for IP/COSINE");
      }
      if (!metric.largerIsBetter() && rangeFilter >= radius) {
        throw MilvusException.invalid("range_filter(" + rangeFilter + ") must be less than radius(" + radius
            + ") for L2");
      }
    }
  }

  /**
   * Whether a Milvus value (L2 squared distance, IP / COSINE similarity) lies in the band. The bounds
   * compare as float32, as knowhere holds them: "0.81234" sent for a float is then that float again.
   */
  @Override
  public boolean accepts(float value) {
    float outer = (float) radius;
    if (metric.largerIsBetter()) {
      return value > outer && (rangeFilter == null || value <= rangeFilter.floatValue());
    }
    return value < outer && (rangeFilter == null || value >= rangeFilter.floatValue());
  }
}
