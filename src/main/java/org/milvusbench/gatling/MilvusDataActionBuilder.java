package org.milvusbench.gatling;

import io.gatling.javaapi.core.ActionBuilder;
import java.util.function.UnaryOperator;
import org.milvusbench.gatling.core.OperationObserver;
import org.milvusbench.gatling.core.StartSchedule;
import org.milvusbench.gatling.internal.MilvusProtocol;
import org.milvusbench.gatling.internal.Operation;
import org.milvusbench.gatling.internal.OperationGlue;
import org.milvusbench.gatling.internal.OperationSpec;

/**
 * The settings insert, upsert, delete and query share, as Gatling's {@code RequestActionBuilder}
 * holds what every HTTP request shares. Immutable: every method returns a new builder of the same
 * kind and leaves this one unmodified.
 *
 * @param <B> the concrete builder
 */
public abstract class MilvusDataActionBuilder<B extends MilvusDataActionBuilder<B>> implements ActionBuilder {

  // Only this package's builders extend it: the spec they wrap is internal.
  MilvusDataActionBuilder() {}

  /** A builder like this one with {@code change} applied to the shared settings. */
  abstract B withBase(UnaryOperator<OperationSpec> change);

  /**
   * The shared settings, once everything an action needs is set.
   *
   * @throws IllegalStateException naming the action and what is missing or cannot be combined
   */
  abstract OperationSpec requireComplete();

  /** What the action sends over {@code protocol} and how it reads the replies. */
  abstract Operation<?, ?> operation(MilvusProtocol protocol);

  /** Sets the collection. Required: there is no default. */
  public B collection(String collection) {
    return withBase(base -> base.withCollection(collection));
  }

  /**
   * Sets who is told about every completed request (ok, start, latency in µs, rows), on the user's
   * event loop. Default: nobody.
   */
  public B observer(OperationObserver observer) {
    return withBase(base -> base.withObserver(observer));
  }

  /**
   * Sets when each request was meant to start; latency is measured from there (open model,
   * coordinated omission). Default {@link StartSchedule#AT_SEND}: from the send time.
   */
  public B startSchedule(StartSchedule schedule) {
    return withBase(base -> base.withSchedule(schedule));
  }

  /** Sends, but logs nothing to Gatling's statistics (warm-up); the observer is still called. Default: logged. */
  public B silent() {
    return withBase(base -> base.withSilent(true));
  }

  /**
   * Hands the action to Gatling.
   *
   * @throws IllegalStateException naming the action and what is missing (the collection, the rows,
   *     the rows selected) or cannot be combined
   */
  @Override
  public io.gatling.core.action.builder.ActionBuilder asScala() {
    return new OperationGlue(requireComplete(), this::operation);
  }
}
