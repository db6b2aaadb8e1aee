package org.milvusbench.gatling;

import io.gatling.javaapi.core.ActionBuilder;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.milvusbench.gatling.core.OperationObserver;
import org.milvusbench.gatling.core.SearchObserver;
import org.milvusbench.gatling.core.StartSchedule;
import org.milvusbench.gatling.internal.ActionSpec;

/**
 * What every Milvus action builder is: it wraps one immutable spec and changes it through a single
 * {@code make}, as Gatling's {@code RequestActionBuilder} does for HTTP requests; and the settings
 * every action has. Every method returns a new builder of the same kind and leaves this one
 * unmodified.
 *
 * @param <B> the concrete builder
 * @param <S> the spec it wraps (internal)
 * @param <O> its observer: {@link SearchObserver} or {@link OperationObserver}
 */
public abstract class MilvusActionBuilder<B extends MilvusActionBuilder<B, S, O>, S extends ActionSpec.Holder<S, O>, O>
    implements ActionBuilder {

  // Package-private, as Gatling's builders keep theirs: the glue and tests read it, users cannot.
  final S wrapped;
  private final Function<S, B> wrap;

  // Only this package's builders extend it: the spec they wrap is internal. wrap makes a builder of
  // the concrete kind (its constructor).
  MilvusActionBuilder(S wrapped, Function<S, B> wrap) {
    this.wrapped = wrapped;
    this.wrap = wrap;
  }

  /** A builder wrapping this one's spec changed by {@code change}: what every setter is. */
  final B make(UnaryOperator<S> change) {
    return wrap.apply(change.apply(wrapped));
  }

  private B withBase(UnaryOperator<ActionSpec<O>> change) {
    return make(s -> s.withBase(change.apply(s.base())));
  }

  /** Sets the collection. Required: there is no default. */
  public B collection(String collection) {
    return withBase(base -> base.withCollection(collection));
  }

  /**
   * Sets who is told about every completed request, on the user's event loop: for a search a
   * {@link SearchObserver} (latency, the reply, for recall), for the others an {@link
   * OperationObserver} (latency, rows). Default: nobody.
   */
  public B observer(O observer) {
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
}
