package org.milvusbench.gatling.internal;

import java.util.List;
import java.util.Objects;
import org.milvusbench.gatling.core.ConsistencyLevel;
import org.milvusbench.gatling.core.OperationObserver;

/**
 * Everything a query action is built from: the value {@code MilvusQueryActionBuilder} wraps.
 *
 * @param base name, collection, observer, schedule, silence; its kind is {@code QUERY}
 * @param selection the rows each request reads; none = all (then a limit is needed, as in Milvus)
 * @param outputFields fields returned per row; unmodifiable
 * @param limit rows returned at most; 0 = not sent
 * @param offset rows skipped first; 0 = not sent
 * @param countAll return {@code count(*)} of the selected rows instead of rows
 * @param consistency the consistency level; null = the collection's (MilvusClientV2's default)
 */
public record QuerySpec(
    ActionSpec<OperationObserver> base, RowSelection selection, List<String> outputFields, long limit, long offset,
    boolean countAll, ConsistencyLevel consistency)
    implements DataSpec<QuerySpec>, RowSelection.Holder<QuerySpec> {

  public QuerySpec {
    Objects.requireNonNull(selection, "selection");
    outputFields = List.copyOf(outputFields);
    if (limit < 0) {
      throw new IllegalArgumentException("limit: " + limit + " is not a positive integer");
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset: " + offset + " is negative");
    }
  }

  /** A query named {@code requestName}: nothing selected, no output fields, limit and offset not sent. */
  public static QuerySpec named(String requestName) {
    return new QuerySpec(ActionSpec.named(ActionSpec.Kind.QUERY, requestName, OperationObserver.NONE), RowSelection.NONE,
        List.of(), 0, 0, false, null);
  }

  @Override
  public QuerySpec withBase(ActionSpec<OperationObserver> base) {
    return new QuerySpec(base, selection, outputFields, limit, offset, countAll, consistency);
  }

  @Override
  public QuerySpec withSelection(RowSelection selection) {
    return new QuerySpec(base, selection, outputFields, limit, offset, countAll, consistency);
  }

  public QuerySpec withOutputFields(List<String> outputFields) {
    return new QuerySpec(base, selection, outputFields, limit, offset, countAll, consistency);
  }

  /** At least 1. */
  public QuerySpec withLimit(long limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit: " + limit + " is not a positive integer");
    }
    return new QuerySpec(base, selection, outputFields, limit, offset, countAll, consistency);
  }

  public QuerySpec withOffset(long offset) {
    return new QuerySpec(base, selection, outputFields, limit, offset, countAll, consistency);
  }

  public QuerySpec withCountAll(boolean countAll) {
    return new QuerySpec(base, selection, outputFields, limit, offset, countAll, consistency);
  }

  public QuerySpec withConsistency(ConsistencyLevel consistency) {
    return new QuerySpec(base, selection, outputFields, limit, offset, countAll, consistency);
  }

  /**
   * This spec, if an action can be built from it.
   *
   * @throws IllegalStateException naming the action and what is missing or cannot be combined
   */
  @Override
  public QuerySpec requireComplete() {
    base.requireCollection();
    if (countAll && (!outputFields.isEmpty() || limit > 0 || offset > 0)) {
      throw new IllegalStateException(
          base.label() + ": countAll() returns count(*) alone, without outputFields, limit or offset");
    }
    if (!countAll && !selection.any() && limit == 0) {
      throw new IllegalStateException(
          base.label() + ": no ids, filter or limit (call .ids(...), .filter(...) or .limit(n))");
    }
    return this;
  }

  @Override
  public Operation<?, ?> operation(MilvusProtocol protocol) {
    return OperationRequests.query(this, protocol);
  }
}
