package org.milvusbench.gatling.internal;

import io.gatling.core.session.Session;
import io.milvus.grpc.SearchResults;
import io.milvus.shaded.io.grpc.Status;
import io.milvus.shaded.io.grpc.stub.StreamObserver;
import java.util.concurrent.RejectedExecutionException;

/**
 * One in-flight search: the gRPC response observer, and the task that finishes it on the virtual
 * user's event loop. One object per request, nothing else allocated on success.
 */
final class SearchCall implements StreamObserver<SearchResults>, Runnable {
  final MilvusSearchAction action;
  final Session session;
  final long startNanos;
  final int firstQueryIndex;
  // Written by the transport thread before the hand-over to the event loop (which orders them).
  long endNanos;
  SearchResults results;
  Status error;

  SearchCall(MilvusSearchAction action, Session session, long startNanos, int firstQueryIndex) {
    this.action = action;
    this.session = session;
    this.startNanos = startNanos;
    this.firstQueryIndex = firstQueryIndex;
  }

  @Override
  public void onNext(SearchResults value) {
    // Timestamp on arrival, before the hop to the event loop.
    endNanos = System.nanoTime();
    results = value;
  }

  @Override
  public void onError(Throwable t) {
    endNanos = System.nanoTime();
    error = Status.fromThrowable(t);
    handOver();
  }

  @Override
  public void onCompleted() {
    if (results == null) {
      endNanos = System.nanoTime();
      error = Status.INTERNAL.withDescription("server completed the call without a reply");
    }
    handOver();
  }

  private void handOver() {
    try {
      session.eventLoop().execute(this);
    } catch (RejectedExecutionException e) {
      // Gatling is shutting down: the user will not resume anyway.
    }
  }

  @Override
  public void run() {
    action.complete(this);
  }
}
