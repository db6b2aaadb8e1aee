package org.milvusbench.gatling.core;

import io.milvus.grpc.DataType;
import io.milvus.grpc.FieldData;
import io.milvus.grpc.FloatArray;
import io.milvus.grpc.LongArray;
import io.milvus.grpc.ScalarField;
import io.milvus.grpc.StringArray;
import io.milvus.grpc.VectorField;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.milvusbench.dataprep.DataPrepConfig;
import org.milvusbench.dataprep.source.RandomNormalSource;
import org.milvusbench.dataprep.source.Sources;

/**
 * The default dataset's rows, as data-prep seeds them: {@code embedding}, an L2-normalised vector
 * of N(0,1) components, and {@code category}, one of A–D, both pure functions of (seed, row index),
 * so row {@code i} is the same vector and category data-prep writes as its row {@code i}. With
 * {@link #withIds()} every row also carries its row index as the INT64 primary key {@code id} (for
 * upserts, or collections without auto_id).
 *
 * <p>A lock-free cursor hands the rows out in order from the first row: concurrent callers get
 * disjoint batches and, in all, every row once. Immutable otherwise; each source has its own
 * cursor. Rows are generated as each request is built, on the virtual user's event loop: drawing
 * the N(0,1) components is most of a generator's cost per insert.
 */
public final class DatasetRows extends RowSource {
  /** The primary key field (INT64), sent only {@link #withIds()}. */
  public static final String ID_FIELD = "id";
  /** The vector field (FLOAT_VECTOR). */
  public static final String VECTOR_FIELD = "embedding";
  /** The category field (VARCHAR(10)). */
  public static final String CATEGORY_FIELD = "category";
  /** Dimension of data-prep's default profile. */
  public static final int DEFAULT_DIMENSION = 768;
  /** data-prep's default seed. */
  public static final long DEFAULT_SEED = 42;

  private final int dimension;
  private final long seed;
  private final long firstRow;
  private final boolean withIds;
  private final RandomNormalSource vectors;
  private final AtomicLong cursor;

  private DatasetRows(int dimension, long seed, long firstRow, boolean withIds) {
    if (dimension < 1 || dimension > 32_768) {
      throw new IllegalArgumentException("dataset rows: dimension " + dimension + " is not in 1..32768");
    }
    if (firstRow < 0) {
      throw new IllegalArgumentException("dataset rows: first row " + firstRow + " is negative");
    }
    this.dimension = dimension;
    this.seed = seed;
    this.firstRow = firstRow;
    this.withIds = withIds;
    this.vectors = new RandomNormalSource(dimension, seed);
    this.cursor = new AtomicLong(firstRow);
  }

  /**
   * The rows of {@code dimension}-dimensional vectors under {@code seed}, from row 0, without ids.
   *
   * @throws IllegalArgumentException if the dimension is not in 1..32768
   */
  public static DatasetRows of(int dimension, long seed) {
    return new DatasetRows(dimension, seed, 0, false);
  }

  /** The same rows handed out from row {@code row} on (e.g. past the rows data-prep seeded), with a new cursor. */
  public DatasetRows startingAt(long row) {
    return new DatasetRows(dimension, seed, row, withIds);
  }

  /** The same rows, each carrying its row index as {@link #ID_FIELD}, with a new cursor. */
  public DatasetRows withIds() {
    return new DatasetRows(dimension, seed, firstRow, true);
  }

  /** The vectors' dimension. */
  public int dimension() {
    return dimension;
  }

  /** The row the next call to {@link #next} starts at. */
  public long nextRow() {
    return cursor.get();
  }

  @Override
  public List<FieldData> next(int rows) {
    if (rows < 1) {
      throw new IllegalArgumentException("dataset rows: " + rows + " rows asked for, expected 1 or more");
    }
    return rows(cursor.getAndAdd(rows), rows);
  }

  /** The next {@code keys.length} rows from the cursor, with {@code keys} as their primary keys. */
  public List<FieldData> nextWithKeys(long[] keys) {
    return rowsWithKeys(cursor.getAndAdd(keys.length), keys);
  }

  /** Row {@code row}'s vector: the same as in {@link #rows}. */
  public float[] vector(long row) {
    float[][] one = new float[1][dimension];
    vectors.read(row, 1, one);
    return one[0];
  }

  /** The columns of rows {@code [first, first + count)}, whatever the cursor: always the same values. */
  public List<FieldData> rows(long first, int count) {
    return columns(first, count, withIds ? null : NO_KEYS);
  }

  /**
   * The columns of rows {@code [first, first + keys.length)} with {@code keys} as their primary
   * keys (e.g. to upsert rows whose keys Milvus assigned).
   */
  public List<FieldData> rowsWithKeys(long first, long[] keys) {
    return columns(first, keys.length, keys);
  }

  private static final long[] NO_KEYS = new long[0];

  /** {@code keys}: null = the row indices, {@link #NO_KEYS} = no key column, else these keys. */
  private List<FieldData> columns(long first, int count, long[] keys) {
    float[][] batch = new float[count][dimension];
    vectors.read(first, count, batch);
    FloatArray.Builder floats = FloatArray.newBuilder();
    StringArray.Builder categories = StringArray.newBuilder();
    LongArray.Builder ids = LongArray.newBuilder();
    for (int i = 0; i < count; i++) {
      for (float component : batch[i]) {
        floats.addData(component);
      }
      categories.addData(Sources.category(seed, first + i, DataPrepConfig.DEFAULT_CATEGORIES));
      ids.addData(keys == null ? first + i : keys.length == 0 ? 0 : keys[i]);
    }
    List<FieldData> columns = new ArrayList<>(3);
    if (keys != NO_KEYS) {
      columns.add(FieldData.newBuilder().setFieldName(ID_FIELD).setType(DataType.Int64)
          .setScalars(ScalarField.newBuilder().setLongData(ids)).build());
    }
    columns.add(FieldData.newBuilder().setFieldName(VECTOR_FIELD).setType(DataType.FloatVector)
        .setVectors(VectorField.newBuilder().setDim(dimension).setFloatVector(floats)).build());
    columns.add(FieldData.newBuilder().setFieldName(CATEGORY_FIELD).setType(DataType.VarChar)
        .setScalars(ScalarField.newBuilder().setStringData(categories)).build());
    return columns;
  }
}
