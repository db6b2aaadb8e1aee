package org.milvusbench.lucene.rpc;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.milvus.grpc.Status;
import io.milvus.shaded.io.grpc.stub.StreamObserver;
import java.util.concurrent.Callable;
import org.milvusbench.lucene.error.MilvusException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every RPC answers: one response, failures in its {@code status} ({@link Statuses}), never a gRPC
 * error, because the Java client retries those as if the server were down.
 */
final class Answers {
  private static final Logger LOG = LoggerFactory.getLogger(Answers.class);

  private Answers() {}

  static <T extends Message> void answer(StreamObserver<T> observer, T defaultInstance, Callable<T> body) {
    T response;
    try {
      response = body.call();
    } catch (Throwable t) {
      Status status = Statuses.of(t);
      if (!(t instanceof MilvusException) && status.getCode() == MilvusException.UNEXPECTED) {
        LOG.warn("unexpected failure answering {}", defaultInstance.getDescriptorForType().getName(), t);
      }
      response = failure(defaultInstance, status);
    }
    observer.onNext(response);
    observer.onCompleted();
  }

  /** A response of the RPC's type carrying only the failure status. */
  @SuppressWarnings("unchecked")
  static <T extends Message> T failure(T defaultInstance, Status status) {
    if (defaultInstance instanceof Status) {
      return (T) status;
    }
    Message.Builder b = defaultInstance.newBuilderForType();
    FieldDescriptor field = b.getDescriptorForType().findFieldByName("status");
    b.setField(field, status);
    return (T) b.build();
  }
}
