package org.milvusbench.gatling.internal;

import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.stats.StatsEngine;
import org.milvusbench.gatling.core.OperationObserver;

/**
 * An insert, upsert, delete or query action: builds its request per user, then {@link
 * UnaryAction} sends it and completes it; the observer hears the rows the reply reports.
 */
public final class OperationAction<Req, Resp> extends UnaryAction<Req, Resp> {
  private final Operation<Req, Resp> operation;
  private final OperationObserver observer;

  public OperationAction(ActionSpec<OperationObserver> spec, Operation<Req, Resp> operation,
      MilvusComponents components, StatsEngine statsEngine, Action next) {
    super(spec, operation.method(), components, statsEngine, next);
    this.operation = operation;
    this.observer = spec.observer();
  }

  @Override
  public void execute(Session session) {
    Req request;
    try {
      request = operation.requests().apply(session);
    } catch (RuntimeException e) {
      crash(session, e.getMessage() == null ? e.toString() : e.getMessage());
      return;
    }
    send(session, request, -1);
  }

  @Override
  io.milvus.grpc.Status status(Resp response) {
    return operation.status().apply(response);
  }

  @Override
  Session afterSuccess(Session session, Resp response) {
    return operation.afterSuccess(session, response);
  }

  @Override
  void observe(boolean ok, long startEpochMicros, long latencyMicros, int tag, Resp response) {
    observer.onOperation(ok, startEpochMicros, latencyMicros, ok ? operation.rows().applyAsLong(response) : 0);
  }
}
