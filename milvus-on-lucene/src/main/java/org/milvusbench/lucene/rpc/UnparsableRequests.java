package org.milvusbench.lucene.rpc;

import io.milvus.shaded.io.grpc.MethodDescriptor;
import io.milvus.shaded.io.grpc.ServerCall;
import io.milvus.shaded.io.grpc.ServerCallHandler;
import io.milvus.shaded.io.grpc.ServerMethodDefinition;
import io.milvus.shaded.io.grpc.ServerServiceDefinition;
import io.milvus.shaded.io.grpc.Status;
import java.io.InputStream;

/**
 * Answers a request that does not parse as its protobuf (garbage bytes, a proto3 string that is not
 * UTF-8) with gRPC INTERNAL "grpc: error unmarshalling request: ...", as Milvus's Go server does.
 * grpc-java by itself turns the parser's exception into UNKNOWN with no description.
 *
 * <p>Each method's request marshaller is wrapped: on a parse failure it returns null and remembers
 * why (parsing and delivery happen on the same thread, one message after the other); the call's
 * listener then closes the call instead of handing null to the service.
 */
public final class UnparsableRequests {
  private static final ThreadLocal<String> LAST_FAILURE = new ThreadLocal<>();

  private UnparsableRequests() {}

  public static ServerServiceDefinition guard(ServerServiceDefinition service) {
    ServerServiceDefinition.Builder out = ServerServiceDefinition.builder(service.getServiceDescriptor().getName());
    for (ServerMethodDefinition<?, ?> method : service.getMethods()) {
      out.addMethod(guard(method));
    }
    return out.build();
  }

  private static <Q, R> ServerMethodDefinition<Q, R> guard(ServerMethodDefinition<Q, R> method) {
    MethodDescriptor<Q, R> descriptor = method.getMethodDescriptor();
    MethodDescriptor.Marshaller<Q> parser = descriptor.getRequestMarshaller();
    MethodDescriptor.Marshaller<Q> tolerant = new MethodDescriptor.Marshaller<>() {
      @Override
      public InputStream stream(Q value) {
        return parser.stream(value);
      }

      @Override
      public Q parse(InputStream stream) {
        try {
          return parser.parse(stream);
        } catch (RuntimeException e) {
          Status s = Status.fromThrowable(e);
          Throwable cause = e.getCause() != null ? e.getCause() : e;
          LAST_FAILURE.set(s.getDescription() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
          return null;
        }
      }
    };
    ServerCallHandler<Q, R> handler = method.getServerCallHandler();
    ServerCallHandler<Q, R> guarded = (call, headers) -> new MessageGuard<>(call, handler.startCall(call, headers), message -> {
      if (message != null) {
        return null;
      }
      String why = LAST_FAILURE.get();
      LAST_FAILURE.remove();
      return Status.INTERNAL.withDescription("grpc: error unmarshalling request: " + why);
    });
    return ServerMethodDefinition.create(descriptor.toBuilder(tolerant, descriptor.getResponseMarshaller()).build(), guarded);
  }
}
