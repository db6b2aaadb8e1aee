package org.milvusbench.gatling.internal;

import io.gatling.core.session.Session;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.Status;
import io.netty.channel.EventLoop;
import java.util.concurrent.RejectedExecutionException;

/**
 * One in-flight request of any action: the gRPC call listener, and the task that finishes it on the
 * virtual user's event loop. One object per request, nothing else allocated on success.
 *
 * @param <Req> the request message
 * @param <Resp> the reply message
 */
final class UnaryCall<Req, Resp> extends ClientCall.Listener<Resp> implements Runnable {
  final UnaryAction<Req, Resp> action;
  final Session session;
  final long startNanos;
  /** What the action needs back when the call completes (the search: its first query's index), or -1. */
  final int tag;
  // Written by the transport thread before the hand-over (the user's own loop, or a task queued to it).
  long endNanos;
  Resp response;
  Status error;

  UnaryCall(UnaryAction<Req, Resp> action, Session session, long startNanos, int tag) {
    this.action = action;
    this.session = session;
    this.startNanos = startNanos;
    this.tag = tag;
  }

  @Override
  public void onMessage(Resp value) {
    // Timestamp on arrival: trailers and the hand-over are not the server's time.
    endNanos = System.nanoTime();
    response = value;
  }

  @Override
  public void onClose(Status status, Metadata trailers) {
    if (!status.isOk()) {
      endNanos = System.nanoTime();
      response = null;
      error = status;
    } else if (response == null) {
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
