package org.milvusbench.lucene.store;

import io.milvus.grpc.DataType;
import io.milvus.grpc.FieldSchema;
import io.milvus.grpc.ValueField;
import java.nio.charset.StandardCharsets;
import org.milvusbench.lucene.error.MilvusException;

/**
 * A scalar field's {@code default_value}: checked against the field at create, and the value a row gets
 * when the insert leaves the field out (no column, or {@code valid_data} false for the row, which is how
 * clients send a row without the key), in the form {@link DocCodec} indexes (Long, Double or String).
 */
final class DefaultValues {
  private DefaultValues() {}

  /** Milvus's rules: no default on the key, a JSON field or a vector, and one of the field's own type. */
  static void check(FieldSchema f) {
    if (f.getIsPrimaryKey() || !SchemaView.isScalar(f.getDataType())) {
      throw MilvusException.invalid("default value is not supported on field " + f.getName() + " of type "
          + f.getDataType() + (f.getIsPrimaryKey() ? " (the primary key)" : ""));
    }
    ValueField v = f.getDefaultValue();
    ValueField.DataCase expected = switch (f.getDataType()) {
      case Bool -> ValueField.DataCase.BOOL_DATA;
      case Int8, Int16, Int32 -> ValueField.DataCase.INT_DATA;
      case Int64 -> ValueField.DataCase.LONG_DATA;
      case Float -> ValueField.DataCase.FLOAT_DATA;
      case Double -> ValueField.DataCase.DOUBLE_DATA;
      default -> ValueField.DataCase.STRING_DATA;
    };
    if (v.getDataCase() != expected) {
      throw MilvusException.invalid("type (" + f.getDataType() + ") of field (" + f.getName()
          + ") is not equal to the type (" + v.getDataCase() + ") of default value");
    }
    if (f.getDataType() == DataType.VarChar) {
      String max = SchemaView.param(f, "max_length");
      int length = v.getStringData().getBytes(StandardCharsets.UTF_8).length;
      if (max != null && length > Integer.parseInt(max.trim())) {
        throw MilvusException.invalid("the length (" + length + ") of string exceeds max length (" + max.trim()
            + ") of field " + f.getName() + "'s default value");
      }
    }
  }

  /** The default of {@code f} as indexed, or null when it has none. */
  static Object of(FieldSchema f) {
    if (!f.hasDefaultValue()) {
      return null;
    }
    ValueField v = f.getDefaultValue();
    return switch (v.getDataCase()) {
      case BOOL_DATA -> v.getBoolData() ? 1L : 0L;
      case INT_DATA -> (long) v.getIntData();
      case LONG_DATA -> v.getLongData();
      case FLOAT_DATA -> (double) v.getFloatData();
      case DOUBLE_DATA -> v.getDoubleData();
      default -> v.getStringData();
    };
  }
}
