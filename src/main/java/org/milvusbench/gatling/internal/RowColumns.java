package org.milvusbench.gatling.internal;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
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
import java.util.function.Function;
import java.util.function.Supplier;

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

  /** How one Java type is sent: its Milvus type and the typed array of {@link ScalarField} that holds it. */
  private record Scalar(Class<?> type, DataType wire, Supplier<Message.Builder> array, int scalarField,
      Function<Object, Object> toWire) {}

  private static final List<Scalar> SCALARS = List.of(
      new Scalar(Long.class, DataType.Int64, LongArray::newBuilder, ScalarField.LONG_DATA_FIELD_NUMBER, v -> v),
      new Scalar(Integer.class, DataType.Int32, IntArray::newBuilder, ScalarField.INT_DATA_FIELD_NUMBER, v -> v),
      new Scalar(Short.class, DataType.Int16, IntArray::newBuilder, ScalarField.INT_DATA_FIELD_NUMBER,
          v -> (int) (Short) v),
      new Scalar(Byte.class, DataType.Int8, IntArray::newBuilder, ScalarField.INT_DATA_FIELD_NUMBER, v -> (int) (Byte) v),
      new Scalar(Boolean.class, DataType.Bool, BoolArray::newBuilder, ScalarField.BOOL_DATA_FIELD_NUMBER, v -> v),
      new Scalar(Float.class, DataType.Float, FloatArray::newBuilder, ScalarField.FLOAT_DATA_FIELD_NUMBER, v -> v),
      new Scalar(Double.class, DataType.Double, DoubleArray::newBuilder, ScalarField.DOUBLE_DATA_FIELD_NUMBER, v -> v),
      new Scalar(String.class, DataType.VarChar, StringArray::newBuilder, ScalarField.STRING_DATA_FIELD_NUMBER, v -> v));

  private static FieldData column(List<Map<String, Object>> rows, String name, Object firstValue) {
    FieldData.Builder column = FieldData.newBuilder().setFieldName(name);
    if (firstValue instanceof float[] || firstValue instanceof List<?>) {
      return column.setType(DataType.FloatVector).setVectors(vectors(rows, name)).build();
    }
    Scalar scalar = SCALARS.stream().filter(s -> s.type().isInstance(firstValue)).findFirst().orElseThrow(() ->
        new IllegalArgumentException("row 0, field \"" + name + "\": " + describe(firstValue) + " is not one of"
            + " Long, Integer, Short, Byte, Boolean, Float, Double, String, float[] or a list of numbers"));
    // Each typed array (LongArray, StringArray, ...) is one repeated field "data": filled the same way for all.
    Message.Builder values = scalar.array().get();
    FieldDescriptor data = values.getDescriptorForType().findFieldByName("data");
    for (int r = 0; r < rows.size(); r++) {
      values.addRepeatedField(data, scalar.toWire().apply(value(rows.get(r), r, name, scalar.type())));
    }
    ScalarField.Builder scalars = ScalarField.newBuilder();
    scalars.setField(ScalarField.getDescriptor().findFieldByNumber(scalar.scalarField()), values.build());
    return column.setType(scalar.wire()).setScalars(scalars).build();
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

  /** The value of {@code name} in row {@code r}, of the first row's type. */
  private static Object value(Map<String, Object> row, int r, String name, Class<?> type) {
    Object value = row.get(name);
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException("row " + r + ", field \"" + name + "\": " + describe(value)
          + ", expected " + type.getSimpleName() + " as in row 0");
    }
    return value;
  }

  private static String describe(Object value) {
    return value == null ? "null" : value.getClass().getSimpleName();
  }
}
