package org.milvusbench.lucene.store;

import io.milvus.grpc.DataType;
import io.milvus.grpc.FieldSchema;
import io.milvus.grpc.ScalarField;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;

/**
 * How a Milvus row becomes a Lucene document. Everything is in doc values or points (nothing stored):
 * the primary key and integers as {@link LongField}, floats as {@link DoubleField}, VARCHAR as
 * {@link KeywordField}, a JSON field's bytes as sent in a binary doc value of its name (and its paths
 * flattened for filters by {@link JsonPaths}), an ARRAY field's elements likewise as {@link ArrayValue}
 * bytes (indexed for filters by {@link ArrayFields}). The vector goes into a {@link KnnFloatVectorField} (HNSW graph) once the
 * collection has a graph spec; before that it is kept raw in a binary doc value {@link #RAW_VECTOR}, so
 * the similarity function (the index's metric, unknown at insert time) is chosen when the index is built.
 */
public final class DocCodec {
  /** Raw little-endian float32 vector of rows inserted before any HNSW graph exists. */
  public static final String RAW_VECTOR = "$raw_vector";

  /**
   * The binary doc value holding vector field {@code field}'s raw vectors: {@link #RAW_VECTOR} for the
   * first (as in indexes written before collections had several vector fields), else {@code $raw_vector.name}.
   */
  static String rawField(SchemaView schema, String field) {
    return field.equals(schema.vectorName()) ? RAW_VECTOR : RAW_VECTOR + "." + field;
  }

  private final SchemaView schema;
  private final List<FieldSchema> scalars = new ArrayList<>();
  /** Each field's default value in {@link #scalarFields()} order, null for none. */
  private final Object[] defaults;

  /** Per vector field in {@link SchemaView#vectorFields()} order: its name and its raw doc value's name. */
  private final String[] vectorNames;
  private final String[] rawNames;

  public DocCodec(SchemaView schema) {
    this.schema = schema;
    vectorNames = schema.vectorFields().stream().map(FieldSchema::getName).toArray(String[]::new);
    rawNames = java.util.Arrays.stream(vectorNames).map(n -> rawField(schema, n)).toArray(String[]::new);
    scalars.addAll(schema.valueFields());
    defaults = scalars.stream().map(DefaultValues::of).toArray();
  }

  public List<FieldSchema> scalarFields() {
    return scalars;
  }

  /**
   * Values of row {@code row} of an insert batch, in {@link #scalarFields()} order (null when absent);
   * a JSON field's is a {@link JsonValue}, an ARRAY field's an {@link ArrayValue}.
   */
  Object[] scalarValues(RowBatch batch, int row) {
    Object[] values = new Object[scalars.size()];
    for (int i = 0; i < values.length; i++) {
      FieldSchema f = scalars.get(i);
      if (f.getDataType() == DataType.JSON) {
        JsonValue[] json = batch.json.get(f.getName());
        values[i] = json == null ? null : json[row];
        continue;
      }
      if (f.getDataType() == DataType.Array) {
        values[i] = new ArrayValue(batch.arrays.get(f.getName()).get(row));
        continue;
      }
      ScalarField column = batch.scalars.get(f.getName());
      int[] index = batch.valueIndex.get(f.getName());
      int at = index == null ? row : index[row];
      values[i] = column == null || at < 0 ? defaults[i] : value(column, f.getDataType(), at);
    }
    return values;
  }

  private static Object value(ScalarField s, DataType t, int row) {
    switch (t) {
      case Bool:
        return s.getBoolData().getData(row) ? 1L : 0L;
      case Int8:
      case Int16:
      case Int32:
        return (long) s.getIntData().getData(row);
      case Int64:
        return s.getLongData().getData(row);
      case Float:
        return (double) s.getFloatData().getData(row);
      case Double:
        return s.getDoubleData().getData(row);
      default:
        return s.getStringData().getData(row);
    }
  }

  /**
   * A document for one row, its vectors in {@link SchemaView#vectorFields()} order; a field without a
   * graph in {@code graphs} (no HNSW graph yet) keeps its vector raw. The key
   * is a Long (Int64, a {@link LongField}) or a String (VarChar, a {@link KeywordField}), indexed like any
   * scalar of its type so that filters on the key compile as on any other field. {@code partitionTerm}
   * is the row's partition ({@link Partitions}), null for {@code _default}.
   */
  public Document document(Object pk, float[][] vectors, Object[] scalarValues, VectorGraphs graphs, String partitionTerm) {
    Document doc = new Document();
    if (partitionTerm != null) {
      doc.add(Partitions.field(partitionTerm));
    }
    if (pk instanceof Long id) {
      doc.add(new LongField(schema.primaryName(), id, Field.Store.NO));
    } else {
      doc.add(new KeywordField(schema.primaryName(), (String) pk, Field.Store.NO));
    }
    for (int v = 0; v < vectors.length; v++) {
      GraphSpec graph = graphs.of(vectorNames[v]);
      if (graph == null) {
        doc.add(new BinaryDocValuesField(rawNames[v], new BytesRef(encode(vectors[v]))));
      } else {
        doc.add(new KnnFloatVectorField(vectorNames[v], vectors[v], graph.metric().similarity()));
      }
    }
    List<IndexableField> arrayFields = new ArrayList<>();
    for (int i = 0; i < scalarValues.length; i++) {
      Object v = scalarValues[i];
      if (v == null) {
        continue;
      }
      String name = scalars.get(i).getName();
      if (v instanceof JsonValue json) {
        doc.add(new BinaryDocValuesField(name, new BytesRef(json.bytes())));
        JsonPaths.fields(name, json.node()).forEach(doc::add);
      } else if (v instanceof ArrayValue array) {
        doc.add(new BinaryDocValuesField(name, new BytesRef(array.bytes())));
        ArrayFields.addFields(name, scalars.get(i).getElementType(), array.elements(), arrayFields);
        arrayFields.forEach(doc::add);
        arrayFields.clear();
      } else if (v instanceof Long) {
        doc.add(new LongField(name, (Long) v, Field.Store.NO));
      } else if (v instanceof Double) {
        doc.add(new DoubleField(name, (Double) v, Field.Store.NO));
      } else {
        doc.add(new KeywordField(name, (String) v, Field.Store.NO));
      }
    }
    return doc;
  }

  static byte[] encode(float[] vector) {
    ByteBuffer buf = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buf.asFloatBuffer().put(vector);
    return buf.array();
  }

  static void decode(BytesRef bytes, float[] out) {
    ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
  }
}
