package org.milvusbench.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.milvusbench.expr.FilterExpr.And;
import org.milvusbench.expr.FilterExpr.Comparison;
import org.milvusbench.expr.FilterExpr.Contains;
import org.milvusbench.expr.FilterExpr.ContainsMode;
import org.milvusbench.expr.FilterExpr.Exists;
import org.milvusbench.expr.FilterExpr.In;
import org.milvusbench.expr.FilterExpr.IsTrue;
import org.milvusbench.expr.FilterExpr.Like;
import org.milvusbench.expr.FilterExpr.Not;
import org.milvusbench.expr.FilterExpr.Or;
import org.milvusbench.expr.FilterLexer.Kind;
import org.milvusbench.expr.FilterLexer.Token;
import org.milvusbench.expr.Literal.BoolLiteral;
import org.milvusbench.expr.Literal.StringLiteral;

/** Recursive-descent parser for the grammar documented on {@link FilterExpr}. */
final class FilterParser {
  /** Words that cannot name a field; Milvus reserves them too. */
  private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "like");
  /**
   * Nesting deeper than this is refused rather than risking a StackOverflowError in a server thread;
   * no real filter comes close.
   */
  static final int MAX_DEPTH = 200;

  private final List<Token> tokens;
  private int at;
  private int depth;

  private FilterParser(List<Token> tokens) {
    this.tokens = tokens;
  }

  static FilterExpr parse(String text) {
    if (text.isBlank()) {
      throw new FilterException("empty expression", 0);
    }
    FilterParser p = new FilterParser(FilterLexer.tokenize(text));
    FilterExpr e = p.or();
    Token end = p.peek();
    if (end.kind() != Kind.END) {
      throw new FilterException("unexpected '" + end.text() + "'", end.pos());
    }
    return e;
  }

  private Token peek() {
    return tokens.get(at);
  }

  private Token next() {
    Token t = tokens.get(at);
    if (t.kind() != Kind.END) {
      at++;
    }
    return t;
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

  private FilterExpr or() {
    List<FilterExpr> parts = new ArrayList<>();
    parts.add(and());
    while (acceptWord("or") || acceptOp("||")) {
      parts.add(and());
    }
    return parts.size() == 1 ? parts.get(0) : new Or(parts);
  }

  private FilterExpr and() {
    List<FilterExpr> parts = new ArrayList<>();
    parts.add(unary());
    while (acceptWord("and") || acceptOp("&&")) {
      parts.add(unary());
    }
    return parts.size() == 1 ? parts.get(0) : new And(parts);
  }

  private FilterExpr unary() {
    if (++depth > MAX_DEPTH) {
      throw new FilterException("expression nests deeper than " + MAX_DEPTH + " levels", peek().pos());
    }
    try {
      if (acceptWord("not") || acceptOp("!")) {
        return new Not(unary());
      }
      if (peek().kind() == Kind.LPAREN) {
        next();
        FilterExpr inner = or();
        expect(Kind.RPAREN, "')'");
        return inner;
      }
      FilterExpr json = jsonPredicate();
      return json != null ? json : predicate();
    } finally {
      depth--;
    }
  }

  /**
   * {@code exists field} or a {@code json_contains*} / {@code array_contains*} call, else null. Neither word is reserved: only
   * followed by a field ({@code exists}) or by {@code (} (the functions) does it start one, so a field
   * may still be named {@code exists}.
   */
  private FilterExpr jsonPredicate() {
    Token word = peek();
    Token after = tokens.get(Math.min(at + 1, tokens.size() - 1));
    if (word.kind() != Kind.IDENT) {
      return null;
    }
    String name = word.text().toLowerCase(java.util.Locale.ROOT);
    if (name.equals("exists") && after.kind() == Kind.IDENT) {
      next();
      return new Exists(fieldArgument("exists"));
    }
    // Milvus's grammar (Plan.g4) gives json_contains* and array_contains* one rule each: either
    // spelling works on a JSON path or an ARRAY field, and the schema-aware compiler tells them apart.
    ContainsMode mode = switch (name) {
      case "json_contains", "array_contains" -> ContainsMode.ONE;
      case "json_contains_any", "array_contains_any" -> ContainsMode.ANY;
      case "json_contains_all", "array_contains_all" -> ContainsMode.ALL;
      default -> null;
    };
    if (mode == null || after.kind() != Kind.LPAREN) {
      return null;
    }
    next();
    next();
    FieldRef field = fieldArgument(word.text());
    expect(Kind.COMMA, "','");
    List<Operand> values = mode == ContainsMode.ONE ? List.of(operand("a value")) : list();
    expect(Kind.RPAREN, "')'");
    return new Contains(field, values, mode);
  }

  private FieldRef fieldArgument(String keyword) {
    Operand o = operand("a field");
    if (o instanceof FieldRef field) {
      return field;
    }
    throw new FilterException(keyword + " needs a field, not '" + o.text() + "'", o.position());
  }

  private FilterExpr predicate() {
    Operand left = operand("a field name");
    boolean negated = acceptWord("not");
    if (acceptWord("in")) {
      return new In(fieldBefore("in", left), list(), negated);
    }
    if (negated) {
      throw new FilterException("expected 'in' after 'not'", peek().pos());
    }
    if (acceptWord("like")) {
      FieldRef field = fieldBefore("like", left);
      Token pattern = expect(Kind.STRING, "a quoted like pattern");
      return new Like(field, new StringLiteral(pattern.text(), pattern.pos()));
    }
    CompareOp op = comparisonOp();
    if (op == null) {
      return alone(left);
    }
    Operand right = operand("a value");
    Comparison first = new Comparison(left, op, right);
    Token secondToken = peek();
    CompareOp second = comparisonOp();
    if (second == null) {
      return first;
    }
    boolean sameDirection = (op.isUpward() && second.isUpward()) || (op.isDownward() && second.isDownward());
    if (!sameDirection) {
      throw new FilterException("a range needs two comparisons in the same direction (e.g. 1 < x < 5), not '"
          + op.symbol() + "' then '" + second.symbol() + "'", secondToken.pos());
    }
    return new And(List.of(first, new Comparison(right, second, operand("a value"))));
  }

  /** A bare field or boolean literal is a condition; any other literal must be compared with something. */
  private FilterExpr alone(Operand left) {
    if (left instanceof FieldRef || left instanceof BoolLiteral) {
      return new IsTrue(left);
    }
    Token t = peek();
    throw new FilterException("expected a comparison operator but found '" + t.text() + "'", t.pos());
  }

  private CompareOp comparisonOp() {
    Token t = peek();
    CompareOp op = t.kind() == Kind.OP ? CompareOp.of(t.text()) : null;
    if (op != null) {
      at++;
    }
    return op;
  }

  private static FieldRef fieldBefore(String keyword, Operand left) {
    if (left instanceof FieldRef field) {
      return field;
    }
    throw new FilterException("expected a field before '" + keyword + "' but found '" + left.text() + "'",
        left.position());
  }

  private List<Operand> list() {
    expect(Kind.LBRACKET, "'['");
    List<Operand> values = new ArrayList<>();
    if (peek().kind() != Kind.RBRACKET) {
      values.add(operand("a value"));
      while (peek().kind() == Kind.COMMA) {
        next();
        values.add(operand("a value"));
      }
    }
    expect(Kind.RBRACKET, "']'");
    return values;
  }

  /** A field (with its JSON path) or a literal; {@code what} names the expectation in the error. */
  private Operand operand(String what) {
    Token t = next();
    switch (t.kind()) {
      case STRING:
        return new StringLiteral(t.text(), t.pos());
      case INT:
        return NumberTokens.integer(t);
      case FLOAT:
        return NumberTokens.floating(t);
      case IDENT:
        if (t.text().equalsIgnoreCase("true") || t.text().equalsIgnoreCase("false")) {
          return new BoolLiteral(t.text().equalsIgnoreCase("true"), t.text(), t.pos());
        }
        if (t.text().equalsIgnoreCase("array_length") && peek().kind() == Kind.LPAREN) {
          next();
          FieldRef field = fieldArgument(t.text());
          expect(Kind.RPAREN, "')'");
          return new ArrayLength(field, t.pos());
        }
        if (!KEYWORDS.contains(t.text().toLowerCase(java.util.Locale.ROOT))) {
          return new FieldRef(t.text(), path(), t.pos());
        }
        break;
      default:
        break;
    }
    throw new FilterException("expected " + what + " but found '" + t.text() + "'", t.pos());
  }

  private List<String> path() {
    List<String> keys = new ArrayList<>();
    while (peek().kind() == Kind.LBRACKET) {
      next();
      Token key = next();
      boolean index = key.kind() == Kind.INT && !key.text().startsWith("-") && !key.text().startsWith("+");
      if (key.kind() != Kind.STRING && !index) {
        throw new FilterException("expected a JSON key (a quoted string or an index) but found '" + key.text()
            + "'", key.pos());
      }
      keys.add(key.text());
      expect(Kind.RBRACKET, "']'");
    }
    return keys;
  }
}
