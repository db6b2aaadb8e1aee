package org.milvusbench.expr;

/** The comparison operators of a Milvus expression. */
public enum CompareOp {
  EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

  private final String symbol;

  CompareOp(String symbol) {
    this.symbol = symbol;
  }

  /** As written in an expression. */
  public String symbol() {
    return symbol;
  }

  /** The operator with its sides swapped: {@code 5 > x} is {@code x < 5}. */
  public CompareOp flipped() {
    return switch (this) {
      case LT -> GT;
      case LE -> GE;
      case GT -> LT;
      case GE -> LE;
      default -> this;
    };
  }

  /** True for {@code < <=}, which with {@code > >=} may form a range {@code 1 < x < 5}. */
  boolean isUpward() {
    return this == LT || this == LE;
  }

  boolean isDownward() {
    return this == GT || this == GE;
  }

  /** The operator for {@code symbol}, or null when it is not a comparison. */
  static CompareOp of(String symbol) {
    for (CompareOp op : values()) {
      if (op.symbol.equals(symbol)) {
        return op;
      }
    }
    return null;
  }
}
