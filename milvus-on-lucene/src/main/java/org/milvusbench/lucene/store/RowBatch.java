package org.milvusbench.lucene.store;

import io.milvus.grpc.DataType;
import io.milvus.grpc.FieldData;
import io.milvus.grpc.FieldSchema;
import io.milvus.grpc.ScalarField;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import org.milvusbench.lucene.error.MilvusException;

/**
 * Insert columns, validated against the schema: every non-auto field present with {@code numRows}
 * values, vectors of the schema's dimension. Columns keep protobuf's own lists (no copies); values are
 * read per row when documents are built.
 */
public final class RowBatch {
  final int numRows;
  /** Primary keys supplied by the client, or null when auto_id assigns them. */
  final Keys clientKeys;
  /** Each vector field's floats, in {@link SchemaView#vectorFields()} order. */
  final List<List<Float>> vectors;
  private static final byte[] EMPTY_OBJECT = {'{', '}'};
  final Map<String, ScalarField> scalars = new HashMap<>();
  /** JSON fields and the dynamic field, parsed and checked; a dynamic collection's rows default to {@code {}}. */
  final Map<String, JsonValue[]> json = new HashMap<>();
  /** ARRAY fields: each row's elements, checked by {@link ArrayColumn}. */
  final Map<String, List<ScalarField>> arrays = new HashMap<>();
  /** Columns sent with valid_data: per row, the index of its value in the column or -1 (the default). */
  final Map<String, int[]> valueIndex = new HashMap<>();

  private RowBatch(int numRows, Keys clientKeys, List<List<Float>> vectors) {
    this.numRows = numRows;
    this.clientKeys = clientKeys;
    this.vectors = vectors;
  }

  public int numRows() {
    return numRows;
  }

  /** Validates and wraps the insert request's columns, the dynamic field {@code $meta} among them. */
  public static RowBatch of(SchemaView schema, List<FieldData> columns, int declaredRows) {
    Map<String, FieldData> byName = columnsByName(schema, columns);
    List<List<Float>> floats = VectorColumns.of(schema, byName);
    int rows = VectorColumns.rows(floats, schema, declaredRows);
    RowBatch batch = new RowBatch(rows, clientIds(schema, byName.get(schema.primaryName()), rows), floats);
    return withScalars(batch, schema, byName);
  }

  /**
   * The upsert request's columns. Unlike insert the primary key is always required, auto_id or not (the
   * key names the row to replace), and a key may appear only once per batch; Milvus's wording for both.
   */
  public static RowBatch forUpsert(SchemaView schema, List<FieldData> columns, int declaredRows) {
    Map<String, FieldData> byName = columnsByName(schema, columns);
    List<List<Float>> floats = VectorColumns.of(schema, byName);
    int rows = VectorColumns.rows(floats, schema, declaredRows);
    FieldData pk = byName.get(schema.primaryName());
    if (pk == null) {
      throw MilvusException.invalid("must assign pk when upsert, primary field: " + schema.primaryName());
    }
    Keys keys = keys(schema, pk, rows);
    Set<Object> distinct = new HashSet<>();
    for (int i = 0; i < keys.size(); i++) {
      if (!distinct.add(keys.get(i))) {
        throw MilvusException.invalid("duplicate primary keys are not allowed in the same batch");
      }
    }
    return withScalars(new RowBatch(rows, keys, floats), schema, byName);
  }

  /** Adds the scalar columns, each checked for its row count (and VARCHAR for max_length). */
  private static RowBatch withScalars(RowBatch batch, SchemaView schema, Map<String, FieldData> byName) {
    int rows = batch.numRows;
    for (FieldSchema f : schema.scalars()) {
      FieldData fd = byName.get(f.getName());
      if (fd == null) {
        if (f.hasDefaultValue()) {
          continue;
        }
        throw new MilvusException(MilvusException.PARAMETER_MISSING,
            "missing parameter: insert data does not contain field " + f.getName());
      }
      int[] index = valueIndex(f, fd, rows);
      int values = index == null ? rows : (int) java.util.Arrays.stream(index).filter(i -> i >= 0).count();
      checkRows(f.getName(), scalarSize(fd.getScalars(), f.getDataType()), values);
      if (index != null) {
        batch.valueIndex.put(f.getName(), index);
      }
      if (f.getDataType() == DataType.VarChar) {
        checkMaxLength(f, fd.getScalars().getStringData().getDataList());
      }
      batch.scalars.put(f.getName(), fd.getScalars());
    }
    return withJson(batch, schema, byName);
  }

  /**
   * Where each row's value sits in a column sent with {@code valid_data} (clients send only the rows
   * that have a value, and false for the others), -1 for a row that takes the field's default; null
   * when the column has a value for every row.
   */
  private static int[] valueIndex(FieldSchema f, FieldData fd, int rows) {
    if (fd.getValidDataCount() == 0) {
      return null;
    }
    checkRows(f.getName(), fd.getValidDataCount(), rows);
    int[] index = new int[rows];
    int next = 0;
    for (int row = 0; row < rows; row++) {
      boolean valid = fd.getValidData(row);
      if (!valid && !f.hasDefaultValue()) {
        throw MilvusException.invalid("the field " + f.getName() + " is not nullable and has no default value,"
            + " but row " + row + " has none");
      }
      index[row] = valid ? next++ : -1;
    }
    return index;
  }

  /** Each JSON column's values parsed (a JSON field is required; the dynamic field may be left out). */
  private static RowBatch withJson(RowBatch batch, SchemaView schema, Map<String, FieldData> byName) {
    for (FieldSchema f : schema.valueFields()) {
      if (f.getDataType() != DataType.JSON) {
        continue;
      }
      FieldData fd = byName.get(f.getName());
      if (fd == null && !f.getIsDynamic()) {
        throw new MilvusException(MilvusException.PARAMETER_MISSING,
            "missing parameter: insert data does not contain field " + f.getName());
      }
      List<com.google.protobuf.ByteString> data = fd == null ? null : fd.getScalars().getJsonData().getDataList();
      if (data != null) {
        checkRows(f.getName(), data.size(), batch.numRows);
      }
      JsonValue[] values = new JsonValue[batch.numRows];
      for (int row = 0; row < values.length; row++) {
        byte[] bytes = data == null ? EMPTY_OBJECT : data.get(row).toByteArray();
        values[row] = JsonValue.of(bytes, f.getName(), row, f.getIsDynamic());
      }
      batch.json.put(f.getName(), values);
    }
    return withArrays(batch, schema, byName);
  }

  /** Each ARRAY column, required (no defaults, no nulls here) and checked per row. */
  private static RowBatch withArrays(RowBatch batch, SchemaView schema, Map<String, FieldData> byName) {
    for (FieldSchema f : schema.valueFields()) {
      if (f.getDataType() != DataType.Array) {
        continue;
      }
      FieldData fd = byName.get(f.getName());
      if (fd == null) {
        throw new MilvusException(MilvusException.PARAMETER_MISSING,
            "missing parameter: insert data does not contain field " + f.getName());
      }
      if (fd.getValidDataCount() > 0) {
        valueIndex(f, fd, batch.numRows); // refuses a row without a value, as for any field without a default
      }
      List<ScalarField> rows = ArrayColumn.of(f, fd);
      checkRows(f.getName(), rows.size(), batch.numRows);
      batch.arrays.put(f.getName(), rows);
    }
    return batch;
  }

  /** The schema's columns by name (the dynamic field's as {@code $meta}); unknown ones are refused. */
  private static Map<String, FieldData> columnsByName(SchemaView schema, List<FieldData> columns) {
    Map<String, FieldData> byName = new HashMap<>();
    for (FieldData fd : columns) {
      if (fd.getIsDynamic() || SchemaView.DYNAMIC_FIELD.equals(fd.getFieldName())) {
        if (!schema.dynamic()) {
          throw MilvusException.fieldNotFound(fd.getFieldName(), "dynamic field data sent, but the collection"
              + " has no dynamic field (enable_dynamic_field is false)");
        }
        byName.put(SchemaView.DYNAMIC_FIELD, fd);
        continue;
      }
      if (schema.field(fd.getFieldName()) == null) {
        throw MilvusException.fieldNotFound(fd.getFieldName(), schema.dynamic()
            ? "the field is not in the collection schema; extra keys of a dynamic collection go in " + SchemaView.DYNAMIC_FIELD
            : "the field is not in the collection schema and dynamic field is disabled");
      }
      byName.put(fd.getFieldName(), fd);
    }
    return byName;
  }

  /** The client's primary keys, or null when auto_id assigns them (then the client must send none). */
  private static Keys clientIds(SchemaView schema, FieldData pk, int rows) {
    if (schema.autoId()) {
      if (pk != null) {
        throw MilvusException.invalid("the primary key field " + schema.primaryName()
            + " is auto-generated, no need to provide it");
      }
      return null;
    }
    if (pk == null) {
      throw new MilvusException(MilvusException.PARAMETER_MISSING,
          "missing parameter: insert data does not contain the primary key field " + schema.primaryName());
    }
    return keys(schema, pk, rows);
  }

  /** The key column as the schema's key type; VarChar keys are held to max_length like any VarChar. */
  private static Keys keys(SchemaView schema, FieldData pk, int rows) {
    if (schema.primary().getDataType() == DataType.VarChar) {
      List<String> ids = pk.getScalars().getStringData().getDataList();
      checkRows(schema.primaryName(), ids.size(), rows);
      checkMaxLength(schema.primary(), ids);
      return new Keys.Strings(ids.toArray(new String[0]));
    }
    List<Long> ids = pk.getScalars().getLongData().getDataList();
    checkRows(schema.primaryName(), ids.size(), rows);
    return new Keys.Longs(ids.stream().mapToLong(Long::longValue).toArray());
  }

  /** Milvus rejects the whole insert when a VARCHAR exceeds max_length (counted in UTF-8 bytes, as Go's len). */
  private static void checkMaxLength(FieldSchema f, List<String> values) {
    String max = SchemaView.param(f, "max_length");
    if (max == null) {
      return;
    }
    int limit = Integer.parseInt(max.trim());
    for (int row = 0; row < values.size(); row++) {
      int length = values.get(row).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      if (length > limit) {
        throw MilvusException.invalid("length of varchar field " + f.getName() + " exceeds max length, row number: " + row
            + ", length: " + length + ", max length: " + limit);
      }
    }
  }

  static void checkRows(String field, int size, int rows) {
    if (size != rows) {
      throw MilvusException.invalid("the num_rows (" + size + ") of field (" + field
          + ") is not equal to passed num_rows (" + rows + ")");
    }
  }

  static int scalarSize(ScalarField s, DataType t) {
    switch (t) {
      case Bool:
        return s.getBoolData().getDataCount();
      case Int8:
      case Int16:
      case Int32:
        return s.getIntData().getDataCount();
      case Int64:
        return s.getLongData().getDataCount();
      case Float:
        return s.getFloatData().getDataCount();
      case Double:
        return s.getDoubleData().getDataCount();
      default:
        return s.getStringData().getDataCount();
    }
  }

  /** Row {@code row}'s vector of the {@code field}-th vector field ({@link SchemaView#vectorFields()}) copied into {@code out}. */
  void vector(int field, int row, float[] out) {
    List<Float> column = vectors.get(field);
    int base = row * out.length;
    for (int i = 0; i < out.length; i++) {
      out[i] = column.get(base + i);
    }
  }
}
