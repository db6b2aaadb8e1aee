package org.milvusbench.lucene.store;

import com.google.protobuf.InvalidProtocolBufferException;
import io.milvus.grpc.DataType;
import io.milvus.grpc.ScalarField;

/**
 * One row's value of an ARRAY field: the {@link ScalarField} of its elements as the client sent it
 * (IntData for Int8-32 elements, LongData, BoolData, FloatData, DoubleData or StringData), which is what
 * Milvus returns inside the column's {@code array_data}. Kept in a binary doc value as the message's
 * protobuf bytes, a format protobuf keeps readable across versions.
 */
public record ArrayValue(ScalarField elements) {

  /** How many elements the row has, read from the list its element type uses. */
  public static int length(ScalarField s, DataType elementType) {
    return switch (elementType) {
      case Bool -> s.getBoolData().getDataCount();
      case Int8, Int16, Int32 -> s.getIntData().getDataCount();
      case Int64 -> s.getLongData().getDataCount();
      case Float -> s.getFloatData().getDataCount();
      case Double -> s.getDoubleData().getDataCount();
      default -> s.getStringData().getDataCount();
    };
  }

  byte[] bytes() {
    return elements.toByteArray();
  }

  /** A value read back from the index, written by {@link #bytes} so known to parse. */
  static ArrayValue stored(byte[] bytes, int offset, int length) {
    try {
      return new ArrayValue(ScalarField.parseFrom(java.nio.ByteBuffer.wrap(bytes, offset, length)));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("stored array does not parse", e);
    }
  }
}
