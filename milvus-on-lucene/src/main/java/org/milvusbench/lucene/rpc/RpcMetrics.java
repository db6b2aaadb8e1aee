package org.milvusbench.lucene.rpc;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Message;
import io.milvus.shaded.io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.milvus.shaded.io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.milvus.shaded.io.grpc.Metadata;
import io.milvus.shaded.io.grpc.ServerCall;
import io.milvus.shaded.io.grpc.ServerCallHandler;
import io.milvus.shaded.io.grpc.ServerInterceptor;
import io.milvus.shaded.io.grpc.Status;
import org.milvusbench.lucene.metrics.MilvusMetrics;

/**
 * Feeds {@link MilvusMetrics} from every call: its method, the request's database and collection, its
 * time from arrival to close, and whether it succeeded (gRPC OK and, as Milvus counts it, a reply whose
 * Milvus status has no error code). The outermost interceptor, so calls refused by authentication count too.
 */
public final class RpcMetrics implements ServerInterceptor {
  private final MilvusMetrics metrics;

  public RpcMetrics(MilvusMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    Observed<Q, R> observed = new Observed<>(call, call.getMethodDescriptor().getBareMethodName(), System.nanoTime());
    return new SimpleForwardingServerCallListener<>(next.startCall(observed, headers)) {
      @Override
      public void onMessage(Q message) {
        observed.request(message);
        super.onMessage(message);
      }
    };
  }

  /** One call: what it was about, and its reply's status. */
  private final class Observed<Q, R> extends SimpleForwardingServerCall<Q, R> {
    private final String method;
    private final long startNanos;
    private volatile String db = "default";
    private volatile String collection = "";
    private volatile boolean replyFailed;

    Observed(ServerCall<Q, R> call, String method, long startNanos) {
      super(call);
      this.method = method;
      this.startNanos = startNanos;
    }

    void request(Object message) {
      String name = stringField(message, "db_name");
      if (name != null && !name.isEmpty()) {
        db = name;
      }
      String c = stringField(message, "collection_name");
      collection = c == null ? "" : c;
    }

    @Override
    public void sendMessage(R message) {
      replyFailed |= replyFailed(message);
      super.sendMessage(message);
    }

    @Override
    public void close(Status status, Metadata trailers) {
      metrics.record(method, db, collection, status.isOk() && !replyFailed, (System.nanoTime() - startNanos) / 1e6);
      super.close(status, trailers);
    }
  }

  private static String stringField(Object message, String name) {
    if (message instanceof Message m) {
      FieldDescriptor f = m.getDescriptorForType().findFieldByName(name);
      if (f != null && f.getJavaType() == FieldDescriptor.JavaType.STRING && !f.isRepeated()) {
        return (String) m.getField(f);
      }
    }
    return null;
  }

  /** A {@code common.Status} reply, or a reply's {@code status} field, with a non-zero code. */
  static boolean replyFailed(Object reply) {
    if (!(reply instanceof Message m)) {
      return false;
    }
    Message status = m;
    if (!"milvus.proto.common.Status".equals(m.getDescriptorForType().getFullName())) {
      FieldDescriptor f = m.getDescriptorForType().findFieldByName("status");
      if (f == null || f.getJavaType() != FieldDescriptor.JavaType.MESSAGE || f.isRepeated() || !m.hasField(f)) {
        return false;
      }
      status = (Message) m.getField(f);
    }
    FieldDescriptor code = status.getDescriptorForType().findFieldByName("code");
    FieldDescriptor errorCode = status.getDescriptorForType().findFieldByName("error_code");
    boolean codeSet = code != null && code.getJavaType() == FieldDescriptor.JavaType.INT && (Integer) status.getField(code) != 0;
    boolean errorSet = errorCode != null && errorCode.getJavaType() == FieldDescriptor.JavaType.ENUM
        && ((EnumValueDescriptor) status.getField(errorCode)).getNumber() != 0;
    return codeSet || errorSet;
  }
}
