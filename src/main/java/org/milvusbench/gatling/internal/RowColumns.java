package org.milvusbench.gatling.internal;

import io.milvus.grpc.BoolArray;
import io.milvus.grpc.DataType;
import io.milvus.grpc.DoubleArray;
import io.milvus.grpc.FieldData;
import io.milvus.grpc.FloatArray;
import io.milvus.grpc.IntArray;
import io.milvus.grpc.LongArray;
import io.milvus.grpc.ScalarField;
import io.milvus.grpc.StringArray;
import io.milvus.grpc.VectorField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A user's rows (field name → value) turned into Milvus's columns, one {@link FieldData} per field
 * as milvus-sdk-java sends them. Without the collection's schema the type comes from the Java value,
 * the same in every row: Long INT64, Integer INT32, Short INT16, Byte INT8, Boolean BOOL, Float
 * FLOAT, Double DOUBLE, String VARCHAR, float[] or a list of numbers FLOAT_VECTOR (its length the
 * dimension).
 */
final class RowColumns {
  private RowColumns() {}

  /**
   * The columns of {@code rows}, fields in the first row's order.
   *
   * @throws IllegalArgumentException naming the row and field, if rows differ in their fields, a
   *     value is null or of another type than in the first row, or vectors differ in dimension
   */
  static List<FieldData> of(List<Map<String, Object>> rows) {
    if (rows == null || rows.isEmpty()) {
      throw new IllegalArgumentException("no rows");
    }
    Map<String, Object> first = rows.get(0);
    for (int r = 1; r < rows.size(); r++) {
      if (!rows.get(r).keySet().equals(first.keySet())) {
        throw new IllegalArgumentException("row " + r + " has fields " + rows.get(r).keySet() + ", row 0 has "
            + first.keySet());
      }
    }
    List<FieldData> columns = new ArrayList<>(first.size());
    for (Map.Entry<String, Object> field : first.entrySet()) {
      columns.add(column(rows, field.getKey(), field.getValue()));
    }
    return columns;
  }

  private static FieldData column(List<Map<String, Object>> rows, String name, Object firstValue) {
    FieldData.Builder column = FieldData.newBuilder().setFieldName(name);
    if (firstValue instanceof float[] || firstValue instanceof List<?>) {
      return column.setType(DataType.FloatVector).setVectors(vectors(rows, name)).build();
    }
    ScalarField.Builder scalars = ScalarField.newBuilder();
    if (firstValue instanceof Long) {
      LongArray.Builder values = LongArray.newBuilder();
      rows.forEach(row -> values.addData(value(row, name, Long.class, rows)));
      column.setType(DataType.Int64).setScalars(scalars.setLongData(values));
    } else if (firstValue instanceof Integer || firstValue instanceof Short || firstValue instanceof Byte) {
      Class<? extends Number> type = ((Number) firstValue).getClass();
      IntArray.Builder values = IntArray.newBuilder();
      rows.forEach(row -> values.addData(value(row, name, type, rows).intValue()));
      DataType wire = firstValue instanceof Integer ? DataType.Int32 : firstValue instanceof Short ? DataType.Int16 : DataType.Int8;
      column.setType(wire).setScalars(scalars.setIntData(values));
    } else if (firstValue instanceof Boolean) {
      BoolArray.Builder values = BoolArray.newBuilder();
      rows.forEach(row -> values.addData(value(row, name, Boolean.class, rows)));
      column.setType(DataType.Bool).setScalars(scalars.setBoolData(values));
    } else if (firstValue instanceof Float) {
      FloatArray.Builder values = FloatArray.newBuilder();
      rows.forEach(row -> values.addData(value(row, name, Float.class, rows)));
      column.setType(DataType.Float).setScalars(scalars.setFloatData(values));
    } else if (firstValue instanceof Double) {
      DoubleArray.Builder values = DoubleArray.newBuilder();
      rows.forEach(row -> values.addData(value(row, name, Double.class, rows)));
      column.setType(DataType.Double).setScalars(scalars.setDoubleData(values));
    } else if (firstValue instanceof String) {
      StringArray.Builder values = StringArray.newBuilder();
      rows.forEach(row -> values.addData(value(row, name, String.class, rows)));
      column.setType(DataType.VarChar).setScalars(scalars.setStringData(values));
    } else {
      throw new IllegalArgumentException("row 0, field \"" + name + "\": " + describe(firstValue) + " is not one of"
          + " Long, Integer, Short, Byte, Boolean, Float, Double, String, float[] or a list of numbers");
    }
    return column.build();
  }

  private static VectorField vectors(List<Map<String, Object>> rows, String name) {
    FloatArray.Builder floats = FloatArray.newBuilder();
    int dimension = -1;
    for (int r = 0; r < rows.size(); r++) {
      float[] vector = vector(rows.get(r).get(name), r, name);
      if (dimension >= 0 && vector.length != dimension) {
        throw new IllegalArgumentException("row " + r + ", field \"" + name + "\": a vector of " + vector.length
            + " components, row 0 has " + dimension);
      }
      dimension = vector.length;
      for (float component : vector) {
        floats.addData(component);
      }
    }
    return VectorField.newBuilder().setDim(dimension).setFloatVector(floats).build();
  }

  private static float[] vector(Object value, int row, String name) {
    if (value instanceof float[] floats) {
      return floats;
    }
    if (value instanceof List<?> list) {
      float[] vector = new float[list.size()];
      for (int i = 0; i < vector.length; i++) {
        if (!(list.get(i) instanceof Number number)) {
          throw new IllegalArgumentException("row " + row + ", field \"" + name + "\": component " + i + " is "
              + describe(list.get(i)) + ", expected a number");
        }
        vector[i] = number.floatValue();
      }
      return vector;
    }
    throw new IllegalArgumentException("row " + row + ", field \"" + name + "\": " + describe(value)
        + ", expected float[] or a list of numbers as in row 0");
  }

  /** The value of {@code name} in {@code row}, of the first row's type. */
  private static <T> T value(Map<String, Object> row, String name, Class<T> type, List<Map<String, Object>> rows) {
    Object value = row.get(name);
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException("row " + rows.indexOf(row) + ", field \"" + name + "\": " + describe(value)
          + ", expected " + type.getSimpleName() + " as in row 0");
    }
    return type.cast(value);
  }

  private static String describe(Object value) {
    return value == null ? "null" : "a " + value.getClass().getSimpleName();
  }
}
