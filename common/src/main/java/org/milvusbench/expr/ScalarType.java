package org.milvusbench.expr;

/** The kinds of scalar value a client-side filter compares: how a field's values are typed in {@link RowValues}. */
public enum ScalarType {
  /** Integer fields and the primary key; values are {@link Long}. */
  INT,
  /** FLOAT / DOUBLE fields; values are {@link Double}. */
  FLOAT,
  /** VARCHAR fields; values are {@link String}. */
  STRING,
  /** BOOL fields; values are {@link Boolean}. */
  BOOL
}
