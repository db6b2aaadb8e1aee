package org.milvusbench.expr;

/** One row's scalar values by field name, for evaluating a filter client-side ({@link RowFilter}). */
@FunctionalInterface
public interface RowValues {
  /** The value of {@code field}, one of the fields the filter was checked against, typed as its {@link ScalarType} says. */
  Object value(String field);
}
