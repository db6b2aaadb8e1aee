package org.milvusbench.lucene.expr;

import io.milvus.grpc.TemplateArrayValue;
import io.milvus.grpc.TemplateValue;
import java.util.List;
import java.util.Map;
import org.milvusbench.lucene.error.MilvusException;

/**
 * Milvus 2.5+ expression templates: {@code id < {max}} or {@code category in {cats}} with the values in
 * the request's {@code expr_template_values}. The shared grammar (common's {@code org.milvusbench.expr})
 * has no placeholders, so each {@code {name}} outside a string literal is replaced by its value written
 * as a literal before parsing. Strings are quoted and escaped, numbers and booleans are written in the
 * grammar's own syntax, so a value is always exactly one literal (or one list of literals): it can never
 * change the structure of the expression around it.
 *
 * <p>Milvus's refusals are kept: a placeholder without a value, a scalar where {@code in} needs a list,
 * and a placeholder standing for a {@code like} pattern (Milvus's grammar wants a string literal there).
 */
final class FilterTemplate {
  private final String expr;
  private final Map<String, TemplateValue> values;
  private final StringBuilder out;
  private int i;

  private FilterTemplate(String expr, Map<String, TemplateValue> values) {
    this.expr = expr;
    this.values = values;
    this.out = new StringBuilder(expr.length() + 16);
  }

  /** {@code expr} with every placeholder replaced; {@code expr} itself when it has none. */
  static String substitute(String expr, Map<String, TemplateValue> values) {
    if (expr.indexOf('{') < 0) {
      return expr;
    }
    FilterTemplate t = new FilterTemplate(expr, values);
    t.run();
    return t.out.toString();
  }

  private void run() {
    int n = expr.length();
    while (i < n) {
      char c = expr.charAt(i);
      if (c == '"' || c == '\'') {
        copyString(c);
      } else if (c == '{' && placeholder()) {
        continue;
      } else {
        out.append(c);
        i++;
      }
    }
  }

  /** Copies a string literal through unchanged (a brace inside one is text, not a placeholder). */
  private void copyString(char quote) {
    int n = expr.length();
    out.append(expr.charAt(i++));
    while (i < n && expr.charAt(i) != quote) {
      if (expr.charAt(i) == '\\' && i + 1 < n) {
        out.append(expr.charAt(i++));
      }
      out.append(expr.charAt(i++));
    }
    if (i < n) {
      out.append(expr.charAt(i++));
    }
  }

  /**
   * At a '{': when {@code { name }} follows, appends the value and moves past it; otherwise returns false
   * and leaves the brace to the parser, which names it as an unexpected character.
   */
  private boolean placeholder() {
    int j = skipSpaces(i + 1);
    int start = j;
    while (j < expr.length() && (Character.isLetterOrDigit(expr.charAt(j)) || expr.charAt(j) == '_')) {
      j++;
    }
    String name = expr.substring(start, j);
    j = skipSpaces(j);
    if (name.isEmpty() || Character.isDigit(name.charAt(0)) || j >= expr.length() || expr.charAt(j) != '}') {
      return false;
    }
    TemplateValue value = values.get(name);
    if (value == null) {
      throw planFailure("the value of expression template variable name {" + name + "} is not found");
    }
    String before = previousWord();
    if (before.equalsIgnoreCase("like")) {
      throw planFailure("cannot parse expression: " + expr + ", error: like takes a string literal, not the template"
          + " variable {" + name + "}");
    }
    if (before.equalsIgnoreCase("in") && value.getValCase() != TemplateValue.ValCase.ARRAY_VAL) {
      throw planFailure("the value of term expression template variable {" + name + "} is not array");
    }
    out.append(literal(name, value));
    i = j + 1;
    return true;
  }

  private int skipSpaces(int from) {
    int j = from;
    while (j < expr.length() && Character.isWhitespace(expr.charAt(j))) {
      j++;
    }
    return j;
  }

  /** The word just before the placeholder in the text so far ({@code in}, {@code like}, or anything). */
  private String previousWord() {
    int end = out.length();
    while (end > 0 && Character.isWhitespace(out.charAt(end - 1))) {
      end--;
    }
    int start = end;
    while (start > 0 && Character.isLetter(out.charAt(start - 1))) {
      start--;
    }
    return out.substring(start, end);
  }

  private static String literal(String name, TemplateValue v) {
    switch (v.getValCase()) {
      case BOOL_VAL:
        return Boolean.toString(v.getBoolVal());
      case INT64_VAL:
        return Long.toString(v.getInt64Val());
      case FLOAT_VAL:
        return number(name, v.getFloatVal());
      case STRING_VAL:
        return quoted(v.getStringVal());
      case ARRAY_VAL:
        return list(name, v.getArrayVal());
      default:
        throw planFailure("the value of expression template variable {" + name + "} is empty");
    }
  }

  private static String list(String name, TemplateArrayValue a) {
    switch (a.getDataCase()) {
      case BOOL_DATA:
        return join(a.getBoolData().getDataList().stream().map(String::valueOf).toList());
      case LONG_DATA:
        return join(a.getLongData().getDataList().stream().map(String::valueOf).toList());
      case DOUBLE_DATA:
        return join(a.getDoubleData().getDataList().stream().map(d -> number(name, d)).toList());
      case STRING_DATA:
        return join(a.getStringData().getDataList().stream().map(FilterTemplate::quoted).toList());
      case DATA_NOT_SET:
        return "[]";
      default:
        // Lists of lists compare with ARRAY fields and JSON values with JSON fields: this server has neither.
        throw MilvusException.unsupported("failed to create query plan: the template variable {" + name + "} holds "
            + a.getDataCase() + ", for ARRAY or JSON fields, which this server does not have");
    }
  }

  private static String join(List<String> literals) {
    return "[" + String.join(", ", literals) + "]";
  }

  /** Java's shortest round-trip form, which the grammar reads back to the same double (1.0E-5 included). */
  private static String number(String name, double d) {
    if (!Double.isFinite(d)) {
      throw planFailure("the value of expression template variable {" + name + "} is " + d + ", not a finite number");
    }
    return Double.toString(d);
  }

  /** A double-quoted literal the grammar's lexer turns back into exactly {@code s}. */
  static String quoted(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static MilvusException planFailure(String detail) {
    return MilvusException.invalid("failed to create query plan: " + detail);
  }
}
