package org.milvusbench.expr;

/**
 * One side of a comparison, an element of an {@code in} list, or a condition on its own: a field, a
 * literal, or {@code array_length(field)}.
 */
public sealed interface Operand permits FieldRef, Literal, ArrayLength {
  /** 0-based character offset of the operand in the expression text. */
  int position();

  /** The operand as messages quote it: a field as written, a string without its quotes. */
  String text();
}
