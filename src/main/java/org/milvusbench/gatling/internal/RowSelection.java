package org.milvusbench.gatling.internal;

import io.gatling.javaapi.core.Session;
import java.util.Objects;
import java.util.function.Function;
import org.milvusbench.gatling.core.DatasetRows;

/**
 * Which rows a delete or query touches: primary keys or a boolean filter, either computed per
 * request; ids are sent as milvus-sdk-java sends them, the filter {@code <primaryKey> in [...]}. At
 * most one of {@code ids} and {@code filter} is set: each {@code with} of one clears the other.
 *
 * @param ids the primary keys of one request, from the session; or null
 * @param filter the filter of one request, from the session; or null
 * @param primaryKey the primary key field {@code ids} are matched on
 */
public record RowSelection(Function<Session, long[]> ids, Function<Session, String> filter, String primaryKey) {

  /** No rows selected, ids matched on {@code id} (the default dataset's primary key). */
  public static final RowSelection NONE = new RowSelection(null, null, DatasetRows.ID_FIELD);

  /** A spec that selects rows: what the shared selection setters change. */
  public interface Holder<S> {
    RowSelection selection();

    S withSelection(RowSelection selection);
  }

  public RowSelection {
    if (primaryKey == null || primaryKey.isBlank()) {
      throw new IllegalArgumentException("primaryKey: the field name is empty");
    }
  }

  public RowSelection withIds(Function<Session, long[]> ids) {
    return new RowSelection(Objects.requireNonNull(ids, "ids"), null, primaryKey);
  }

  public RowSelection withFilter(Function<Session, String> filter) {
    return new RowSelection(null, Objects.requireNonNull(filter, "filter"), primaryKey);
  }

  /** A fixed filter; null or blank selects nothing (clears ids and filter). */
  public RowSelection withFilter(String filter) {
    return filter == null || filter.isBlank() ? new RowSelection(null, null, primaryKey) : withFilter(session -> filter);
  }

  public RowSelection withPrimaryKey(String primaryKey) {
    return new RowSelection(ids, filter, primaryKey);
  }

  /** True when ids or a filter are set. */
  public boolean any() {
    return ids != null || filter != null;
  }

  /**
   * The expression one request sends: the filter, {@code <primaryKey> in [...]} for ids, or empty.
   *
   * @throws IllegalArgumentException when the user's function returned null
   */
  public String expr(Session session) {
    if (filter != null) {
      String expr = filter.apply(session);
      if (expr == null) {
        throw new IllegalArgumentException("filter: the function returned null");
      }
      return expr;
    }
    if (ids == null) {
      return "";
    }
    long[] keys = ids.apply(session);
    if (keys == null) {
      throw new IllegalArgumentException("ids: the function returned null");
    }
    StringBuilder expr = new StringBuilder(primaryKey.length() + 6 + keys.length * 8).append(primaryKey).append(" in [");
    for (int i = 0; i < keys.length; i++) {
      expr.append(i == 0 ? "" : ",").append(keys[i]);
    }
    return expr.append(']').toString();
  }
}
