package org.milvusbench.expr;

/**
 * A filter expression that cannot be used: malformed text, or (from a compiler such as the embedded
 * server's) a field or value the schema does not allow. The message ends with the 0-based character
 * position of the problem, {@code "unexpected '=' at position 9"}, the wording users and tests rely on.
 */
public final class FilterException extends RuntimeException {
  private final String problem;
  private final int position;

  /**
   * @param problem what is wrong, without the position ({@code "unexpected '='"})
   * @param position 0-based character offset in the expression text
   */
  public FilterException(String problem, int position) {
    super(problem + " at position " + position);
    this.problem = problem;
    this.position = position;
  }

  /** What is wrong, without the position. */
  public String problem() {
    return problem;
  }

  /** 0-based character offset in the expression text. */
  public int position() {
    return position;
  }
}
