package org.milvusbench.lucene.store;

import io.milvus.grpc.FieldData;
import io.milvus.grpc.FieldSchema;
import java.util.List;
import java.util.Map;
import org.milvusbench.lucene.error.MilvusException;

/** An insert's vector columns, one per vector field of the schema, each checked against its field's dim. */
final class VectorColumns {
  private VectorColumns() {}

  /** Every vector field's column, in schema order, each checked against its own dimension. */
  static List<List<Float>> of(SchemaView schema, Map<String, FieldData> byName) {
    List<List<Float>> out = new java.util.ArrayList<>(schema.vectorFields().size());
    for (FieldSchema f : schema.vectorFields()) {
      out.add(vectorColumn(f.getName(), schema.dim(f.getName()), byName.get(f.getName())));
    }
    return out;
  }

  /** One vector column's floats, checked against the field's dimension. */
  private static List<Float> vectorColumn(String name, int dim, FieldData vec) {
    if (vec == null) {
      throw new MilvusException(MilvusException.PARAMETER_MISSING,
          "missing parameter: insert data does not contain the vector field " + name);
    }
    if (!vec.hasVectors() || !vec.getVectors().hasFloatVector()) {
      throw MilvusException.invalid("field " + name + " expects FloatVector data");
    }
    long dataDim = vec.getVectors().getDim();
    if (dataDim != dim) {
      throw MilvusException.invalid("the dim (" + dataDim + ") of field data(" + name
          + ") is not equal to schema dim (" + dim + ")");
    }
    List<Float> floats = vec.getVectors().getFloatVector().getDataList();
    if (floats.size() % dim != 0) {
      throw MilvusException.invalid("the length (" + floats.size() + ") of vector data of field "
          + name + " is not a multiple of dim " + dim);
    }
    return floats;
  }

  /** Rows of the first vector column; every other vector column must have as many. */
  static int rows(List<List<Float>> floats, SchemaView schema, int declaredRows) {
    int rows = floats.get(0).size() / schema.dim();
    if (declaredRows != 0 && declaredRows != rows) {
      throw MilvusException.invalid("the num_rows (" + declaredRows + ") does not match the vector rows (" + rows + ")");
    }
    for (int v = 1; v < floats.size(); v++) {
      FieldSchema f = schema.vectorFields().get(v);
      RowBatch.checkRows(f.getName(), floats.get(v).size() / schema.dim(f.getName()), rows);
    }
    return rows;
  }
}
