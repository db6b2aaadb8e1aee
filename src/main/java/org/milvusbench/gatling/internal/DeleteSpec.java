package org.milvusbench.gatling.internal;

import java.util.Objects;

/**
 * Everything a delete action is built from: the value {@code MilvusDeleteActionBuilder} wraps.
 *
 * @param base name, collection, observer, schedule; its kind is {@code DELETE}
 * @param selection the rows each request deletes
 */
public record DeleteSpec(OperationSpec base, RowSelection selection) {

  public DeleteSpec {
    Objects.requireNonNull(selection, "selection");
  }

  /** A delete named {@code requestName} that selects nothing yet. */
  public static DeleteSpec named(String requestName) {
    return new DeleteSpec(OperationSpec.named(OperationSpec.Kind.DELETE, requestName), RowSelection.NONE);
  }

  public DeleteSpec withBase(OperationSpec base) {
    return new DeleteSpec(base, selection);
  }

  public DeleteSpec withSelection(RowSelection selection) {
    return new DeleteSpec(base, selection);
  }

  /**
   * This spec, if an action can be built from it.
   *
   * @throws IllegalStateException naming the action and the missing setting
   */
  public DeleteSpec requireComplete() {
    base.requireCollection();
    if (!selection.any()) {
      throw new IllegalStateException(base.label() + ": no ids or filter (call .ids(...) or .filter(...))");
    }
    return this;
  }
}
