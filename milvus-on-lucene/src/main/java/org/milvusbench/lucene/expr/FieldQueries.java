package org.milvusbench.lucene.expr;

import io.milvus.grpc.DataType;
import io.milvus.grpc.FieldSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.util.BytesRef;
import org.milvusbench.expr.CompareOp;
import org.milvusbench.expr.FilterException;
import org.milvusbench.expr.Literal.BoolLiteral;
import org.milvusbench.expr.Literal.FloatLiteral;
import org.milvusbench.expr.Literal.IntLiteral;
import org.milvusbench.expr.Literal.StringLiteral;
import org.milvusbench.expr.Operand;

/**
 * Queries on one scalar field, in the encoding {@code store.DocCodec} indexes it with: integers and
 * BOOL (1 / 0) as {@link LongField}, FLOAT / DOUBLE as {@link DoubleField}, VARCHAR as
 * {@link KeywordField}. Each value is checked against the field's type, with the position of the
 * value when it does not fit.
 */
final class FieldQueries {
  private enum ValueKind { LONG, DOUBLE, STRING }

  private FieldQueries() {}

  static boolean isString(FieldSchema field) {
    return kindOf(field) == ValueKind.STRING;
  }

  static Query exact(FieldSchema field, Operand value) {
    String name = field.getName();
    return switch (kindOf(field)) {
      case LONG -> LongField.newExactQuery(name, longValue(field, value));
      case DOUBLE -> DoubleField.newExactQuery(name, doubleValue(field, value));
      case STRING -> KeywordField.newExactQuery(name, stringValue(field, value));
    };
  }

  /** A BOOL field standing alone as a condition. */
  static Query isTrue(FieldSchema field) {
    return LongField.newExactQuery(field.getName(), 1);
  }

  static Query in(FieldSchema field, List<Operand> values) {
    String name = field.getName();
    switch (kindOf(field)) {
      case LONG:
        return LongField.newSetQuery(name, values.stream().mapToLong(v -> longValue(field, v)).toArray());
      case DOUBLE:
        return DoubleField.newSetQuery(name, values.stream().mapToDouble(v -> doubleValue(field, v)).toArray());
      default:
        List<BytesRef> terms = new ArrayList<>();
        values.forEach(v -> terms.add(new BytesRef(stringValue(field, v))));
        return KeywordField.newSetQuery(name, terms);
    }
  }

  /** {@code field op value} for {@code op} one of {@code < <= > >=}. */
  static Query range(FieldSchema field, CompareOp op, Operand value) {
    String name = field.getName();
    boolean lower = op == CompareOp.GT || op == CompareOp.GE;
    boolean inclusive = op == CompareOp.GE || op == CompareOp.LE;
    switch (kindOf(field)) {
      case LONG: {
        long v = longValue(field, value);
        if (!inclusive && v == (lower ? Long.MAX_VALUE : Long.MIN_VALUE)) {
          return new MatchNoDocsQuery("nothing is beyond " + v);
        }
        return lower ? LongField.newRangeQuery(name, inclusive ? v : v + 1, Long.MAX_VALUE)
            : LongField.newRangeQuery(name, Long.MIN_VALUE, inclusive ? v : v - 1);
      }
      case DOUBLE: {
        double v = doubleValue(field, value);
        return lower
            ? DoubleField.newRangeQuery(name, inclusive ? v : Math.nextUp(v), Double.POSITIVE_INFINITY)
            : DoubleField.newRangeQuery(name, Double.NEGATIVE_INFINITY, inclusive ? v : Math.nextDown(v));
      }
      default: {
        String v = stringValue(field, value);
        return lower ? TermRangeQuery.newStringRange(name, v, null, inclusive, false)
            : TermRangeQuery.newStringRange(name, null, v, false, inclusive);
      }
    }
  }

  private static ValueKind kindOf(FieldSchema field) {
    DataType t = field.getDataType();
    if (t == DataType.VarChar || t == DataType.String) {
      return ValueKind.STRING;
    }
    return t == DataType.Float || t == DataType.Double ? ValueKind.DOUBLE : ValueKind.LONG;
  }

  private static long longValue(FieldSchema field, Operand value) {
    if (field.getDataType() == DataType.Bool && value instanceof BoolLiteral b) {
      return b.value() ? 1 : 0;
    }
    if (value instanceof IntLiteral i) {
      return i.value();
    }
    throw new FilterException("field " + field.getName() + " is " + field.getDataType()
        + " and needs an integer, not '" + value.text() + "'", value.position());
  }

  private static double doubleValue(FieldSchema field, Operand value) {
    if (value instanceof IntLiteral i) {
      return i.value();
    }
    if (value instanceof FloatLiteral f) {
      return f.value();
    }
    throw new FilterException("field " + field.getName() + " is " + field.getDataType()
        + " and needs a number, not '" + value.text() + "'", value.position());
  }

  private static String stringValue(FieldSchema field, Operand value) {
    if (value instanceof StringLiteral s) {
      return s.value();
    }
    throw new FilterException("field " + field.getName() + " is VarChar and needs a quoted string, not '"
        + value.text() + "'", value.position());
  }
}
