package org.milvusbench.gatling.internal;

import io.gatling.javaapi.core.Session;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.milvusbench.gatling.core.OperationObserver;
import org.milvusbench.gatling.core.RowSource;

/**
 * Everything an insert or upsert action is built from: the value {@code MilvusWriteActionBuilder}
 * wraps. Exactly one of {@code rows} and {@code rowsFunction} is set once rows are given: each
 * {@code with} of one clears the other.
 *
 * @param base name, collection, observer, schedule, silence; its kind is {@code INSERT} or {@code UPSERT}
 * @param rows a source handing out {@code batchSize} rows per request; or null
 * @param rowsFunction the rows of one request, from the session; or null
 * @param batchSize rows per request from {@code rows}, at least 1
 * @param idsKey the session attribute a successful request's primary keys are saved as; or null
 */
public record WriteSpec(
    ActionSpec<OperationObserver> base, RowSource rows, Function<Session, List<Map<String, Object>>> rowsFunction,
    int batchSize, String idsKey) implements DataSpec<WriteSpec> {

  /** Rows per request unless set. */
  public static final int DEFAULT_BATCH_SIZE = 100;

  public WriteSpec {
    if (base.kind() != ActionSpec.Kind.INSERT && base.kind() != ActionSpec.Kind.UPSERT) {
      throw new IllegalArgumentException("a write is an insert or an upsert, not a " + base.kind());
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize: " + batchSize + " is not a positive integer");
    }
    if (idsKey != null && idsKey.isBlank()) {
      throw new IllegalArgumentException("saveIdsAs: the attribute name is empty");
    }
  }

  /** An insert ({@code upsert} false) or upsert named {@code requestName}: no rows, {@value #DEFAULT_BATCH_SIZE} a batch. */
  public static WriteSpec named(boolean upsert, String requestName) {
    ActionSpec.Kind kind = upsert ? ActionSpec.Kind.UPSERT : ActionSpec.Kind.INSERT;
    return new WriteSpec(ActionSpec.named(kind, requestName, OperationObserver.NONE), null, null, DEFAULT_BATCH_SIZE, null);
  }

  public boolean upsert() {
    return base.kind() == ActionSpec.Kind.UPSERT;
  }

  @Override
  public WriteSpec withBase(ActionSpec<OperationObserver> base) {
    return new WriteSpec(base, rows, rowsFunction, batchSize, idsKey);
  }

  public WriteSpec withRows(RowSource rows) {
    return new WriteSpec(base, Objects.requireNonNull(rows, "rows"), null, batchSize, idsKey);
  }

  public WriteSpec withRowsFunction(Function<Session, List<Map<String, Object>>> rows) {
    return new WriteSpec(base, null, Objects.requireNonNull(rows, "rows"), batchSize, idsKey);
  }

  public WriteSpec withBatchSize(int batchSize) {
    return new WriteSpec(base, rows, rowsFunction, batchSize, idsKey);
  }

  public WriteSpec withIdsKey(String idsKey) {
    return new WriteSpec(base, rows, rowsFunction, batchSize, idsKey);
  }

  /**
   * This spec, if an action can be built from it.
   *
   * @throws IllegalStateException naming the action and the missing setting
   */
  @Override
  public WriteSpec requireComplete() {
    base.requireCollection();
    if (rows == null && rowsFunction == null) {
      throw new IllegalStateException(base.label() + ": no rows (call .rows(...))");
    }
    return this;
  }

  @Override
  public Operation<?, ?> operation(MilvusProtocol protocol) {
    return upsert() ? OperationRequests.upsert(this, protocol) : OperationRequests.insert(this, protocol);
  }
}
