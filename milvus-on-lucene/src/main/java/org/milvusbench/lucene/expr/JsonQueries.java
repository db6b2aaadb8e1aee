package org.milvusbench.lucene.expr;

import java.util.List;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.KeywordField;
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
import org.milvusbench.expr.Literal.BoolLiteral;
import org.milvusbench.expr.Literal.FloatLiteral;
import org.milvusbench.expr.Literal.IntLiteral;
import org.milvusbench.expr.Literal.StringLiteral;
import org.milvusbench.expr.Operand;
import org.milvusbench.lucene.store.JsonPaths;
import org.milvusbench.lucene.store.JsonPaths.Kind;

/**
 * Queries on one path of a JSON field (or of the dynamic field), against the fields
 * {@link JsonPaths} flattens each row's JSON into. As in Milvus, the literal's type picks what a row's
 * value must be to match: a string literal matches strings, a number (integer or not) numbers, a bool
 * booleans; a row whose value at the path is missing or of another type does not match (and so does
 * match {@code !=}, the negation).
 *
 * @param field the JSON field's name ({@code $meta} for the dynamic field)
 * @param path the keys under it, outermost first
 */
record JsonQueries(String field, List<String> path) {

  Query exact(Operand value) {
    return switch (kindOf(value)) {
      case STRING -> KeywordField.newExactQuery(name(Kind.STRING), ((StringLiteral) value).value());
      case NUMBER -> DoubleField.newExactQuery(name(Kind.NUMBER), number(value));
      default -> KeywordField.newExactQuery(name(Kind.BOOL), Boolean.toString(((BoolLiteral) value).value()));
    };
  }

  Query in(List<Operand> values) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    values.forEach(v -> any.add(exact(v), Occur.SHOULD));
    return values.isEmpty() ? new MatchNoDocsQuery("in an empty list") : any.build();
  }

  /** {@code path op value} for {@code op} one of {@code < <= > >=}, on numbers or strings. */
  Query range(CompareOp op, Operand value) {
    boolean lower = op == CompareOp.GT || op == CompareOp.GE;
    boolean inclusive = op == CompareOp.GE || op == CompareOp.LE;
    Kind kind = kindOf(value);
    if (kind == Kind.STRING) {
      String v = ((StringLiteral) value).value();
      return lower ? TermRangeQuery.newStringRange(name(kind), v, null, inclusive, false)
          : TermRangeQuery.newStringRange(name(kind), null, v, false, inclusive);
    }
    if (kind != Kind.NUMBER) {
      throw new FilterException("'" + op.symbol() + "' needs a number or a string, not '" + value.text() + "'",
          value.position());
    }
    double v = number(value);
    return lower
        ? DoubleField.newRangeQuery(name(kind), inclusive ? v : Math.nextUp(v), Double.POSITIVE_INFINITY)
        : DoubleField.newRangeQuery(name(kind), Double.NEGATIVE_INFINITY, inclusive ? v : Math.nextDown(v));
  }

  Query like(StringLiteral pattern) {
    return LikeQuery.of(name(Kind.STRING), pattern);
  }

  Query exists() {
    return new TermQuery(new Term(JsonPaths.existsField(field), JsonPaths.pathTerm(path)));
  }

  /** {@code json_contains*}: the array at the path holds the value, any of the values, or all of them. */
  Query contains(List<Operand> values, ContainsMode mode) {
    if (values.isEmpty()) {
      return mode == ContainsMode.ANY ? new MatchNoDocsQuery("contains any of no value")
          : path.isEmpty() ? new MatchAllDocsQuery() : exists();
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Operand v : values) {
      b.add(element(v), mode == ContainsMode.ALL ? Occur.FILTER : Occur.SHOULD);
    }
    return b.build();
  }

  private Query element(Operand value) {
    return switch (kindOf(value)) {
      case STRING -> KeywordField.newExactQuery(name(Kind.ELEMENT_STRING), ((StringLiteral) value).value());
      case NUMBER -> DoubleField.newExactQuery(name(Kind.ELEMENT_NUMBER), number(value));
      default -> KeywordField.newExactQuery(name(Kind.ELEMENT_BOOL), Boolean.toString(((BoolLiteral) value).value()));
    };
  }

  private String name(Kind kind) {
    return JsonPaths.field(field, path, kind);
  }

  private static Kind kindOf(Operand value) {
    if (value instanceof StringLiteral) {
      return Kind.STRING;
    }
    if (value instanceof IntLiteral || value instanceof FloatLiteral) {
      return Kind.NUMBER;
    }
    if (value instanceof BoolLiteral) {
      return Kind.BOOL;
    }
    throw new FilterException("a JSON path is compared with a literal, not '" + value.text() + "'", value.position());
  }

  private static double number(Operand value) {
    return value instanceof IntLiteral i ? i.value() : ((FloatLiteral) value).value();
  }
}
