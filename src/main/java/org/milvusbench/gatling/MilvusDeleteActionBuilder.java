package org.milvusbench.gatling;

import java.util.function.UnaryOperator;
import org.milvusbench.gatling.internal.DeleteSpec;
import org.milvusbench.gatling.internal.MilvusProtocol;
import org.milvusbench.gatling.internal.Operation;
import org.milvusbench.gatling.internal.OperationRequests;
import org.milvusbench.gatling.internal.OperationSpec;
import org.milvusbench.gatling.internal.RowSelection;

/**
 * DSL for a Milvus delete, by primary keys or by filter. Start from {@link MilvusDsl#delete(String)}:
 *
 * <pre>{@code
 * delete("expire").collection("benchmark_concurrent").ids(session -> new long[] {session.getLong("id")})
 * }</pre>
 *
 * <p>Immutable, so every method returns a new builder and leaves this one unmodified.
 */
public final class MilvusDeleteActionBuilder extends MilvusSelectingActionBuilder<MilvusDeleteActionBuilder> {
  // Package-private, as Gatling's builders keep theirs: tests read it, users cannot.
  final DeleteSpec wrapped;

  MilvusDeleteActionBuilder(DeleteSpec wrapped) {
    this.wrapped = wrapped;
  }

  private MilvusDeleteActionBuilder make(UnaryOperator<DeleteSpec> f) {
    return new MilvusDeleteActionBuilder(f.apply(wrapped));
  }

  @Override
  MilvusDeleteActionBuilder withBase(UnaryOperator<OperationSpec> change) {
    return make(s -> s.withBase(change.apply(s.base())));
  }

  @Override
  MilvusDeleteActionBuilder withSelection(UnaryOperator<RowSelection> change) {
    return make(s -> s.withSelection(change.apply(s.selection())));
  }

  @Override
  OperationSpec requireComplete() {
    return wrapped.requireComplete().base();
  }

  @Override
  Operation<?, ?> operation(MilvusProtocol protocol) {
    return OperationRequests.delete(wrapped, protocol);
  }
}
