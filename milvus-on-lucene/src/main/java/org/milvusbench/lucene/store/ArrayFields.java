package org.milvusbench.lucene.store;

import io.milvus.grpc.DataType;
import io.milvus.grpc.ScalarField;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexableField;
import org.milvusbench.lucene.error.MilvusException;

/**
 * How an ARRAY field is made filterable, in the manner of {@link JsonPaths}: indexed at write time so
 * that every array filter is a plain points or terms query (no row is decoded to filter it). Per row:
 * <ul>
 *   <li>{@link #elements}: each element, multi-valued ({@code array_contains*});
 *   <li>{@link #length}: the element count ({@code array_length});
 *   <li>{@link #positions}: each (index, element) pair ({@code tags[2] > 5}): a 2-dimensional point for
 *       numbers, a term {@code index NUL value} for strings, so that one field serves every index
 *       (a field per index would make up to 4096 Lucene fields per array).
 * </ul>
 * Elements are kept as their {@link Kind}: Bool (0 / 1) and integers as longs, Float and Double as
 * doubles (a Float element as its exact float value widened), VarChar as terms.
 */
public final class ArrayFields {
  /** Lucene's limit on one indexed term, less room for the position prefix of {@link #positions}. */
  private static final int MAX_TERM_BYTES = 32766 - 8;

  /** What an element is indexed as. */
  public enum Kind { LONG, DOUBLE, STRING }

  private ArrayFields() {}

  public static Kind kind(DataType elementType) {
    return switch (elementType) {
      case Float, Double -> Kind.DOUBLE;
      case VarChar, String -> Kind.STRING;
      default -> Kind.LONG;
    };
  }

  public static String elements(String field) {
    return "\u0002" + field + "#e";
  }

  public static String length(String field) {
    return "\u0002" + field + "#len";
  }

  public static String positions(String field) {
    return "\u0002" + field + "#at";
  }

  /** The term of {@link #positions} for string {@code value} at {@code index}. */
  public static String positionTerm(int index, String value) {
    return index + "\u0000" + value;
  }

  /** The fields that index one row's array. */
  static void addFields(String field, DataType elementType, ScalarField s, List<IndexableField> out) {
    int n = ArrayValue.length(s, elementType);
    out.add(new LongPoint(length(field), n));
    String elements = elements(field);
    String positions = positions(field);
    for (int i = 0; i < n; i++) {
      switch (kind(elementType)) {
        case LONG -> {
          long v = longAt(s, elementType, i);
          out.add(new LongPoint(elements, v));
          out.add(new LongPoint(positions, i, v));
        }
        case DOUBLE -> {
          double v = elementType == DataType.Float ? s.getFloatData().getData(i) : s.getDoubleData().getData(i);
          out.add(new DoublePoint(elements, v));
          out.add(new DoublePoint(positions, i, v));
        }
        case STRING -> {
          String v = s.getStringData().getData(i);
          if (v.getBytes(StandardCharsets.UTF_8).length > MAX_TERM_BYTES) {
            throw MilvusException.unsupported("an array string element longer than " + MAX_TERM_BYTES
                + " bytes (field " + field + "): this server indexes every element for filters");
          }
          out.add(new StringField(elements, v, Field.Store.NO));
          out.add(new StringField(positions, positionTerm(i, v), Field.Store.NO));
        }
      }
    }
  }

  private static long longAt(ScalarField s, DataType elementType, int i) {
    return switch (elementType) {
      case Bool -> s.getBoolData().getData(i) ? 1 : 0;
      case Int64 -> s.getLongData().getData(i);
      default -> s.getIntData().getData(i);
    };
  }
}
