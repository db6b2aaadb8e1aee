package org.milvusbench.lucene.expr;

import io.milvus.grpc.DataType;
import io.milvus.grpc.FieldSchema;
import io.milvus.grpc.TemplateValue;
import java.util.Map;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.milvusbench.expr.CompareOp;
import org.milvusbench.expr.FieldRef;
import org.milvusbench.expr.FilterException;
import org.milvusbench.expr.FilterExpr;
import org.milvusbench.expr.FilterExpr.And;
import org.milvusbench.expr.FilterExpr.Comparison;
import org.milvusbench.expr.FilterExpr.In;
import org.milvusbench.expr.FilterExpr.IsTrue;
import org.milvusbench.expr.FilterExpr.Like;
import org.milvusbench.expr.FilterExpr.Not;
import org.milvusbench.expr.FilterExpr.Or;
import org.milvusbench.expr.Literal.BoolLiteral;
import org.milvusbench.expr.Operand;
import org.milvusbench.lucene.error.MilvusException;
import org.milvusbench.lucene.store.SchemaView;

/**
 * A Milvus boolean expression (search filter, query and delete) as a Lucene {@link Query} against
 * one collection's schema. Parsing is the shared grammar's ({@link FilterExpr#parse}); this class
 * decides what the schema allows: fields are the primary key and scalar fields (integers, VARCHAR,
 * FLOAT/DOUBLE, BOOL), {@code like} takes a VARCHAR field, and a JSON path is refused by name, since
 * this server keeps no JSON values to walk it through.
 */
public final class FilterCompiler {
  private final SchemaView schema;
  private final String text;

  private FilterCompiler(SchemaView schema, String text) {
    this.schema = schema;
    this.text = text;
  }

  /**
   * The query for {@code text}; a blank expression matches every row.
   *
   * @throws MilvusException {@link MilvusException#PARAMETER_INVALID} in Milvus's plan-failure wording
   *     when the text does not parse or does not fit the schema, naming the position;
   *     {@link MilvusException#OPERATION_NOT_SUPPORTED} for a JSON path
   */
  public static Query compile(SchemaView schema, String text) {
    return compile(schema, text, Map.of());
  }

  /**
   * As {@link #compile(SchemaView, String)}, after replacing the expression's {@code {name}} placeholders
   * with the request's template values ({@link FilterTemplate}); messages quote the substituted text,
   * whose positions they name.
   */
  public static Query compile(SchemaView schema, String template, Map<String, TemplateValue> values) {
    String text = template == null ? null : FilterTemplate.substitute(template, values);
    if (text == null || text.isBlank()) {
      return new MatchAllDocsQuery();
    }
    FilterCompiler compiler = new FilterCompiler(schema, text);
    try {
      return compiler.query(FilterExpr.parse(text));
    } catch (FilterException e) {
      throw MilvusException.invalid(compiler.planFailure(e.getMessage()));
    }
  }

  private String planFailure(String problem) {
    return "failed to create query plan: cannot parse expression: " + text + ", error: " + problem;
  }

  private Query query(FilterExpr e) {
    if (e instanceof Or or) {
      BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
      or.operands().forEach(part -> b.add(query(part), Occur.SHOULD));
      return b.build();
    }
    if (e instanceof And and) {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      and.operands().forEach(part -> b.add(query(part), Occur.FILTER));
      return b.build();
    }
    if (e instanceof Not not) {
      return not(query(not.operand()));
    }
    if (e instanceof Comparison c) {
      return comparison(c);
    }
    if (e instanceof In in) {
      Query any = FieldQueries.in(field(in.field()), in.values());
      return in.negated() ? not(any) : any;
    }
    if (e instanceof Like like) {
      return like(like);
    }
    return isTrue(((IsTrue) e).operand());
  }

  private static Query not(Query q) {
    return new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER).add(q, Occur.MUST_NOT).build();
  }

  /** The field may stand on either side ({@code 5 > year} is {@code year < 5}); the other side is its value. */
  private Query comparison(Comparison c) {
    Operand left = c.left();
    Operand right = c.right();
    CompareOp op = c.op();
    if (!(left instanceof FieldRef) && right instanceof FieldRef) {
      left = c.right();
      right = c.left();
      op = op.flipped();
    }
    if (!(left instanceof FieldRef ref)) {
      throw new FilterException("a comparison needs a field on one side, not '" + left.text() + "' "
          + op.symbol() + " '" + right.text() + "'", left.position());
    }
    FieldSchema field = field(ref);
    return switch (op) {
      case EQ -> FieldQueries.exact(field, right);
      case NE -> not(FieldQueries.exact(field, right));
      default -> FieldQueries.range(field, op, right);
    };
  }

  private Query like(Like like) {
    FieldSchema field = field(like.field());
    if (!FieldQueries.isString(field)) {
      throw new FilterException("like needs a VarChar field, but field " + field.getName() + " is "
          + field.getDataType(), like.field().position());
    }
    return LikeQuery.of(field.getName(), like.pattern());
  }

  private Query isTrue(Operand operand) {
    if (operand instanceof BoolLiteral b) {
      return b.value() ? new MatchAllDocsQuery() : new MatchNoDocsQuery("the filter is false");
    }
    if (!(operand instanceof FieldRef ref)) {
      throw new FilterException("'" + operand.text() + "' is not a condition", operand.position());
    }
    FieldSchema field = field(ref);
    if (field.getDataType() != DataType.Bool) {
      throw new FilterException("field " + field.getName() + " is " + field.getDataType()
          + ", not Bool, so it cannot stand alone as a condition", ref.position());
    }
    return FieldQueries.isTrue(field);
  }

  /** The schema field {@code ref} names, which must be a scalar this server indexes. */
  private FieldSchema field(FieldRef ref) {
    FieldSchema field = schema.field(ref.name());
    if (ref.hasPath()) {
      refusePath(ref, field);
    }
    DataType type = field == null ? null : field.getDataType();
    if (field == null || type == DataType.FloatVector || type == DataType.JSON) {
      throw new FilterException("field " + ref.name() + " not exist or not a scalar field", ref.position());
    }
    return field;
  }

  /**
   * Milvus would walk a path into a JSON field or the dynamic field; this server stores neither's
   * values, so the path is refused as unsupported rather than compiled to a query that matches
   * nothing. A path on a scalar field is wrong in Milvus too, and gets Milvus's wording.
   */
  private void refusePath(FieldRef ref, FieldSchema field) {
    boolean json = field == null ? schema.dynamic() : field.getDataType() == DataType.JSON;
    if (json) {
      throw MilvusException.unsupported(planFailure("JSON path " + ref.text() + " at position " + ref.position()
          + ": this server does not filter on JSON fields or the dynamic field"));
    }
    if (field != null) {
      throw new FilterException(field.getDataType() + " data type not supported accessed with []", ref.position());
    }
  }
}
