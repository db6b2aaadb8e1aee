package org.milvusbench.lucene.expr;

import io.milvus.grpc.DataType;
import io.milvus.grpc.FieldSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.util.BytesRef;
import org.milvusbench.lucene.expr.FilterLexer.Kind;
import org.milvusbench.lucene.expr.FilterLexer.Token;
import org.milvusbench.lucene.store.SchemaView;

/**
 * Recursive-descent parser for the subset of Milvus boolean expressions used by search filters, query
 * and delete, compiled straight to a Lucene {@link Query}:
 * <pre>
 * or      := and (("or" | "||") and)*
 * and     := unary (("and" | "&&") unary)*
 * unary   := ("not" | "!") unary | "(" or ")" | compare
 * compare := field ("==" | "!=" | "<" | "<=" | ">" | ">=") literal | field ["not"] "in" "[" literal, ... "]"
 * </pre>
 * Fields are the primary key and scalar fields (integers, VARCHAR, FLOAT/DOUBLE, BOOL). Keywords are
 * case-insensitive, as in Milvus.
 */
public final class FilterParser {
  private final SchemaView schema;
  private final List<Token> tokens;
  private int at;

  private FilterParser(SchemaView schema, String expr) {
    this.schema = schema;
    this.tokens = FilterLexer.tokenize(expr);
  }

  /** The Lucene query for {@code expr}. @throws FilterException naming the position of the problem */
  public static Query parse(SchemaView schema, String expr) {
    FilterParser p = new FilterParser(schema, expr);
    Query q = p.or();
    Token end = p.peek();
    if (end.kind() != Kind.END) {
      throw new FilterException("unexpected '" + end.text() + "'", end.pos());
    }
    return q;
  }

  private Token peek() {
    return tokens.get(at);
  }

  private Token next() {
    return tokens.get(at++);
  }

  private boolean acceptWord(String word) {
    Token t = peek();
    if (t.kind() == Kind.IDENT && t.text().equalsIgnoreCase(word)) {
      at++;
      return true;
    }
    return false;
  }

  private boolean acceptOp(String op) {
    Token t = peek();
    if (t.kind() == Kind.OP && t.text().equals(op)) {
      at++;
      return true;
    }
    return false;
  }

  private Token expect(Kind kind, String what) {
    Token t = next();
    if (t.kind() != kind) {
      throw new FilterException("expected " + what + " but found '" + t.text() + "'", t.pos());
    }
    return t;
  }

  private Query or() {
    List<Query> parts = new ArrayList<>();
    parts.add(and());
    while (acceptWord("or") || acceptOp("||")) {
      parts.add(and());
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
    parts.forEach(q -> b.add(q, Occur.SHOULD));
    return b.build();
  }

  private Query and() {
    List<Query> parts = new ArrayList<>();
    parts.add(unary());
    while (acceptWord("and") || acceptOp("&&")) {
      parts.add(unary());
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    parts.forEach(q -> b.add(q, Occur.FILTER));
    return b.build();
  }

  private Query unary() {
    if (acceptWord("not") || acceptOp("!")) {
      return not(unary());
    }
    if (peek().kind() == Kind.LPAREN) {
      next();
      Query inner = or();
      expect(Kind.RPAREN, "')'");
      return inner;
    }
    return compare();
  }

  private static Query not(Query q) {
    return new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER).add(q, Occur.MUST_NOT).build();
  }

  private Query compare() {
    Token fieldToken = expect(Kind.IDENT, "a field name");
    FieldSchema field = schema.field(fieldToken.text());
    if (field == null || field.getDataType() == DataType.FloatVector || field.getDataType() == DataType.JSON) {
      throw new FilterException("field " + fieldToken.text() + " not exist or not a scalar field", fieldToken.pos());
    }
    boolean negate = acceptWord("not");
    if (acceptWord("in")) {
      expect(Kind.LBRACKET, "'['");
      List<Token> values = new ArrayList<>();
      if (peek().kind() != Kind.RBRACKET) {
        do {
          values.add(next());
        } while (peek().kind() == Kind.COMMA && next() != null);
      }
      expect(Kind.RBRACKET, "']'");
      Query in = in(field, values);
      return negate ? not(in) : in;
    }
    if (negate) {
      throw new FilterException("expected 'in' after 'not'", peek().pos());
    }
    Token op = next();
    if (op.kind() != Kind.OP || op.text().equals("!") || op.text().equals("&&") || op.text().equals("||")) {
      throw new FilterException("expected a comparison operator but found '" + op.text() + "'", op.pos());
    }
    Token value = next();
    Query eq;
    switch (op.text()) {
      case "==":
        return exact(field, value);
      case "!=":
        eq = exact(field, value);
        return not(eq);
      default:
        return range(field, op.text(), value);
    }
  }

  private Query exact(FieldSchema field, Token value) {
    String name = field.getName();
    switch (kindOf(field)) {
      case LONG:
        return LongField.newExactQuery(name, longValue(field, value));
      case DOUBLE:
        return DoubleField.newExactQuery(name, doubleValue(field, value));
      default:
        return KeywordField.newExactQuery(name, stringValue(field, value));
    }
  }

  private Query in(FieldSchema field, List<Token> values) {
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

  private Query range(FieldSchema field, String op, Token value) {
    String name = field.getName();
    boolean lower = op.startsWith(">");
    boolean inclusive = op.endsWith("=");
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

  private enum ValueKind { LONG, DOUBLE, STRING }

  private static ValueKind kindOf(FieldSchema field) {
    DataType t = field.getDataType();
    if (t == DataType.VarChar || t == DataType.String) {
      return ValueKind.STRING;
    }
    return t == DataType.Float || t == DataType.Double ? ValueKind.DOUBLE : ValueKind.LONG;
  }

  private static long longValue(FieldSchema field, Token t) {
    if (field.getDataType() == DataType.Bool && t.kind() == Kind.IDENT
        && (t.text().equalsIgnoreCase("true") || t.text().equalsIgnoreCase("false"))) {
      return t.text().equalsIgnoreCase("true") ? 1 : 0;
    }
    if (t.kind() != Kind.INT) {
      throw new FilterException("field " + field.getName() + " is " + field.getDataType()
          + " and needs an integer, not '" + t.text() + "'", t.pos());
    }
    try {
      return Long.parseLong(t.text());
    } catch (NumberFormatException e) {
      throw new FilterException("integer out of range: " + t.text(), t.pos());
    }
  }

  private static double doubleValue(FieldSchema field, Token t) {
    if (t.kind() != Kind.INT && t.kind() != Kind.FLOAT) {
      throw new FilterException("field " + field.getName() + " is " + field.getDataType()
          + " and needs a number, not '" + t.text() + "'", t.pos());
    }
    try {
      return Double.parseDouble(t.text());
    } catch (NumberFormatException e) {
      throw new FilterException("malformed number: " + t.text(), t.pos());
    }
  }

  private static String stringValue(FieldSchema field, Token t) {
    if (t.kind() != Kind.STRING) {
      throw new FilterException("field " + field.getName() + " is VarChar and needs a quoted string, not '"
          + t.text() + "'", t.pos());
    }
    return t.text();
  }
}
