package org.milvusbench.lucene.expr;

import io.milvus.grpc.DataType;
import io.milvus.grpc.FieldSchema;
import io.milvus.grpc.TemplateValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.milvusbench.expr.ArrayLength;
import org.milvusbench.expr.CompareOp;
import org.milvusbench.expr.FieldRef;
import org.milvusbench.expr.FilterException;
import org.milvusbench.expr.FilterExpr;
import org.milvusbench.expr.FilterExpr.And;
import org.milvusbench.expr.FilterExpr.Comparison;
import org.milvusbench.expr.FilterExpr.Contains;
import org.milvusbench.expr.FilterExpr.Exists;
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
 * FLOAT/DOUBLE, BOOL), {@code like} takes a VARCHAR field; a path into a JSON field
 * ({@code meta["a"]["b"]}) or into the dynamic field ({@code $meta["k"]}, or a bare name that is no
 * schema field: {@code color} is {@code $meta["color"]}) compiles through {@link JsonQueries}, and an
 * ARRAY field's elements ({@code tags[0]}, {@code array_contains*}, {@code array_length}) through
 * {@link ArrayQueries}.
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
   *     when the text does not parse or does not fit the schema, naming the position
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
    if (e instanceof In in && array(in.field()) != null) {
      Query any = array(in.field()).elementIn(elementIndex(in.field()), in.field().position(), in.values());
      return in.negated() ? not(any) : any;
    }
    if (e instanceof In in) {
      JsonQueries json = json(in.field());
      Query any = json != null ? json.in(in.values()) : FieldQueries.in(field(in.field()), in.values());
      return in.negated() ? not(any) : any;
    }
    if (e instanceof Like like) {
      return like(like);
    }
    if (e instanceof Exists exists) {
      return jsonPath(exists.field(), "exists").exists();
    }
    if (e instanceof Contains contains && schema.field(contains.field().name()) != null
        && schema.field(contains.field().name()).getDataType() == DataType.Array) {
      if (contains.field().hasPath()) {
        throw new FilterException("array_contains needs a whole array field, not an element: "
            + contains.field().text(), contains.field().position());
      }
      return new ArrayQueries(schema.field(contains.field().name())).contains(contains.values(), contains.mode());
    }
    if (e instanceof Contains contains) {
      return jsonPath(contains.field(), "json_contains").contains(contains.values(), contains.mode());
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
    if (!isField(left) && isField(right)) {
      left = c.right();
      right = c.left();
      op = op.flipped();
    }
    if (left instanceof ArrayLength length) {
      return arrayLength(length).length(op, right);
    }
    if (!(left instanceof FieldRef ref)) {
      throw new FilterException("a comparison needs a field on one side, not '" + left.text() + "' "
          + op.symbol() + " '" + right.text() + "'", left.position());
    }
    ArrayQueries array = array(ref);
    if (array != null) {
      return array.element(elementIndex(ref), ref.position(), op, right);
    }
    JsonQueries json = json(ref);
    if (json != null) {
      return switch (op) {
        case EQ -> json.exact(right);
        case NE -> not(json.exact(right));
        default -> json.range(op, right);
      };
    }
    FieldSchema field = field(ref);
    return switch (op) {
      case EQ -> FieldQueries.exact(field, right);
      case NE -> not(FieldQueries.exact(field, right));
      default -> FieldQueries.range(field, op, right);
    };
  }

  private Query like(Like like) {
    if (array(like.field()) != null) {
      throw MilvusException.unsupported("like on an array element (" + like.field().text() + ")");
    }
    JsonQueries json = json(like.field());
    if (json != null) {
      return json.like(like.pattern());
    }
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
    ArrayQueries array = array(ref);
    if (array != null) {
      return array.element(elementIndex(ref), ref.position(), CompareOp.EQ, new BoolLiteral(true, "true", ref.position()));
    }
    JsonQueries json = json(ref);
    if (json != null) {
      return json.exact(new BoolLiteral(true, "true", ref.position()));
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
    if (ref.hasPath() && field != null) {
      throw new FilterException(field.getDataType() + " data type not supported accessed with []", ref.position());
    }
    DataType type = field == null ? null : field.getDataType();
    if (field == null || type == DataType.FloatVector || type == DataType.JSON) {
      throw new FilterException("field " + ref.name() + " not exist or not a scalar field", ref.position());
    }
    if (type == DataType.Array) {
      throw new FilterException("array field " + ref.name() + " is filtered by its elements (" + ref.name()
          + "[0] == v, array_contains(" + ref.name() + ", v), array_length(" + ref.name() + ") > n), not as a whole",
          ref.position());
    }
    return field;
  }

  private static boolean isField(Operand o) {
    return o instanceof FieldRef || o instanceof ArrayLength;
  }

  /** Queries on the ARRAY field whose element {@code ref} names ({@code tags[2]}), or null for anything else. */
  private ArrayQueries array(FieldRef ref) {
    FieldSchema field = schema.field(ref.name());
    return field != null && field.getDataType() == DataType.Array && ref.hasPath() ? new ArrayQueries(field) : null;
  }

  /** The one index of an array element access. */
  private static String elementIndex(FieldRef ref) {
    if (ref.path().size() > 1) {
      throw new FilterException("an array element has no path below it: " + ref.text(), ref.position());
    }
    return ref.path().get(0);
  }

  /** {@code array_length(f)} of an ARRAY field; Milvus also takes a JSON array, which this server does not. */
  private ArrayQueries arrayLength(ArrayLength length) {
    FieldRef ref = length.field();
    FieldSchema field = schema.field(ref.name());
    if (field != null && field.getDataType() == DataType.Array && !ref.hasPath()) {
      return new ArrayQueries(field);
    }
    if (json(ref) != null || (field != null && field.getDataType() == DataType.JSON)) {
      throw MilvusException.unsupported("array_length of a JSON value (" + ref.text() + "); it is served on ARRAY fields");
    }
    throw new FilterException("array_length operation are only supported on json or array fields now, got: "
        + length.text(), length.position());
  }

  /**
   * The JSON path {@code ref} names: a path into a JSON field, {@code $meta[...]}, or in a dynamic
   * collection any name the schema lacks (Milvus reads it as a key of the dynamic field); null for
   * anything else, which {@link #field} then judges.
   */
  private JsonQueries json(FieldRef ref) {
    FieldSchema field = schema.field(ref.name());
    if (field != null) {
      return field.getDataType() == DataType.JSON && ref.hasPath() ? new JsonQueries(field.getName(), ref.path())
          : null;
    }
    if (!schema.dynamic()) {
      return null;
    }
    if (ref.name().equals(SchemaView.DYNAMIC_FIELD)) {
      return ref.hasPath() ? new JsonQueries(SchemaView.DYNAMIC_FIELD, ref.path()) : null;
    }
    List<String> path = new ArrayList<>();
    path.add(ref.name());
    path.addAll(ref.path());
    return new JsonQueries(SchemaView.DYNAMIC_FIELD, path);
  }

  /** As {@link #json}, for {@code exists} and {@code json_contains}, which take nothing else; a whole JSON field is its root path. */
  private JsonQueries jsonPath(FieldRef ref, String what) {
    JsonQueries json = json(ref);
    FieldSchema field = schema.field(ref.name());
    if (json == null && field != null && field.getDataType() == DataType.JSON && !what.equals("exists")) {
      return new JsonQueries(field.getName(), List.of());
    }
    if (json == null) {
      throw new FilterException(what + " needs a JSON field or a path into one, not " + ref.text(), ref.position());
    }
    return json;
  }
}
