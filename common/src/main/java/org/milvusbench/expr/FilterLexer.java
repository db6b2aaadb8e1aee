package org.milvusbench.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Splits a Milvus boolean expression into tokens, each with its character position (for error messages). */
final class FilterLexer {
  enum Kind { IDENT, INT, FLOAT, STRING, OP, LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, END }

  /**
   * One token. {@code text} is the source text, except for strings, where it is the value with quotes
   * removed and escapes resolved (so that messages quote what the user meant: {@code not 'x'}).
   */
  record Token(Kind kind, String text, int pos) {}

  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
  private static final Pattern FLOATING = Pattern.compile("[+-]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][+-]?\\d+)?");

  private final String expr;
  private final List<Token> tokens = new ArrayList<>();
  private int i;

  private FilterLexer(String expr) {
    this.expr = expr;
  }

  /** The tokens of {@code expr}, ending with one {@link Kind#END} at {@code expr.length()}. */
  static List<Token> tokenize(String expr) {
    FilterLexer lexer = new FilterLexer(expr);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    int n = expr.length();
    while (i < n) {
      char c = expr.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if ("()[],".indexOf(c) >= 0) {
        Kind k = c == '(' ? Kind.LPAREN : c == ')' ? Kind.RPAREN : c == '[' ? Kind.LBRACKET
            : c == ']' ? Kind.RBRACKET : Kind.COMMA;
        tokens.add(new Token(k, String.valueOf(c), i++));
      } else if (c == '"' || c == '\'') {
        string(c);
      } else if (startsNumber()) {
        number();
      } else if (Character.isLetter(c) || c == '_' || c == '$') {
        int start = i++;
        while (i < n && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '_')) {
          i++;
        }
        tokens.add(new Token(Kind.IDENT, expr.substring(start, i), start));
      } else {
        operator(c);
      }
    }
    tokens.add(new Token(Kind.END, "<end>", n));
  }

  /**
   * A string in either quote kind. {@code \" \' \\ \n \t \r} are resolved; any other escape is kept
   * with its backslash, so a like pattern receives {@code \%} and {@code \_} intact whether the user
   * wrote one backslash or two.
   */
  private void string(char quote) {
    int start = i++;
    int n = expr.length();
    StringBuilder sb = new StringBuilder();
    while (i < n && expr.charAt(i) != quote) {
      char ch = expr.charAt(i++);
      if (ch == '\\' && i < n) {
        char escaped = expr.charAt(i++);
        switch (escaped) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          case '"', '\'', '\\' -> sb.append(escaped);
          default -> sb.append('\\').append(escaped);
        }
      } else {
        sb.append(ch);
      }
    }
    if (i >= n) {
      throw new FilterException("unterminated string literal", start);
    }
    i++;
    tokens.add(new Token(Kind.STRING, sb.toString(), start));
  }

  /** A sign starts a number only where an operand may start: after an operand it is an (unsupported) operator. */
  private boolean startsNumber() {
    int at = i;
    char c = expr.charAt(at);
    if (c == '-' || c == '+') {
      if (endsOperand()) {
        return false;
      }
      at++;
    }
    if (at < expr.length() && Character.isDigit(expr.charAt(at))) {
      return true;
    }
    return at + 1 < expr.length() && expr.charAt(at) == '.' && Character.isDigit(expr.charAt(at + 1));
  }

  /** Scans greedily (letters included) so that {@code 12ab} or {@code 1.2.3} is one malformed number, not two tokens. */
  private void number() {
    int start = i++;
    int n = expr.length();
    while (i < n) {
      char c = expr.charAt(i);
      char before = expr.charAt(i - 1);
      boolean exponentSign = (c == '-' || c == '+') && (before == 'e' || before == 'E');
      if (!Character.isLetterOrDigit(c) && c != '.' && c != '_' && !exponentSign) {
        break;
      }
      i++;
    }
    String text = expr.substring(start, i);
    if (INTEGER.matcher(text).matches()) {
      tokens.add(new Token(Kind.INT, text, start));
    } else if (FLOATING.matcher(text).matches()) {
      tokens.add(new Token(Kind.FLOAT, text, start));
    } else {
      throw new FilterException("malformed number: " + text, start);
    }
  }

  private void operator(char c) {
    String two = i + 1 < expr.length() ? expr.substring(i, i + 2) : "";
    switch (two) {
      case "==", "!=", "<=", ">=", "&&", "||" -> {
        tokens.add(new Token(Kind.OP, two, i));
        i += 2;
      }
      default -> {
        if (c != '<' && c != '>' && c != '!') {
          throw new FilterException("unexpected character '" + c + "'", i);
        }
        tokens.add(new Token(Kind.OP, String.valueOf(c), i++));
      }
    }
  }

  private boolean endsOperand() {
    if (tokens.isEmpty()) {
      return false;
    }
    Kind k = tokens.get(tokens.size() - 1).kind();
    return k == Kind.IDENT || k == Kind.INT || k == Kind.FLOAT || k == Kind.STRING || k == Kind.RPAREN
        || k == Kind.RBRACKET;
  }
}
