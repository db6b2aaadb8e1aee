package org.milvusbench.gatling.internal;

import io.gatling.core.session.Session;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.Status;
import io.milvus.grpc.SearchResults;
import io.netty.channel.EventLoop;
import java.util.concurrent.RejectedExecutionException;

/**
 * One in-flight search: the gRPC call listener, and the task that finishes it on the virtual user's
 * event loop. One object per request, nothing else allocated on success.
 */
final class SearchCall extends ClientCall.Listener<SearchResults> implements Runnable {
  final MilvusSearchAction action;
  final Session session;
  final long startNanos;
  final int firstQueryIndex;
  // Written by the transport thread before the hand-over (the user's own loop, or a task queued to it).
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
  public void onMessage(SearchResults value) {
    // Timestamp on arrival: trailers and the hand-over are not the server's time.
    endNanos = System.nanoTime();
    results = value;
  }

  @Override
  public void onClose(Status status, Metadata trailers) {
    if (!status.isOk()) {
      endNanos = System.nanoTime();
      results = null;
      error = status;
    } else if (results == null) {
      endNanos = System.nanoTime();
      error = Status.INTERNAL.withDescription("server completed the call without a reply");
    }
    EventLoop loop = session.eventLoop();
    if (loop.inEventLoop()) {
      // The channel lives on the user's own loop (the usual case): resume without a thread hop.
      run();
      return;
    }
    try {
      loop.execute(this);
    } catch (RejectedExecutionException e) {
      // Gatling is shutting down: the user will not resume anyway.
    }
  }

  @Override
  public void run() {
    action.complete(this);
  }
}
