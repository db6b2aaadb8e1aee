package org.milvusbench.gatling;

import io.gatling.javaapi.core.Session;
import java.util.function.Function;
import org.milvusbench.gatling.core.DatasetRows;
import org.milvusbench.gatling.internal.DataSpec;
import org.milvusbench.gatling.internal.RowSelection;

/**
 * The row selection delete and query share: by primary keys or by a filter, fixed or computed per
 * request. Immutable: every method returns a new builder of the same kind.
 *
 * @param <B> the concrete builder
 * @param <S> the spec it wraps (internal)
 */
public abstract class MilvusSelectingActionBuilder<
        B extends MilvusSelectingActionBuilder<B, S>, S extends DataSpec<S> & RowSelection.Holder<S>>
    extends MilvusDataActionBuilder<B, S> {

  MilvusSelectingActionBuilder(S wrapped, Function<S, B> wrap) {
    super(wrapped, wrap);
  }

  /**
   * Selects rows by primary key, computed per request from the session and sent as milvus-sdk-java
   * sends ids ({@code id in [1,2,3]}, see {@link #primaryKey}); replaces any filter. Default: none.
   */
  public B ids(Function<Session, long[]> ids) {
    return make(s -> s.withSelection(s.selection().withIds(ids)));
  }

  /**
   * Selects rows by a boolean expression, e.g. {@code category == "B"}; replaces any ids; null or
   * blank = none. Default: none.
   */
  public B filter(String filter) {
    return make(s -> s.withSelection(s.selection().withFilter(filter)));
  }

  /** Selects rows by a boolean expression computed per request from the session; replaces any ids. Default: none. */
  public B filter(Function<Session, String> filter) {
    return make(s -> s.withSelection(s.selection().withFilter(filter)));
  }

  /** Sets the primary key field {@link #ids} are matched on. Default {@value DatasetRows#ID_FIELD}. */
  public B primaryKey(String field) {
    return make(s -> s.withSelection(s.selection().withPrimaryKey(field)));
  }
}
