package org.milvusbench.lucene.store;

import io.milvus.grpc.CollectionSchema;
import io.milvus.grpc.DataType;
import io.milvus.grpc.FieldSchema;
import io.milvus.grpc.KeyValuePair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.milvusbench.lucene.error.MilvusException;

/**
 * The parts of a Milvus {@link CollectionSchema} this server supports: one INT64 or VARCHAR primary key, one
 * to four FLOAT_VECTOR fields, scalar fields (integers, VARCHAR, FLOAT/DOUBLE, BOOL), JSON and ARRAY fields and, with
 * enable_dynamic_field, the implied dynamic field {@code $meta}. Validates a schema at create time so
 * that later failures are impossible (what it may not ask for at all is {@link SchemaSupport}'s).
 */
public final class SchemaView {
  /** The dynamic field's name, as Milvus names it. */
  public static final String DYNAMIC_FIELD = "$meta";
  /** Milvus's default proxy.maxVectorFieldNum. */
  public static final int MAX_VECTOR_FIELDS = 4;
  private final CollectionSchema schema;
  private final FieldSchema primary;
  private final FieldSchema vector;
  private final int dim;
  /** Every FloatVector field in schema order (the first is {@link #vectorName()}), and each one's dim. */
  private final List<FieldSchema> vectors = new ArrayList<>();
  private final Map<String, Integer> dims = new LinkedHashMap<>();
  private final Map<String, FieldSchema> fields = new LinkedHashMap<>();
  /** {@code $meta}, the JSON field holding keys outside the schema; null without enable_dynamic_field. */
  private final FieldSchema dynamicField;

  public SchemaView(CollectionSchema schema) {
    this.schema = schema;
    FieldSchema pk = null;
    FieldSchema vec = null;
    FieldSchema meta = null;
    for (FieldSchema f : schema.getFieldsList()) {
      if (f.getIsDynamic()) {
        meta = f;
        continue;
      }
      fields.put(f.getName(), f);
      if (f.getIsPrimaryKey()) {
        checkPrimaryKey(f);
        pk = f;
      } else if (f.getDataType() == DataType.FloatVector) {
        vectors.add(f);
        dims.put(f.getName(), checkedDim(f));
        vec = vec == null ? f : vec;
      } else if (f.getDataType() == DataType.Array) {
        ArraySchema.check(f, schema.getName());
      } else if (!isScalar(f.getDataType()) && f.getDataType() != DataType.JSON) {
        throw MilvusException.invalid("field " + f.getName() + " has data type " + f.getDataType()
            + "; supported: Int64 or VarChar primary key, FloatVector, Int8-64, Float, Double, Bool, VarChar,"
            + " JSON, Array");
      }
    }
    if (pk == null) {
      throw MilvusException.invalid("schema does not contain primary key field");
    }
    // Milvus's proxy (internal/proxy/task.go, createCollectionTask.PreExecute): proxy.maxVectorFieldNum, 4
    // by default, checked before "schema does not contain vector field"; a plain error, hence 65535.
    if (vectors.size() > MAX_VECTOR_FIELDS) {
      throw new MilvusException(MilvusException.UNEXPECTED, "maximum vector field's number should be limited to "
          + MAX_VECTOR_FIELDS);
    }
    if (vec == null) {
      throw MilvusException.invalid("schema does not contain vector field");
    }
    this.primary = pk;
    this.vector = vec;
    this.dim = dims.get(vec.getName());
    this.dynamicField = !schema.getEnableDynamicField() ? null : meta != null ? meta : dynamicField();
  }

  private static int checkedDim(FieldSchema vec) {
    String dimText = param(vec, "dim");
    if (dimText == null) {
      throw MilvusException.invalid("dimension is not defined in field type params of " + vec.getName());
    }
    int dim;
    try {
      dim = Integer.parseInt(dimText.trim());
    } catch (NumberFormatException e) {
      throw MilvusException.invalid("dim of field " + vec.getName() + " is not an integer: " + dimText);
    }
    if (dim < 2 || dim > 32768) {
      throw MilvusException.invalid("invalid dimension: " + dim + ". should be in range 2 ~ 32768");
    }
    return dim;
  }

  /** Int64 or VarChar, as in Milvus; a VarChar key needs max_length like any VarChar field. */
  private static void checkPrimaryKey(FieldSchema f) {
    if (f.getDataType() != DataType.Int64 && f.getDataType() != DataType.VarChar) {
      throw MilvusException.invalid("primary key field " + f.getName() + " is " + f.getDataType()
          + "; the data type of a primary key must be Int64 or VarChar");
    }
    if (f.getDataType() == DataType.VarChar) {
      String max = param(f, "max_length");
      if (max == null) {
        throw MilvusException.invalid("type param(max_length) should be specified for the field(" + f.getName() + ")");
      }
      int length;
      try {
        length = Integer.parseInt(max.trim());
      } catch (NumberFormatException e) {
        throw MilvusException.invalid("the maximum length specified for the field(" + f.getName() + ") should be an integer, not " + max);
      }
      if (length < 1 || length > 65535) {
        throw MilvusException.invalid("the maximum length specified for the field(" + f.getName()
            + ") should be in (0, 65535], but got " + length);
      }
    }
  }

  /** The JSON field holding a dynamic collection's extra keys, as Milvus's proxy adds it. */
  private static FieldSchema dynamicField() {
    return FieldSchema.newBuilder().setName(DYNAMIC_FIELD).setDataType(DataType.JSON).setIsDynamic(true)
        .setDescription("dynamic schema").build();
  }

  static boolean isScalar(DataType t) {
    switch (t) {
      case Bool:
      case Int8:
      case Int16:
      case Int32:
      case Int64:
      case Float:
      case Double:
      case VarChar:
      case String:
        return true;
      default:
        return false;
    }
  }

  static String param(FieldSchema f, String key) {
    for (KeyValuePair kv : f.getTypeParamsList()) {
      if (kv.getKey().equals(key)) {
        return kv.getValue();
      }
    }
    return null;
  }

  public CollectionSchema proto() {
    return schema;
  }

  public FieldSchema primary() {
    return primary;
  }

  public String primaryName() {
    return primary.getName();
  }

  public boolean autoId() {
    return primary.getAutoID() || schema.getAutoID();
  }

  public String vectorName() {
    return vector.getName();
  }

  public int dim() {
    return dim;
  }

  /** Every FloatVector field, in schema order; the first is {@link #vectorName()}. */
  public List<FieldSchema> vectorFields() {
    return vectors;
  }

  /** Whether the collection has more than one vector field (searches must then name one). */
  public boolean multiVector() {
    return vectors.size() > 1;
  }

  /** The dimension of vector field {@code name}; -1 when it is not a vector field. */
  public int dim(String name) {
    Integer d = dims.get(name);
    return d == null ? -1 : d;
  }

  public boolean dynamic() {
    return schema.getEnableDynamicField();
  }

  /** The dynamic field {@code $meta}, or null when the collection has none. */
  public FieldSchema dynamicFieldOrNull() {
    return dynamicField;
  }

  /**
   * Every field whose values a row keeps besides its key and vector, in schema order: scalars, JSON
   * and ARRAY fields, then the dynamic field.
   */
  public List<FieldSchema> valueFields() {
    List<FieldSchema> out = new ArrayList<>();
    for (FieldSchema f : fields.values()) {
      if (!f.getIsPrimaryKey() && (isScalar(f.getDataType()) || f.getDataType() == DataType.JSON
          || f.getDataType() == DataType.Array)) {
        out.add(f);
      }
    }
    if (dynamicField != null) {
      out.add(dynamicField);
    }
    return out;
  }

  /** Field by name, or null (the dynamic {@code $meta} field is not listed). */
  public FieldSchema field(String name) {
    return fields.get(name);
  }

  /** Scalar (non-primary, non-vector) fields in schema order. */
  public Iterable<FieldSchema> scalars() {
    return () -> fields.values().stream()
        .filter(f -> !f.getIsPrimaryKey() && isScalar(f.getDataType())).iterator();
  }

  public Iterable<FieldSchema> all() {
    return fields.values();
  }
}
