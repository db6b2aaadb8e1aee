package org.milvusbench.gatling;

import io.gatling.javaapi.core.Session;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.milvusbench.gatling.core.DatasetRows;
import org.milvusbench.gatling.core.RowSource;
import org.milvusbench.gatling.internal.WriteSpec;

/**
 * DSL for a Milvus insert or upsert (one builder for both, as Gatling's HTTP builder serves POST
 * and PUT). Start from {@link MilvusDsl#insert(String)} or {@link MilvusDsl#upsert(String)}:
 *
 * <pre>{@code
 * insert("load").collection("benchmark_concurrent").rows(datasetRows().startingAt(50_000)).batchSize(100)
 * }</pre>
 *
 * <p>Immutable, so every method returns a new builder and leaves this one unmodified.
 */
public final class MilvusWriteActionBuilder extends MilvusDataActionBuilder<MilvusWriteActionBuilder, WriteSpec> {
  /** Default rows per request from a {@link RowSource}. */
  public static final int DEFAULT_BATCH_SIZE = WriteSpec.DEFAULT_BATCH_SIZE;

  MilvusWriteActionBuilder(WriteSpec wrapped) {
    super(wrapped, MilvusWriteActionBuilder::new);
  }

  /**
   * Takes {@link #batchSize} rows per request from {@code rows}, shared by all users (e.g. {@link
   * DatasetRows}, the default dataset's rows). Replaces any earlier {@code rows(...)}. Required: one
   * of the {@code rows} methods, no default.
   */
  public MilvusWriteActionBuilder rows(RowSource rows) {
    return make(s -> s.withRows(rows));
  }

  /**
   * Computes one request's rows from the session: field name → value, each row with the same
   * fields, typed by their Java values (Long INT64, Integer INT32, Short INT16, Byte INT8, Boolean
   * BOOL, Float FLOAT, Double DOUBLE, String VARCHAR, float[] or a list of numbers FLOAT_VECTOR).
   * Replaces any earlier {@code rows(...)}. Required: one of the {@code rows} methods, no default.
   */
  public MilvusWriteActionBuilder rows(Function<Session, List<Map<String, Object>>> rows) {
    return make(s -> s.withRowsFunction(rows));
  }

  /**
   * Sets the rows per request taken from a {@link RowSource}, a positive integer (rows from a
   * function are as many as it returns). Default {@value #DEFAULT_BATCH_SIZE}.
   */
  public MilvusWriteActionBuilder batchSize(int rows) {
    return make(s -> s.withBatchSize(rows));
  }

  /**
   * After each successful request, saves the primary keys Milvus reports as session attribute
   * {@code key}: a {@code long[]} for INT64 keys (auto_id ones included), a {@code String[]} for
   * VARCHAR keys, in row order. For a later delete or upsert of the same rows, as Gatling's {@code
   * saveAs}. Default: nothing saved.
   */
  public MilvusWriteActionBuilder saveIdsAs(String key) {
    return make(s -> s.withIdsKey(key));
  }
}
