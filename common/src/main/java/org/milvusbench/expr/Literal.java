package org.milvusbench.expr;

/** A constant in an expression. Each kind keeps its source text for messages ({@code not '1e5'}). */
public sealed interface Literal extends Operand {

  /** A whole number within {@code long} range, as Milvus's parser requires; a sign belongs to the literal. */
  record IntLiteral(long value, String text, int position) implements Literal {}

  /** A number with a fraction or an exponent: {@code 1.5}, {@code .5}, {@code 2e-3}. */
  record FloatLiteral(double value, String text, int position) implements Literal {}

  /** A string in either quote kind, with escapes resolved. */
  record StringLiteral(String value, int position) implements Literal {
    @Override
    public String text() {
      return value;
    }
  }

  /** {@code true} or {@code false}, in any letter case. */
  record BoolLiteral(boolean value, String text, int position) implements Literal {}
}
