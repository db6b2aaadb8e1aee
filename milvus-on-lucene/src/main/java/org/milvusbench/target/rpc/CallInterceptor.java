package org.milvusbench.target.rpc;

import io.milvus.shaded.io.grpc.Metadata;
import io.milvus.shaded.io.grpc.ServerCall;
import io.milvus.shaded.io.grpc.ServerCallHandler;
import io.milvus.shaded.io.grpc.ServerInterceptor;
import io.milvus.shaded.io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs RPC names (debug for every call; info the first time a method is seen, which shows what a
 * client calls at connect) and, when a token is configured, checks it the way Milvus does: the
 * {@code authorization} header holds base64 of the token ("user:password" or an API key), and a missing
 * or wrong one fails the call with gRPC UNAUTHENTICATED (clients do not retry it). Tokens are never logged.
 */
public final class CallInterceptor implements ServerInterceptor {
  private static final Logger LOG = LoggerFactory.getLogger(CallInterceptor.class);
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final byte[] token;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  /** @param token null or empty to accept every call */
  public CallInterceptor(String token) {
    this.token = token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    String method = call.getMethodDescriptor().getBareMethodName();
    if (LOG.isDebugEnabled()) {
      LOG.debug("rpc {}", method);
    } else if (seen.add(method)) {
      LOG.info("first call of rpc {}", method);
    }
    if (token != null) {
      String header = headers.get(AUTHORIZATION);
      if (header == null) {
        call.close(Status.UNAUTHENTICATED.withDescription("missing authorization in header"), new Metadata());
        return new ServerCall.Listener<>() {};
      }
      byte[] presented;
      try {
        presented = Base64.getDecoder().decode(header.trim());
      } catch (IllegalArgumentException e) {
        call.close(Status.UNAUTHENTICATED.withDescription("invalid token format"), new Metadata());
        return new ServerCall.Listener<>() {};
      }
      if (!MessageDigest.isEqual(presented, token)) {
        call.close(Status.UNAUTHENTICATED.withDescription(
            "auth check failure, please check username, password or api key is correct"), new Metadata());
        return new ServerCall.Listener<>() {};
      }
    }
    return next.startCall(call, headers);
  }
}
