package org.milvusbench.lucene.rpc;

import io.milvus.shaded.io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.milvus.shaded.io.grpc.Metadata;
import io.milvus.shaded.io.grpc.ServerCall;
import io.milvus.shaded.io.grpc.Status;
import java.util.function.Function;

/**
 * Forwards a call's request to the service unless {@code rejection} names a status for it; then the
 * call is closed with that status and nothing more reaches the service (not even the half-close,
 * which would make a unary handler answer "no request").
 */
final class MessageGuard<Q> extends SimpleForwardingServerCallListener<Q> {
  private final ServerCall<Q, ?> call;
  private final Function<Q, Status> rejection;
  private boolean rejected;

  /** @param rejection null to let the message through, else the status that ends the call */
  MessageGuard(ServerCall<Q, ?> call, ServerCall.Listener<Q> service, Function<Q, Status> rejection) {
    super(service);
    this.call = call;
    this.rejection = rejection;
  }

  @Override
  public void onMessage(Q message) {
    Status status = rejection.apply(message);
    if (status != null) {
      rejected = true;
      call.close(status, new Metadata());
      return;
    }
    super.onMessage(message);
  }

  @Override
  public void onHalfClose() {
    if (!rejected) {
      super.onHalfClose();
    }
  }
}
