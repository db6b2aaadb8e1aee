package org.milvusbench.gatling.internal;

import java.util.Objects;
import org.milvusbench.gatling.core.OperationObserver;

/**
 * Everything a delete action is built from: the value {@code MilvusDeleteActionBuilder} wraps.
 *
 * @param base name, collection, observer, schedule, silence; its kind is {@code DELETE}
 * @param selection the rows each request deletes
 */
public record DeleteSpec(ActionSpec<OperationObserver> base, RowSelection selection)
    implements DataSpec<DeleteSpec>, RowSelection.Holder<DeleteSpec> {

  public DeleteSpec {
    Objects.requireNonNull(selection, "selection");
  }

  /** A delete named {@code requestName} that selects nothing yet. */
  public static DeleteSpec named(String requestName) {
    return new DeleteSpec(ActionSpec.named(ActionSpec.Kind.DELETE, requestName, OperationObserver.NONE),
        RowSelection.NONE);
  }

  @Override
  public DeleteSpec withBase(ActionSpec<OperationObserver> base) {
    return new DeleteSpec(base, selection);
  }

  @Override
  public DeleteSpec withSelection(RowSelection selection) {
    return new DeleteSpec(base, selection);
  }

  /**
   * This spec, if an action can be built from it.
   *
   * @throws IllegalStateException naming the action and the missing setting
   */
  @Override
  public DeleteSpec requireComplete() {
    base.requireCollection();
    if (!selection.any()) {
      throw new IllegalStateException(base.label() + ": no ids or filter (call .ids(...) or .filter(...))");
    }
    return this;
  }

  @Override
  public Operation<?, ?> operation(MilvusProtocol protocol) {
    return OperationRequests.delete(this, protocol);
  }
}
