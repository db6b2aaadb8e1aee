package org.milvusbench.sweep.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A cheap syntax check of a Milvus boolean expression, so a typo fails before any load instead of
 * as thousands of KOs. Accepts comparisons ({@code == != < <= > >=}), {@code [not] in [...]},
 * {@code like}, {@code and / && / or / || / not / !}, parentheses, JSON paths {@code f["k"]},
 * numbers, strings and booleans. It does not know the schema: unknown fields are the server's call.
 */
public final class FilterSyntax {
  private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=");

  private final List<String> tokens;
  private int pos;

  private FilterSyntax(List<String> tokens) {
    this.tokens = tokens;
  }

  /** Null when {@code expression} parses, else what is wrong with it. */
  public static String problem(String expression) {
    try {
      FilterSyntax parser = new FilterSyntax(tokenize(expression));
      if (parser.tokens.isEmpty()) {
        return "empty expression";
      }
      parser.orExpr();
      if (parser.pos < parser.tokens.size()) {
        return "unexpected \"" + parser.tokens.get(parser.pos) + "\"";
      }
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  private static List<String> tokenize(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"' || c == '\'') {
        int end = i + 1;
        while (end < s.length() && s.charAt(end) != c) {
          end += s.charAt(end) == '\\' ? 2 : 1;
        }
        if (end >= s.length()) {
          throw new IllegalArgumentException("unterminated string starting at " + i);
        }
        out.add(s.substring(i, end + 1));
        i = end + 1;
      } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '.' || c == '-') {
        int end = i + 1;
        while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || "_$.".indexOf(s.charAt(end)) >= 0)) {
          end++;
        }
        out.add(s.substring(i, end));
        i = end;
      } else if (i + 1 < s.length() && Set.of("==", "!=", "<=", ">=", "&&", "||").contains(s.substring(i, i + 2))) {
        out.add(s.substring(i, i + 2));
        i += 2;
      } else if ("<>()[],!".indexOf(c) >= 0) {
        out.add(String.valueOf(c));
        i++;
      } else if (c == '=') {
        throw new IllegalArgumentException("\"=\" at " + i + " is not an operator (equality is ==)");
      } else {
        throw new IllegalArgumentException("unexpected character '" + c + "' at " + i);
      }
    }
    return out;
  }

  private String peek() {
    return pos < tokens.size() ? tokens.get(pos) : null;
  }

  private String lower() {
    String t = peek();
    return t == null ? null : t.toLowerCase(Locale.ROOT);
  }

  private String take() {
    if (pos >= tokens.size()) {
      throw new IllegalArgumentException("expression ends too early");
    }
    return tokens.get(pos++);
  }

  private void expect(String token) {
    String t = take();
    if (!t.equals(token)) {
      throw new IllegalArgumentException("expected \"" + token + "\" but found \"" + t + "\"");
    }
  }

  private void orExpr() {
    andExpr();
    while ("or".equals(lower()) || "||".equals(peek())) {
      pos++;
      andExpr();
    }
  }

  private void andExpr() {
    unary();
    while ("and".equals(lower()) || "&&".equals(peek())) {
      pos++;
      unary();
    }
  }

  private void unary() {
    if ("not".equals(lower()) || "!".equals(peek())) {
      pos++;
      unary();
    } else if ("(".equals(peek())) {
      pos++;
      orExpr();
      expect(")");
    } else {
      comparison();
    }
  }

  private void comparison() {
    operand();
    String op = lower();
    if (op != null && COMPARISONS.contains(op)) {
      pos++;
      operand();
      // Milvus allows range chains such as 1 < x < 5.
      if (lower() != null && COMPARISONS.contains(lower())) {
        pos++;
        operand();
      }
    } else if ("in".equals(op) || ("not".equals(op) && pos + 1 < tokens.size()
        && tokens.get(pos + 1).equalsIgnoreCase("in"))) {
      pos += "in".equals(op) ? 1 : 2;
      list();
    } else if ("like".equals(op)) {
      pos++;
      String pattern = take();
      if (!isString(pattern)) {
        throw new IllegalArgumentException("like needs a string pattern, found \"" + pattern + "\"");
      }
    } else if (!isBooleanField()) {
      throw new IllegalArgumentException(
          op == null ? "expression ends without a comparison" : "expected a comparison after the operand, found \"" + tokens.get(pos) + "\"");
    }
  }

  /** A bare boolean field or literal ({@code is_active}, {@code true}) is a valid condition. */
  private boolean isBooleanField() {
    String previous = tokens.get(pos - 1);
    return !isString(previous) && !Character.isDigit(previous.charAt(0)) && !previous.equals("]");
  }

  private void operand() {
    String t = take();
    if (isString(t)) {
      return;
    }
    if (!Character.isLetterOrDigit(t.charAt(0)) && t.charAt(0) != '_' && t.charAt(0) != '$' && t.charAt(0) != '-' && t.charAt(0) != '.') {
      throw new IllegalArgumentException("expected a field or a value, found \"" + t + "\"");
    }
    while ("[".equals(peek())) {
      pos++;
      take();
      expect("]");
    }
  }

  private void list() {
    expect("[");
    if ("]".equals(peek())) {
      pos++;
      return;
    }
    operand();
    while (",".equals(peek())) {
      pos++;
      operand();
    }
    expect("]");
  }

  private static boolean isString(String t) {
    return t.length() >= 2 && (t.charAt(0) == '"' || t.charAt(0) == '\'');
  }
}
