package org.milvusbench.lucene.store;

import io.milvus.grpc.DataType;
import io.milvus.grpc.FieldData;
import io.milvus.grpc.FieldSchema;
import io.milvus.grpc.ScalarField;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.milvusbench.lucene.error.MilvusException;

/**
 * An insert's ARRAY column checked as Milvus's proxy checks it (validate_util.go checkArrayFieldData,
 * verifyCapacityPerRow, checkArrayElement): an {@code array_data} column, every row's elements in the
 * list of the schema's element type, at most {@code max_capacity} of them, VarChar elements within
 * {@code max_length} (UTF-8 bytes, as Go's len) and Int8 / Int16 elements in range. Milvus's messages,
 * with the field's name added where Milvus leaves it out.
 */
final class ArrayColumn {
  private ArrayColumn() {}

  /** The rows' element lists, validated. */
  static List<ScalarField> of(FieldSchema f, FieldData fd) {
    DataType element = f.getElementType();
    if (!fd.hasScalars() || !fd.getScalars().hasArrayData()) {
      throw MilvusException.invalid("array field '" + f.getName() + "' is illegal, array type mismatch: expected "
          + element + " array, got " + (fd.hasScalars() ? fd.getScalars().getDataCase() : fd.getFieldCase()));
    }
    List<ScalarField> rows = fd.getScalars().getArrayData().getDataList();
    int capacity = Integer.parseInt(SchemaView.param(f, "max_capacity").trim());
    for (int row = 0; row < rows.size(); row++) {
      ScalarField s = rows.get(row);
      if (s.getDataCase() != expected(element)) {
        throw MilvusException.invalid("insert data does not match: array field " + f.getName() + " expects "
            + element + " elements (" + expected(element) + "), but row " + row + " has " + s.getDataCase());
      }
      int length = ArrayValue.length(s, element);
      if (length > capacity) {
        throw MilvusException.invalid("the length (" + length + ") of " + row + "th array exceeds max capacity ("
            + capacity + ") of array field " + f.getName());
      }
      if (element == DataType.VarChar) {
        checkLengths(f, s.getStringData().getDataList(), row);
      } else if (element == DataType.Int8 || element == DataType.Int16) {
        checkRange(f, s.getIntData().getDataList(), element == DataType.Int8 ? Byte.MIN_VALUE : Short.MIN_VALUE,
            element == DataType.Int8 ? Byte.MAX_VALUE : Short.MAX_VALUE);
      }
    }
    return rows;
  }

  private static ScalarField.DataCase expected(DataType element) {
    return switch (element) {
      case Bool -> ScalarField.DataCase.BOOL_DATA;
      case Int8, Int16, Int32 -> ScalarField.DataCase.INT_DATA;
      case Int64 -> ScalarField.DataCase.LONG_DATA;
      case Float -> ScalarField.DataCase.FLOAT_DATA;
      case Double -> ScalarField.DataCase.DOUBLE_DATA;
      default -> ScalarField.DataCase.STRING_DATA;
    };
  }

  private static void checkLengths(FieldSchema f, List<String> values, int row) {
    int max = Integer.parseInt(SchemaView.param(f, "max_length").trim());
    for (int i = 0; i < values.size(); i++) {
      int length = values.get(i).getBytes(StandardCharsets.UTF_8).length;
      if (length > max) {
        throw MilvusException.invalid("length of Array array field \"" + f.getName() + "\" exceeds max length, row number: "
            + row + ", array index: " + i + ", length: " + length + ", max length: " + max);
      }
    }
  }

  private static void checkRange(FieldSchema f, List<Integer> values, int min, int max) {
    for (int i = 0; i < values.size(); i++) {
      int v = values.get(i);
      if (v < min || v > max) {
        throw MilvusException.invalid("the " + i + "th element (" + v + ") out of range: [" + min + ", " + max
            + "] (array field " + f.getName() + ")");
      }
    }
  }
}
