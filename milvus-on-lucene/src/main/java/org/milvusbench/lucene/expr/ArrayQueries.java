package org.milvusbench.lucene.expr;

import io.milvus.grpc.DataType;
import io.milvus.grpc.FieldSchema;
import java.util.List;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.milvusbench.expr.CompareOp;
import org.milvusbench.expr.FilterException;
import org.milvusbench.expr.FilterExpr.ContainsMode;
import org.milvusbench.expr.Literal.FloatLiteral;
import org.milvusbench.expr.Literal.IntLiteral;
import org.milvusbench.expr.Operand;
import org.milvusbench.lucene.store.ArrayFields;
import org.milvusbench.lucene.store.ArrayFields.Kind;

/**
 * Queries on one ARRAY field, against the fields {@link ArrayFields} indexes each row into. Values are
 * checked against the element type as Milvus's planner checks them ({@link ArrayValues}). An element
 * access past a row's end matches no comparison, {@code !=} included, as in Milvus's segcore
 * ({@code UnaryArrayCompare}: out of range is false); {@code not in} and {@code not (...)} negate and so
 * do match such rows.
 */
record ArrayQueries(FieldSchema field) {

  /** {@code array_contains*}: the array holds the value, any of the values, or all of them. */
  Query contains(List<Operand> values, ContainsMode mode) {
    if (values.isEmpty()) {
      return mode == ContainsMode.ANY ? new MatchNoDocsQuery("contains any of no value") : new MatchAllDocsQuery();
    }
    ArrayValues check = new ArrayValues(field);
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Operand v : values) {
      check.containable(v, mode);
      b.add(element(v), mode == ContainsMode.ALL ? Occur.FILTER : Occur.SHOULD);
    }
    return b.build();
  }

  private Query element(Operand v) {
    String name = ArrayFields.elements(field.getName());
    ArrayValues check = new ArrayValues(field);
    return switch (ArrayFields.kind(field.getElementType())) {
      case LONG -> exactLong(name, check, v);
      case DOUBLE -> DoublePoint.newExactQuery(name, check.doubleValue(v));
      case STRING -> new TermQuery(new Term(name, check.stringValue(v)));
    };
  }

  /** A non-integral number on integer elements matches nothing (Milvus compares them numerically). */
  private static Query exactLong(String name, ArrayValues check, Operand v) {
    if (v instanceof FloatLiteral f) {
      double d = f.value();
      return d == Math.rint(d) && Math.abs(d) < 0x1p63 ? LongPoint.newExactQuery(name, (long) d)
          : new MatchNoDocsQuery("no integer equals " + d);
    }
    return LongPoint.newExactQuery(name, check.longValue(v));
  }

  /** {@code array_length(field) op value}. */
  Query length(CompareOp op, Operand value) {
    if (!(value instanceof IntLiteral i)) {
      throw new FilterException("array_length(" + field.getName() + ") is an integer and is compared with an"
          + " integer, not '" + value.text() + "'", value.position());
    }
    String name = ArrayFields.length(field.getName());
    long v = i.value();
    return switch (op) {
      case EQ -> LongPoint.newExactQuery(name, v);
      case NE -> not(LongPoint.newExactQuery(name, v));
      default -> longRange(name, op, v);
    };
  }

  /** {@code field[index] op value}; rows shorter than {@code index + 1} never match. */
  Query element(String indexText, int indexPosition, CompareOp op, Operand value) {
    int index = index(indexText, indexPosition);
    ArrayValues check = new ArrayValues(field);
    if (op != CompareOp.EQ && op != CompareOp.NE && field.getElementType() == DataType.Bool) {
      throw new FilterException("invalid range operations on boolean expr " + field.getName() + "[" + indexText
          + "]", value.position());
    }
    if (index < 0) {
      return new MatchNoDocsQuery("no array has an element at " + indexText);
    }
    Query equal = positionExact(index, check, value);
    return switch (op) {
      case EQ -> equal;
      case NE -> new BooleanQuery.Builder().add(longer(index), Occur.FILTER).add(equal, Occur.MUST_NOT).build();
      default -> positionRange(index, op, check, value);
    };
  }

  /** {@code field[index] in [...]}. */
  Query elementIn(String indexText, int indexPosition, List<Operand> values) {
    int index = index(indexText, indexPosition);
    if (index < 0 || values.isEmpty()) {
      return new MatchNoDocsQuery("in an empty list or past every array's end");
    }
    ArrayValues check = new ArrayValues(field);
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    values.forEach(v -> any.add(positionExact(index, check, v), Occur.SHOULD));
    return any.build();
  }

  private Query positionExact(int index, ArrayValues check, Operand v) {
    String name = ArrayFields.positions(field.getName());
    return switch (ArrayFields.kind(field.getElementType())) {
      case LONG -> LongPoint.newRangeQuery(name, new long[] {index, check.longValue(v)},
          new long[] {index, check.longValue(v)});
      case DOUBLE -> DoublePoint.newRangeQuery(name, new double[] {index, check.doubleValue(v)},
          new double[] {index, check.doubleValue(v)});
      case STRING -> new TermQuery(new Term(name, ArrayFields.positionTerm(index, check.stringValue(v))));
    };
  }

  private Query positionRange(int index, CompareOp op, ArrayValues check, Operand v) {
    String name = ArrayFields.positions(field.getName());
    boolean lower = op == CompareOp.GT || op == CompareOp.GE;
    boolean inclusive = op == CompareOp.GE || op == CompareOp.LE;
    Kind kind = ArrayFields.kind(field.getElementType());
    if (kind == Kind.LONG) {
      long x = check.longValue(v);
      if (!inclusive && x == (lower ? Long.MAX_VALUE : Long.MIN_VALUE)) {
        return new MatchNoDocsQuery("nothing is beyond " + x);
      }
      long from = lower ? (inclusive ? x : x + 1) : Long.MIN_VALUE;
      long to = lower ? Long.MAX_VALUE : (inclusive ? x : x - 1);
      return LongPoint.newRangeQuery(name, new long[] {index, from}, new long[] {index, to});
    }
    if (kind == Kind.DOUBLE) {
      double x = check.doubleValue(v);
      double from = lower ? (inclusive ? x : Math.nextUp(x)) : Double.NEGATIVE_INFINITY;
      double to = lower ? Double.POSITIVE_INFINITY : (inclusive ? x : Math.nextDown(x));
      return DoublePoint.newRangeQuery(name, new double[] {index, from}, new double[] {index, to});
    }
    // Every term of this index starts with "index NUL"; the next prefix "index \u0001" bounds the block.
    String x = ArrayFields.positionTerm(index, check.stringValue(v));
    String start = ArrayFields.positionTerm(index, "");
    String end = index + "\u0001";
    return lower ? TermRangeQuery.newStringRange(name, x, end, inclusive, false)
        : TermRangeQuery.newStringRange(name, start, x, true, inclusive);
  }

  /** Rows with more than {@code index} elements. */
  private Query longer(int index) {
    return LongPoint.newRangeQuery(ArrayFields.length(field.getName()), index + 1L, Long.MAX_VALUE);
  }

  /** The index as Milvus reads it (an integer); past the largest capacity it is -1: nothing is there. */
  private static int index(String text, int position) {
    if (text.isEmpty() || !text.chars().allMatch(Character::isDigit)) {
      throw new FilterException("can only access array field with integer index", position);
    }
    return text.length() > 5 || Integer.parseInt(text) > 4096 ? -1 : Integer.parseInt(text);
  }

  private static Query longRange(String name, CompareOp op, long v) {
    boolean lower = op == CompareOp.GT || op == CompareOp.GE;
    boolean inclusive = op == CompareOp.GE || op == CompareOp.LE;
    if (!inclusive && v == (lower ? Long.MAX_VALUE : Long.MIN_VALUE)) {
      return new MatchNoDocsQuery("nothing is beyond " + v);
    }
    return lower ? LongPoint.newRangeQuery(name, inclusive ? v : v + 1, Long.MAX_VALUE)
        : LongPoint.newRangeQuery(name, Long.MIN_VALUE, inclusive ? v : v - 1);
  }

  private static Query not(Query q) {
    return new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER).add(q, Occur.MUST_NOT).build();
  }
}
