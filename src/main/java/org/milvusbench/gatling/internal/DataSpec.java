package org.milvusbench.gatling.internal;

import org.milvusbench.gatling.core.OperationObserver;

/**
 * The spec of an insert, upsert, delete or query: what {@code MilvusDataActionBuilder} hands to
 * Gatling, through {@link OperationGlue}.
 *
 * @param <S> the spec itself
 */
public interface DataSpec<S extends DataSpec<S>> extends ActionSpec.Holder<S, OperationObserver> {

  /**
   * This spec, if an action can be built from it.
   *
   * @throws IllegalStateException naming the action and what is missing or cannot be combined
   */
  S requireComplete();

  /** What the action sends over {@code protocol} and how it reads the replies ({@link OperationRequests}). */
  Operation<?, ?> operation(MilvusProtocol protocol);
}
