package org.milvusbench.expr;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.milvusbench.expr.FilterExpr.And;
import org.milvusbench.expr.FilterExpr.Comparison;
import org.milvusbench.expr.FilterExpr.In;
import org.milvusbench.expr.FilterExpr.IsTrue;
import org.milvusbench.expr.FilterExpr.Like;
import org.milvusbench.expr.FilterExpr.Not;
import org.milvusbench.expr.FilterExpr.Or;
import org.milvusbench.expr.Literal.BoolLiteral;
import org.milvusbench.expr.Literal.FloatLiteral;
import org.milvusbench.expr.Literal.IntLiteral;
import org.milvusbench.expr.Literal.StringLiteral;

/**
 * A parsed filter evaluated in Java over one row's scalar values, with the embedded server's
 * meaning: a comparison takes a field on one side and a literal of the field's type on the other,
 * strings order by code point (as Lucene's UTF-8 terms do), {@code like} takes {@code %}, {@code _}
 * and backslash escapes. Everything that could fail is checked when it is made, so {@link #test}
 * cannot.
 */
public final class RowFilter {
  private final FilterExpr expr;
  private final Map<String, ScalarType> fields;
  private final Map<Like, Pattern> likes = new HashMap<>();

  private RowFilter(FilterExpr expr, Map<String, ScalarType> fields) {
    this.expr = expr;
    this.fields = Map.copyOf(fields);
  }

  /**
   * The filter over rows with {@code fields}.
   *
   * @throws FilterException when the filter names a field not in {@code fields}, walks a JSON path,
   *     or compares a field with a value of another type; the message names the field and position
   */
  public static RowFilter of(FilterExpr expr, Map<String, ScalarType> fields) {
    RowFilter filter = new RowFilter(expr, fields);
    filter.check(expr);
    return filter;
  }

  /** True when {@code row} matches. */
  public boolean test(RowValues row) {
    return eval(expr, row);
  }

  private void check(FilterExpr e) {
    if (e instanceof Or or) {
      or.operands().forEach(this::check);
    } else if (e instanceof And and) {
      and.operands().forEach(this::check);
    } else if (e instanceof Not not) {
      check(not.operand());
    } else if (e instanceof Comparison c) {
      FieldRef field = fieldSide(c);
      checkValue(field, c.left() == field ? c.right() : c.left());
    } else if (e instanceof In in) {
      in.values().forEach(v -> checkValue(in.field(), v));
    } else if (e instanceof Like like) {
      if (type(like.field()) != ScalarType.STRING) {
        throw new FilterException("like needs a string field, not " + like.field().name(), like.field().position());
      }
      likes.put(like, likeRegex(like.pattern().value()));
    } else if (((IsTrue) e).operand() instanceof FieldRef ref && type(ref) != ScalarType.BOOL) {
      throw new FilterException("field " + ref.name() + " is not a bool, so it cannot stand alone", ref.position());
    } else if (((IsTrue) e).operand() instanceof Literal l && !(l instanceof BoolLiteral)) {
      throw new FilterException("'" + l.text() + "' is not a condition", l.position());
    }
  }

  private ScalarType type(FieldRef ref) {
    ScalarType type = fields.get(ref.name());
    if (ref.hasPath()) {
      throw new FilterException("JSON path " + ref.text() + " cannot be evaluated here", ref.position());
    }
    if (type == null) {
      throw new FilterException("field " + ref.name() + " is not one of " + String.join(", ", fields.keySet()),
          ref.position());
    }
    return type;
  }

  private static FieldRef fieldSide(Comparison c) {
    boolean leftField = c.left() instanceof FieldRef;
    if (leftField == c.right() instanceof FieldRef) {
      throw new FilterException("a comparison needs a field on one side and a value on the other, not '"
          + c.left().text() + "' " + c.op().symbol() + " '" + c.right().text() + "'", c.left().position());
    }
    return (FieldRef) (leftField ? c.left() : c.right());
  }

  private void checkValue(FieldRef field, Operand value) {
    ScalarType type = type(field);
    boolean fits = switch (type) {
      case INT -> value instanceof IntLiteral;
      case FLOAT -> value instanceof IntLiteral || value instanceof FloatLiteral;
      case STRING -> value instanceof StringLiteral;
      case BOOL -> value instanceof BoolLiteral || value instanceof IntLiteral;
    };
    if (!fits) {
      throw new FilterException("field " + field.name() + " is " + type + " and cannot be compared with '"
          + value.text() + "'", value.position());
    }
  }

  private boolean eval(FilterExpr e, RowValues row) {
    if (e instanceof Or or) {
      return or.operands().stream().anyMatch(part -> eval(part, row));
    }
    if (e instanceof And and) {
      return and.operands().stream().allMatch(part -> eval(part, row));
    }
    if (e instanceof Not not) {
      return !eval(not.operand(), row);
    }
    if (e instanceof Comparison c) {
      return comparison(c, row);
    }
    if (e instanceof In in) {
      return anyEqual(in.field(), in.values(), row) != in.negated();
    }
    if (e instanceof Like like) {
      return likes.get(like).matcher((String) row.value(like.field().name())).matches();
    }
    Operand alone = ((IsTrue) e).operand();
    return alone instanceof BoolLiteral b ? b.value() : (Boolean) row.value(((FieldRef) alone).name());
  }

  private boolean comparison(Comparison c, RowValues row) {
    boolean fieldLeft = c.left() instanceof FieldRef;
    FieldRef field = (FieldRef) (fieldLeft ? c.left() : c.right());
    CompareOp op = fieldLeft ? c.op() : c.op().flipped();
    int cmp = compare(field, row, (Literal) (fieldLeft ? c.right() : c.left()));
    return switch (op) {
      case EQ -> cmp == 0;
      case NE -> cmp != 0;
      case LT -> cmp < 0;
      case LE -> cmp <= 0;
      case GT -> cmp > 0;
      case GE -> cmp >= 0;
    };
  }

  private boolean anyEqual(FieldRef field, List<Operand> values, RowValues row) {
    for (Operand v : values) {
      if (compare(field, row, (Literal) v) == 0) {
        return true;
      }
    }
    return false;
  }

  /** The row's value of {@code field} against {@code literal}, which {@link #checkValue} let through. */
  private int compare(FieldRef field, RowValues row, Literal literal) {
    Object value = row.value(field.name());
    return switch (fields.get(field.name())) {
      case INT -> Long.compare((Long) value, ((IntLiteral) literal).value());
      case FLOAT -> Double.compare((Double) value, literal instanceof IntLiteral i ? i.value()
          : ((FloatLiteral) literal).value());
      case STRING -> compareCodePoints((String) value, ((StringLiteral) literal).value());
      case BOOL -> Long.compare((Boolean) value ? 1 : 0, literal instanceof BoolLiteral b ? (b.value() ? 1 : 0)
          : ((IntLiteral) literal).value());
    };
  }

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  /** {@code %} any sequence, {@code _} one character, a backslash makes the next character literal. */
  static Pattern likeRegex(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        if (c == '\\' && i + 1 < pattern.length()) {
          c = pattern.charAt(++i);
        }
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
