package org.milvusbench.gatling;

import java.util.List;
import org.milvusbench.gatling.core.ConsistencyLevel;
import org.milvusbench.gatling.internal.QuerySpec;

/**
 * DSL for a Milvus query: rows by primary keys or by filter, or their count. Start from {@link
 * MilvusDsl#query(String)}:
 *
 * <pre>{@code
 * query("B rows").collection("benchmark_concurrent").filter("category == \"B\"").outputFields("category").limit(10)
 * query("rows").collection("benchmark_concurrent").countAll()
 * }</pre>
 *
 * <p>Immutable, so every method returns a new builder and leaves this one unmodified.
 */
public final class MilvusQueryActionBuilder
    extends MilvusSelectingActionBuilder<MilvusQueryActionBuilder, QuerySpec> {

  MilvusQueryActionBuilder(QuerySpec wrapped) {
    super(wrapped, MilvusQueryActionBuilder::new);
  }

  /** Sets the fields returned per row (the primary key always is). Default none: the primary key only. */
  public MilvusQueryActionBuilder outputFields(String... fields) {
    return make(s -> s.withOutputFields(List.of(fields)));
  }

  /**
   * Sets the most rows returned, a positive integer; needed when neither ids nor a filter are set,
   * as in Milvus. Default: not sent (all selected rows, within the server's window).
   */
  public MilvusQueryActionBuilder limit(long rows) {
    return make(s -> s.withLimit(rows));
  }

  /** Sets the rows skipped before the first one returned, 0 or more. Default 0 (not sent). */
  public MilvusQueryActionBuilder offset(long rows) {
    return make(s -> s.withOffset(rows));
  }

  /**
   * Counts the selected rows (all, without ids or filter) instead of returning them: the output
   * field {@code count(*)}; observers get the count as the query's rows. Cannot be combined with
   * output fields, limit or offset. Default: rows are returned.
   */
  public MilvusQueryActionBuilder countAll() {
    return make(s -> s.withCountAll(true));
  }

  /** Sets the consistency level; null = the collection's. Default: not sent (the collection's, as MilvusClientV2). */
  public MilvusQueryActionBuilder consistencyLevel(ConsistencyLevel level) {
    return make(s -> s.withConsistency(level));
  }
}
