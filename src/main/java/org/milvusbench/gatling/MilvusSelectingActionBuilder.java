package org.milvusbench.gatling;

import io.gatling.javaapi.core.Session;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.milvusbench.gatling.core.DatasetRows;
import org.milvusbench.gatling.internal.RowSelection;

/**
 * The row selection delete and query share: by primary keys or by a filter, fixed or computed per
 * request. Immutable: every method returns a new builder of the same kind.
 *
 * @param <B> the concrete builder
 */
public abstract class MilvusSelectingActionBuilder<B extends MilvusSelectingActionBuilder<B>>
    extends MilvusDataActionBuilder<B> {

  MilvusSelectingActionBuilder() {}

  /** A builder like this one with {@code change} applied to the selection. */
  abstract B withSelection(UnaryOperator<RowSelection> change);

  /**
   * Selects rows by primary key, computed per request from the session and sent as milvus-sdk-java
   * sends ids ({@code id in [1,2,3]}, see {@link #primaryKey}); replaces any filter. Default: none.
   */
  public B ids(Function<Session, long[]> ids) {
    return withSelection(selection -> selection.withIds(ids));
  }

  /**
   * Selects rows by a boolean expression, e.g. {@code category == "B"}; replaces any ids; null or
   * blank = none. Default: none.
   */
  public B filter(String filter) {
    return withSelection(selection -> selection.withFilter(filter));
  }

  /** Selects rows by a boolean expression computed per request from the session; replaces any ids. Default: none. */
  public B filter(Function<Session, String> filter) {
    return withSelection(selection -> selection.withFilter(filter));
  }

  /** Sets the primary key field {@link #ids} are matched on. Default {@value DatasetRows#ID_FIELD}. */
  public B primaryKey(String field) {
    return withSelection(selection -> selection.withPrimaryKey(field));
  }
}
