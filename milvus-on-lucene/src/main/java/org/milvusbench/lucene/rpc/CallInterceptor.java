package org.milvusbench.lucene.rpc;

import com.google.protobuf.MessageLite;
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
  private final int maxMessageBytes;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  /**
   * @param token null or empty to accept every call
   * @param maxMessageBytes larger requests fail with RESOURCE_EXHAUSTED after being read in full (see
   *     {@link #transportLimit(int)} for why the transport's own limit is higher)
   */
  public CallInterceptor(String token, int maxMessageBytes) {
    this.token = token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
    this.maxMessageBytes = maxMessageBytes;
  }

  /**
   * The limit to give Netty. When gRPC's transport rejects a message mid-stream the client often sees
   * CANCELLED (a reset racing the trailers), which MilvusClientV2 retries 75 times; so the transport gets
   * headroom and this interceptor rejects oversize messages once read, with a clean RESOURCE_EXHAUSTED.
   */
  public static int transportLimit(int maxMessageBytes) {
    return (int) Math.min(Integer.MAX_VALUE - 1L, Math.max(4L * maxMessageBytes, 512L * 1024 * 1024));
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
    return new MessageGuard<>(call, next.startCall(call, headers), message -> {
      int size = message instanceof MessageLite ? ((MessageLite) message).getSerializedSize() : 0;
      return size <= maxMessageBytes ? null : Status.RESOURCE_EXHAUSTED.withDescription(
          "gRPC message exceeds maximum size " + maxMessageBytes + ": " + size + " (split the batch)");
    });
  }
}
