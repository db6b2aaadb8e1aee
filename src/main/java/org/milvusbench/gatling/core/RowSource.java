package org.milvusbench.gatling.core;

import io.milvus.grpc.FieldData;
import java.util.List;

/**
 * Rows for insert and upsert actions, already in Milvus's column form: one {@link FieldData} per
 * field, as milvus-sdk-java puts them in an {@code InsertRequest}.
 *
 * <p>Implementations are thread-safe and hand out each row once: users on several event loops call
 * {@link #next} at once and get disjoint batches. The rows themselves must not depend on who asks
 * or when, so a run can be repeated (see {@link DatasetRows}).
 *
 * <p>A class, not an interface: a lambda passed to {@code rows(...)} is then always the per-session
 * rows function, never ambiguous.
 */
public abstract class RowSource {

  /** The columns of the next {@code rows} rows, each column holding exactly {@code rows} values. */
  public abstract List<FieldData> next(int rows);
}
