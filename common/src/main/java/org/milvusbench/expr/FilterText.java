package org.milvusbench.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
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
 * The canonical text of a filter: one spelling per meaning for the usual variations, so that what is
 * stored for a filter is found again however it is written. Keywords in lower case ({@code and or
 * not in like}), single spaces, double-quoted strings, the field left of a comparison ({@code 5 > x}
 * is {@code x < 5}), nested {@code and}/{@code or} flattened, {@code in} lists sorted without
 * duplicates, numbers as Java prints them ({@code +5} is {@code 5}), parentheses only where needed.
 * The text parses back to the same canonical text.
 */
public final class FilterText {
  private FilterText() {}

  /** The canonical text of {@code expr}. */
  public static String canonical(FilterExpr expr) {
    if (expr instanceof Or or) {
      return String.join(" or ", flatten(or.operands(), true, false));
    }
    if (expr instanceof And and) {
      return String.join(" and ", flatten(and.operands(), false, true));
    }
    if (expr instanceof Not not) {
      FilterExpr inner = not.operand();
      boolean group = inner instanceof Or || inner instanceof And;
      return "not " + (group ? "(" + canonical(inner) + ")" : canonical(inner));
    }
    if (expr instanceof Comparison c) {
      boolean flip = !(c.left() instanceof FieldRef) && c.right() instanceof FieldRef;
      return flip ? operand(c.right()) + " " + c.op().flipped().symbol() + " " + operand(c.left())
          : operand(c.left()) + " " + c.op().symbol() + " " + operand(c.right());
    }
    if (expr instanceof In in) {
      TreeSet<String> values = new TreeSet<>();
      in.values().forEach(v -> values.add(operand(v)));
      return in.field().text() + (in.negated() ? " not in [" : " in [") + String.join(", ", values) + "]";
    }
    if (expr instanceof Like like) {
      return like.field().text() + " like " + quoted(like.pattern().value());
    }
    return operand(((IsTrue) expr).operand());
  }

  /** The operands of an {@code or} ({@code ors}) or {@code and}, nested ones of the same kind inlined. */
  private static List<String> flatten(List<FilterExpr> operands, boolean ors, boolean ands) {
    List<String> out = new ArrayList<>();
    for (FilterExpr e : operands) {
      if (ors && e instanceof Or or) {
        out.addAll(flatten(or.operands(), true, false));
      } else if (ands && e instanceof And and) {
        out.addAll(flatten(and.operands(), false, true));
      } else {
        out.add(ands && e instanceof Or ? "(" + canonical(e) + ")" : canonical(e));
      }
    }
    return out;
  }

  private static String operand(Operand o) {
    if (o instanceof IntLiteral i) {
      return Long.toString(i.value());
    }
    if (o instanceof FloatLiteral f) {
      return Double.toString(f.value());
    }
    if (o instanceof BoolLiteral b) {
      return Boolean.toString(b.value());
    }
    if (o instanceof StringLiteral s) {
      return quoted(s.value());
    }
    return o.text();
  }

  private static String quoted(String value) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
