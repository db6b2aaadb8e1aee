package org.milvusbench.gatling;

import java.util.function.Function;
import org.milvusbench.gatling.core.OperationObserver;
import org.milvusbench.gatling.internal.DataSpec;
import org.milvusbench.gatling.internal.OperationGlue;

/**
 * What the insert, upsert, delete and query builders share: their observer hears the rows each
 * request wrote, deleted or read, and they reach Gatling the same way.
 *
 * @param <B> the concrete builder
 * @param <S> the spec it wraps (internal)
 */
public abstract class MilvusDataActionBuilder<B extends MilvusDataActionBuilder<B, S>, S extends DataSpec<S>>
    extends MilvusActionBuilder<B, S, OperationObserver> {

  MilvusDataActionBuilder(S wrapped, Function<S, B> wrap) {
    super(wrapped, wrap);
  }

  /**
   * Hands the action to Gatling.
   *
   * @throws IllegalStateException naming the action and what is missing (the collection, the rows,
   *     the rows selected) or cannot be combined
   */
  @Override
  public io.gatling.core.action.builder.ActionBuilder asScala() {
    S spec = wrapped.requireComplete();
    return new OperationGlue(spec.base(), spec::operation);
  }
}
