package org.milvusbench.expr;

/**
 * {@code array_length(field)}: the number of elements of an ARRAY field, an integer operand that a
 * comparison may take in place of a field ({@code array_length(tags) > 2}), as in Milvus's grammar.
 *
 * @param field the array field (a schema-aware compiler checks that it is one)
 * @param position 0-based character offset of the word {@code array_length}
 */
public record ArrayLength(FieldRef field, int position) implements Operand {
  @Override
  public String text() {
    return "array_length(" + field.text() + ")";
  }
}
