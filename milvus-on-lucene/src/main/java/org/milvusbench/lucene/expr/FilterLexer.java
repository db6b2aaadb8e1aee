package org.milvusbench.lucene.expr;

import java.util.ArrayList;
import java.util.List;

/** Splits a Milvus boolean expression into tokens, each with its character position (for error messages). */
final class FilterLexer {
  enum Kind { IDENT, INT, FLOAT, STRING, OP, LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, END }

  record Token(Kind kind, String text, int pos) {}

  private FilterLexer() {}

  static List<Token> tokenize(String expr) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = expr.length();
    while (i < n) {
      char c = expr.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')' || c == '[' || c == ']' || c == ',') {
        Kind k = c == '(' ? Kind.LPAREN : c == ')' ? Kind.RPAREN : c == '[' ? Kind.LBRACKET
            : c == ']' ? Kind.RBRACKET : Kind.COMMA;
        tokens.add(new Token(k, String.valueOf(c), i++));
      } else if (c == '"' || c == '\'') {
        int start = i++;
        StringBuilder sb = new StringBuilder();
        while (i < n && expr.charAt(i) != c) {
          char ch = expr.charAt(i++);
          if (ch == '\\' && i < n) {
            ch = expr.charAt(i++);
          }
          sb.append(ch);
        }
        if (i >= n) {
          throw new FilterException("unterminated string literal", start);
        }
        i++;
        tokens.add(new Token(Kind.STRING, sb.toString(), start));
      } else if (Character.isDigit(c) || ((c == '-' || c == '+') && i + 1 < n && Character.isDigit(expr.charAt(i + 1))
          && !endsOperand(tokens))) {
        int start = i++;
        boolean isFloat = false;
        while (i < n && (Character.isDigit(expr.charAt(i)) || expr.charAt(i) == '.' || expr.charAt(i) == 'e'
            || expr.charAt(i) == 'E')) {
          isFloat |= !Character.isDigit(expr.charAt(i));
          i++;
        }
        tokens.add(new Token(isFloat ? Kind.FLOAT : Kind.INT, expr.substring(start, i), start));
      } else if (Character.isLetter(c) || c == '_' || c == '$') {
        int start = i++;
        while (i < n && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '_')) {
          i++;
        }
        tokens.add(new Token(Kind.IDENT, expr.substring(start, i), start));
      } else {
        int start = i;
        String two = i + 1 < n ? expr.substring(i, i + 2) : "";
        if (two.equals("==") || two.equals("!=") || two.equals("<=") || two.equals(">=") || two.equals("&&")
            || two.equals("||")) {
          tokens.add(new Token(Kind.OP, two, start));
          i += 2;
        } else if (c == '<' || c == '>' || c == '!') {
          tokens.add(new Token(Kind.OP, String.valueOf(c), start));
          i++;
        } else {
          throw new FilterException("unexpected character '" + c + "'", start);
        }
      }
    }
    tokens.add(new Token(Kind.END, "<end>", n));
    return tokens;
  }

  /** A sign after an operand is a binary operator we do not support, not part of a number. */
  private static boolean endsOperand(List<Token> tokens) {
    if (tokens.isEmpty()) {
      return false;
    }
    Kind k = tokens.get(tokens.size() - 1).kind();
    return k == Kind.IDENT || k == Kind.INT || k == Kind.FLOAT || k == Kind.STRING || k == Kind.RPAREN;
  }
}
