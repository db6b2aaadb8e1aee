package org.milvusbench.gatling.internal;

import io.gatling.core.action.Action;
import io.gatling.core.action.builder.ActionBuilder;
import io.gatling.core.stats.StatsEngine;
import io.gatling.core.structure.ScenarioContext;
import java.util.function.Function;
import org.milvusbench.gatling.core.OperationObserver;

/**
 * Scala-side action builder of the data operations: resolves the protocol components and builds the
 * action once per chain position, its requests made for that protocol (database, collection).
 */
public final class OperationGlue implements ActionBuilder {
  private final ActionSpec<OperationObserver> spec;
  private final Function<MilvusProtocol, Operation<?, ?>> operation;

  /** {@code spec} names the collection; {@code operation} makes the requests for a protocol. */
  public OperationGlue(ActionSpec<OperationObserver> spec, Function<MilvusProtocol, Operation<?, ?>> operation) {
    this.spec = spec.requireCollection();
    this.operation = operation;
  }

  @Override
  public Action build(ScenarioContext ctx, Action next) {
    MilvusComponents components = ctx.protocolComponentsRegistry().components(MilvusProtocol.KEY);
    return action(spec, operation.apply(components.protocol()), components, ctx.coreComponents().statsEngine(), next);
  }

  private static <Req, Resp> Action action(ActionSpec<OperationObserver> spec, Operation<Req, Resp> operation,
      MilvusComponents components, StatsEngine statsEngine, Action next) {
    return new OperationAction<>(spec, operation, components, statsEngine, next);
  }
}
