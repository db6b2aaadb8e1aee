package org.milvusbench.lucene.store;

import io.milvus.grpc.DataType;
import io.milvus.grpc.FieldSchema;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.NumericUtils;

/**
 * Reads a row's values back from one segment's doc values. Doc-values iterators only move forward, so
 * an instance must be asked for increasing doc ids (create a fresh one to go back).
 */
public final class LeafValues {
  private final LeafReader leaf;
  private final SchemaView schema;
  private final Map<String, Object> iterators = new HashMap<>();
  private FloatVectorValues graphVectors;
  private BinaryDocValues rawVectors;
  private boolean vectorsOpened;
  /** Readers of vector fields other than the first, opened on first use. */
  private Map<String, VectorReader> otherVectors;

  public LeafValues(LeafReader leaf, SchemaView schema) {
    this.leaf = leaf;
    this.schema = schema;
  }

  public long primaryKey(int doc) throws IOException {
    return longValue(schema.primaryName(), doc);
  }

  private long longValue(String field, int doc) throws IOException {
    SortedNumericDocValues dv = (SortedNumericDocValues) iterators.get(field);
    if (dv == null) {
      dv = DocValues.getSortedNumeric(leaf, field);
      iterators.put(field, dv);
    }
    if (!dv.advanceExact(doc)) {
      throw new IllegalStateException("doc " + doc + " has no value for " + field);
    }
    return dv.nextValue();
  }

  /**
   * The field's value as Long (integers, bool as 0/1), Double, String, {@link JsonValue} or
   * {@link ArrayValue}; null when the row has none.
   */
  public Object value(FieldSchema field, int doc) throws IOException {
    String name = field.getName();
    DataType type = field.getDataType();
    if (type == DataType.JSON) {
      BinaryDocValues dv = (BinaryDocValues) iterators.get(name);
      if (dv == null) {
        dv = DocValues.getBinary(leaf, name);
        iterators.put(name, dv);
      }
      return dv.advanceExact(doc) ? JsonValue.stored(BytesRef.deepCopyOf(dv.binaryValue()).bytes) : null;
    }
    if (type == DataType.Array) {
      BinaryDocValues dv = (BinaryDocValues) iterators.get(name);
      if (dv == null) {
        dv = DocValues.getBinary(leaf, name);
        iterators.put(name, dv);
      }
      if (!dv.advanceExact(doc)) {
        return null;
      }
      BytesRef bytes = dv.binaryValue();
      return ArrayValue.stored(bytes.bytes, bytes.offset, bytes.length);
    }
    if (type == DataType.VarChar || type == DataType.String) {
      SortedSetDocValues dv = (SortedSetDocValues) iterators.get(name);
      if (dv == null) {
        dv = DocValues.getSortedSet(leaf, name);
        iterators.put(name, dv);
      }
      return dv.advanceExact(doc) ? dv.lookupOrd(dv.nextOrd()).utf8ToString() : null;
    }
    SortedNumericDocValues dv = (SortedNumericDocValues) iterators.get(name);
    if (dv == null) {
      dv = DocValues.getSortedNumeric(leaf, name);
      iterators.put(name, dv);
    }
    if (!dv.advanceExact(doc)) {
      return null;
    }
    long raw = dv.nextValue();
    if (type == DataType.Float || type == DataType.Double) {
      return NumericUtils.sortableLongToDouble(raw);
    }
    return raw;
  }

  /** The row's {@link Partitions#FIELD} value, null for a row of {@code _default}. */
  public String partitionTerm(int doc) throws IOException {
    SortedSetDocValues dv = (SortedSetDocValues) iterators.get(Partitions.FIELD);
    if (dv == null) {
      dv = DocValues.getSortedSet(leaf, Partitions.FIELD);
      iterators.put(Partitions.FIELD, dv);
    }
    return dv.advanceExact(doc) ? dv.lookupOrd(dv.nextOrd()).utf8ToString() : null;
  }

  /** The row's vector of vector field {@code field} into {@code out}; the first vector field's as {@link #vector(int, float[])}. */
  public void vector(String field, int doc, float[] out) throws IOException {
    if (field.equals(schema.vectorName())) {
      vector(doc, out);
      return;
    }
    if (otherVectors == null) {
      otherVectors = new HashMap<>();
    }
    VectorReader r = otherVectors.get(field);
    if (r == null) {
      FloatVectorValues graph = leaf.getFloatVectorValues(field);
      r = new VectorReader(graph, graph == null ? leaf.getBinaryDocValues(DocCodec.rawField(schema, field)) : null);
      otherVectors.put(field, r);
    }
    read(r.graph(), r.raw(), doc, out);
  }

  private record VectorReader(FloatVectorValues graph, BinaryDocValues raw) {}

  /** The row's vector into {@code out} (from the HNSW field, or the raw copy kept before any graph). */
  public void vector(int doc, float[] out) throws IOException {
    if (!vectorsOpened) {
      graphVectors = leaf.getFloatVectorValues(schema.vectorName());
      rawVectors = graphVectors == null ? leaf.getBinaryDocValues(DocCodec.RAW_VECTOR) : null;
      vectorsOpened = true;
    }
    read(graphVectors, rawVectors, doc, out);
  }

  private static void read(FloatVectorValues graphVectors, BinaryDocValues rawVectors, int doc, float[] out)
      throws IOException {
    if (graphVectors != null) {
      int current = graphVectors.docID();
      if (current < doc) {
        current = graphVectors.advance(doc);
      }
      if (current != doc) {
        throw new IllegalStateException("doc " + doc + " has no vector");
      }
      System.arraycopy(graphVectors.vectorValue(), 0, out, 0, out.length);
    } else if (rawVectors != null && rawVectors.advanceExact(doc)) {
      DocCodec.decode(rawVectors.binaryValue(), out);
    } else {
      throw new IllegalStateException("doc " + doc + " has no vector");
    }
  }
}
