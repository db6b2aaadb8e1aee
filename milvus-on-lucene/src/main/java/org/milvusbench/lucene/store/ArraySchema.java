package org.milvusbench.lucene.store;

import io.milvus.grpc.DataType;
import io.milvus.grpc.FieldSchema;
import org.milvusbench.lucene.error.MilvusException;

/**
 * An ARRAY field's schema, checked at CreateCollection as Milvus's proxy checks it
 * (internal/proxy/util.go: validateElementType, validateMaxCapacityPerRow / getMaxCapacityPerRow,
 * validateMaxLengthPerRow for VarChar elements), in its wording: an element type among Bool,
 * Int8-64, Float, Double, VarChar; {@code max_capacity} required, an integer in (0, 4096];
 * VarChar elements need {@code max_length} in (0, 65535].
 */
public final class ArraySchema {
  /** Milvus's proxy.maxArrayCapacity default (and hard cap of defaultMaxArrayCapacity). */
  static final int MAX_CAPACITY = 4096;
  private static final int MAX_VARCHAR_LENGTH = 65535;

  private ArraySchema() {}

  static void check(FieldSchema f, String collection) {
    checkElementType(f.getElementType());
    capacity(f, collection);
    if (f.getElementType() == DataType.VarChar) {
      maxLength(f, collection);
    }
  }

  private static void checkElementType(DataType t) {
    switch (t) {
      case Bool, Int8, Int16, Int32, Int64, Float, Double, VarChar -> {
        return;
      }
      case String -> throw MilvusException.invalid("string data type not supported yet, please use VarChar type instead");
      case None -> throw MilvusException.invalid("element data type None is not valid");
      default -> throw MilvusException.invalid("element type " + t + " is not supported");
    }
  }

  /** The field's {@code max_capacity}, which {@link #check} has validated. */
  static int capacity(FieldSchema f, String collection) {
    String text = SchemaView.param(f, "max_capacity");
    if (text == null) {
      throw new MilvusException(MilvusException.PARAMETER_MISSING, "type param(max_capacity) should be specified"
          + " for array field " + f.getName() + " of collection " + collection + ": missing parameter");
    }
    long capacity;
    try {
      capacity = Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw MilvusException.invalid("the value for max_capacity of field " + f.getName() + " must be an integer");
    }
    if (capacity <= 0 || capacity > MAX_CAPACITY) {
      // Milvus's message does not name the field; ours adds it so that a schema of many arrays is quick to fix.
      throw MilvusException.invalid("the maximum capacity specified for a Array should be in (0, " + MAX_CAPACITY
          + "], but got " + capacity + " for field " + f.getName());
    }
    return (int) capacity;
  }

  /** The VarChar elements' {@code max_length}, which {@link #check} has validated. */
  static int maxLength(FieldSchema f, String collection) {
    String text = SchemaView.param(f, "max_length");
    if (text == null) {
      throw MilvusException.invalid("type param(max_length) should be specified for varChar field(" + f.getName()
          + ") of collection " + collection);
    }
    long length;
    try {
      length = Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw MilvusException.invalid("the maximum length specified for the field(" + f.getName()
          + ") should be an integer, not " + text);
    }
    if (length <= 0 || length > MAX_VARCHAR_LENGTH) {
      throw MilvusException.invalid("the maximum length specified for a VarChar field(" + f.getName()
          + ") should be in (0, " + MAX_VARCHAR_LENGTH + "], but got " + length + " instead");
    }
    return (int) length;
  }
}
