package org.milvusbench.gatling.core;

/** The distance a search ranks by, sent as Milvus's {@code metric_type} under these names. */
public enum Metric {
  /** Euclidean distance: smaller is closer. */
  L2,
  /** Inner product: larger is closer. */
  IP,
  /** Cosine similarity: larger is closer. */
  COSINE;

  /**
   * The metric called {@code name}, in any case ({@code "cosine"} is {@link #COSINE}).
   *
   * @throws IllegalArgumentException naming the allowed values, for any other name (null included)
   */
  public static Metric of(String name) {
    return EnumNames.of(Metric.class, "metric", name);
  }
}
