package org.milvusbench.lucene.rpc;

import com.google.protobuf.ByteString;
import io.milvus.grpc.ArrayArray;
import io.milvus.grpc.BoolArray;
import io.milvus.grpc.DataType;
import io.milvus.grpc.DoubleArray;
import io.milvus.grpc.FieldData;
import io.milvus.grpc.FieldSchema;
import io.milvus.grpc.FloatArray;
import io.milvus.grpc.IntArray;
import io.milvus.grpc.JSONArray;
import io.milvus.grpc.LongArray;
import io.milvus.grpc.ScalarField;
import io.milvus.grpc.StringArray;
import io.milvus.grpc.VectorField;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.milvusbench.lucene.store.ArrayValue;
import org.milvusbench.lucene.store.JsonValue;
import org.milvusbench.lucene.store.LeafValues;
import org.milvusbench.lucene.store.SchemaView;

/**
 * Output fields as Milvus columns ({@link FieldData}, one per field, one value per hit in hit order),
 * read from doc values, for the fields {@link OutputFields} resolved.
 */
final class OutputColumns {
  private static final byte[] EMPTY_OBJECT = {'{', '}'};

  private OutputColumns() {}

  static List<FieldData> read(IndexReader reader, SchemaView schema, OutputFields outputs, int[] docs)
      throws IOException {
    List<FieldData> columns = new ArrayList<>(outputs.fields().size());
    List<LeafReaderContext> leaves = reader.leaves();
    for (FieldSchema f : outputs.fields()) {
      FieldData.Builder col = FieldData.newBuilder().setFieldName(f.getName()).setType(f.getDataType())
          .setFieldId(f.getFieldID()).setIsDynamic(f.getIsDynamic());
      if (f.getDataType() == DataType.JSON) {
        col.setScalars(ScalarField.newBuilder().setJsonData(json(leaves, schema, f, outputs, docs)));
      } else if (f.getDataType() == DataType.Array) {
        col.setScalars(ScalarField.newBuilder().setArrayData(arrays(leaves, schema, f, docs)));
      } else if (f.getDataType() == DataType.FloatVector) {
        FloatArray.Builder data = FloatArray.newBuilder();
        float[] v = new float[schema.dim(f.getName())];
        for (int doc : docs) {
          LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
          new LeafValues(leaf.reader(), schema).vector(f.getName(), doc - leaf.docBase, v);
          for (float x : v) {
            data.addData(x);
          }
        }
        col.setVectors(VectorField.newBuilder().setDim(v.length).setFloatVector(data));
      } else {
        List<Object> values = new ArrayList<>(docs.length);
        for (int doc : docs) {
          LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
          LeafValues lv = new LeafValues(leaf.reader(), schema);
          values.add(lv.value(f, doc - leaf.docBase)); // the key too: it is indexed like a scalar of its type
        }
        col.setScalars(scalars(f.getDataType(), values));
      }
      columns.add(col.build());
    }
    return columns;
  }

  /** A JSON column: each row's bytes as inserted, or for the dynamic field only the keys asked for. */
  private static JSONArray json(List<LeafReaderContext> leaves, SchemaView schema, FieldSchema f,
      OutputFields outputs, int[] docs) throws IOException {
    JSONArray.Builder data = JSONArray.newBuilder();
    boolean narrow = f.getIsDynamic() && !outputs.wholeDynamic();
    for (int doc : docs) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
      JsonValue v = (JsonValue) new LeafValues(leaf.reader(), schema).value(f, doc - leaf.docBase);
      byte[] bytes = v == null ? EMPTY_OBJECT : narrow ? v.only(outputs.dynamicKeys()) : v.bytes();
      data.addData(ByteString.copyFrom(bytes));
    }
    return data.build();
  }

  /** An ARRAY column as Milvus returns it: each row's elements as inserted, the element type set. */
  private static ArrayArray arrays(List<LeafReaderContext> leaves, SchemaView schema, FieldSchema f, int[] docs)
      throws IOException {
    ArrayArray.Builder data = ArrayArray.newBuilder().setElementType(f.getElementType());
    for (int doc : docs) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
      ArrayValue v = (ArrayValue) new LeafValues(leaf.reader(), schema).value(f, doc - leaf.docBase);
      data.addData(v == null ? ScalarField.getDefaultInstance() : v.elements());
    }
    return data.build();
  }

  private static ScalarField scalars(DataType type, List<Object> values) {
    ScalarField.Builder s = ScalarField.newBuilder();
    switch (type) {
      case Bool: {
        BoolArray.Builder b = BoolArray.newBuilder();
        values.forEach(v -> b.addData(v != null && (Long) v != 0));
        return s.setBoolData(b).build();
      }
      case Int8:
      case Int16:
      case Int32: {
        IntArray.Builder b = IntArray.newBuilder();
        values.forEach(v -> b.addData(v == null ? 0 : ((Long) v).intValue()));
        return s.setIntData(b).build();
      }
      case Int64: {
        LongArray.Builder b = LongArray.newBuilder();
        values.forEach(v -> b.addData(v == null ? 0 : (Long) v));
        return s.setLongData(b).build();
      }
      case Float: {
        FloatArray.Builder b = FloatArray.newBuilder();
        values.forEach(v -> b.addData(v == null ? 0f : ((Double) v).floatValue()));
        return s.setFloatData(b).build();
      }
      case Double: {
        DoubleArray.Builder b = DoubleArray.newBuilder();
        values.forEach(v -> b.addData(v == null ? 0d : (Double) v));
        return s.setDoubleData(b).build();
      }
      default: {
        StringArray.Builder b = StringArray.newBuilder();
        values.forEach(v -> b.addData(v == null ? "" : (String) v));
        return s.setStringData(b).build();
      }
    }
  }
}
