package org.milvusbench.expr;

import org.milvusbench.expr.FilterLexer.Token;
import org.milvusbench.expr.Literal.FloatLiteral;
import org.milvusbench.expr.Literal.IntLiteral;

/** Number tokens as literals, held to the ranges Milvus's parser accepts. */
final class NumberTokens {
  private NumberTokens() {}

  static IntLiteral integer(Token t) {
    try {
      return new IntLiteral(Long.parseLong(t.text()), t.text(), t.pos());
    } catch (NumberFormatException e) {
      throw new FilterException("integer out of range: " + t.text(), t.pos());
    }
  }

  static FloatLiteral floating(Token t) {
    double value = Double.parseDouble(t.text());
    if (Double.isInfinite(value)) {
      throw new FilterException("number out of range: " + t.text(), t.pos());
    }
    return new FloatLiteral(value, t.text(), t.pos());
  }
}
