package org.milvusbench.gatling.internal;

import io.gatling.core.action.Action;
import io.gatling.core.action.builder.ActionBuilder;
import io.gatling.core.structure.ScenarioContext;

/** Scala-side action builder: resolves the protocol components and builds the action once per chain position. */
public final class SearchActionGlue implements ActionBuilder {
  private final SearchSpec spec;

  /** {@code spec} must be {@linkplain SearchSpec#requireComplete() complete}. */
  public SearchActionGlue(SearchSpec spec) {
    this.spec = spec;
  }

  @Override
  public Action build(ScenarioContext ctx, Action next) {
    MilvusComponents components = ctx.protocolComponentsRegistry().components(MilvusProtocol.KEY);
    return new MilvusSearchAction(
        spec, SearchRequestTemplate.build(spec, components.protocol()), components,
        ctx.coreComponents().statsEngine(), next);
  }
}
