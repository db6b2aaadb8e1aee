package org.milvusbench.lucene.expr;

/** A malformed filter expression, with the 0-based character position where parsing failed. */
public final class FilterException extends RuntimeException {
  private final int position;

  public FilterException(String message, int position) {
    super(message + " at position " + position);
    this.position = position;
  }

  public int position() {
    return position;
  }
}
