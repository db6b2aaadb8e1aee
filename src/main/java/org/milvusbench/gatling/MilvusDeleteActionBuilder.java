package org.milvusbench.gatling;

import org.milvusbench.gatling.internal.DeleteSpec;

/**
 * DSL for a Milvus delete, by primary keys or by filter ({@link MilvusSelectingActionBuilder}).
 * Start from {@link MilvusDsl#delete(String)}:
 *
 * <pre>{@code
 * delete("expire").collection("benchmark_concurrent").ids(session -> new long[] {session.getLong("id")})
 * }</pre>
 *
 * <p>Immutable, so every method returns a new builder and leaves this one unmodified.
 */
public final class MilvusDeleteActionBuilder
    extends MilvusSelectingActionBuilder<MilvusDeleteActionBuilder, DeleteSpec> {

  MilvusDeleteActionBuilder(DeleteSpec wrapped) {
    super(wrapped, MilvusDeleteActionBuilder::new);
  }
}
