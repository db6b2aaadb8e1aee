package org.milvusbench.expr;

/** One side of a comparison, an element of an {@code in} list, or a condition on its own: a field or a literal. */
public sealed interface Operand permits FieldRef, Literal {
  /** 0-based character offset of the operand in the expression text. */
  int position();

  /** The operand as messages quote it: a field as written, a string without its quotes. */
  String text();
}
