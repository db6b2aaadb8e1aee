package org.milvusbench.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.milvus.grpc.ConnectRequest;
import io.milvus.grpc.HasCollectionRequest;
import io.milvus.grpc.MilvusServiceGrpc;
import io.milvus.shaded.io.grpc.ManagedChannel;
import io.milvus.shaded.io.grpc.ManagedChannelBuilder;
import io.milvus.shaded.io.grpc.Metadata;
import io.milvus.shaded.io.grpc.Status;
import io.milvus.shaded.io.grpc.StatusRuntimeException;
import io.milvus.shaded.io.grpc.stub.MetadataUtils;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, case 8 (target side): loopback by default; with a token, a call without the
 * authorization header, with a wrong token or with a header that is not base64 is rejected with
 * gRPC UNAUTHENTICATED as Milvus's proxy rejects it, before any handler runs; TLS needs both halves.
 */
class SecurityTest {
  private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  @TempDir
  Path dataDir;

  @Test
  void bindsLoopbackByDefault() throws Exception {
    try (TargetServer server = TargetServer.start(TargetConfig.builder().port(0).dataDir(dataDir).build())) {
      assertTrue(server.listenAddress().getAddress().isLoopbackAddress(), server.listenAddress().toString());
      assertEquals("127.0.0.1", server.listenAddress().getAddress().getHostAddress());
    }
  }

  private static StatusRuntimeException call(int port, String header) {
    ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    try {
      MilvusServiceGrpc.MilvusServiceBlockingStub stub = MilvusServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
      if (header != null) {
        Metadata h = new Metadata();
        h.put(AUTHORIZATION, header);
        stub = stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(h));
      }
      MilvusServiceGrpc.MilvusServiceBlockingStub s = stub;
      s.connect(ConnectRequest.getDefaultInstance());
      s.hasCollection(HasCollectionRequest.newBuilder().setCollectionName("x").build());
      return null;
    } catch (StatusRuntimeException e) {
      return e;
    } finally {
      channel.shutdownNow();
    }
  }

  private static String base64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void callsWithoutTheRightCredentialsAreUnauthenticated() throws Exception {
    String token = "root:Correct-Horse-9";
    try (TargetServer server = TargetServer.start(TargetConfig.builder().port(0).dataDir(dataDir).token(token).build())) {
      assertEquals(null, call(server.port(), base64(token)), "the right token passes");
      StatusRuntimeException missing = call(server.port(), null);
      assertEquals(Status.Code.UNAUTHENTICATED, missing.getStatus().getCode());
      assertEquals("missing authorization in header", missing.getStatus().getDescription());
      StatusRuntimeException wrong = call(server.port(), base64("root:wrong"));
      assertEquals(Status.Code.UNAUTHENTICATED, wrong.getStatus().getCode());
      assertTrue(wrong.getStatus().getDescription().startsWith("auth check failure"), wrong.getStatus().getDescription());
      assertEquals(Status.Code.UNAUTHENTICATED, call(server.port(), "%%% not base64 %%%").getStatus().getCode());
      assertEquals(Status.Code.UNAUTHENTICATED, call(server.port(), token).getStatus().getCode(), "the raw token is not the header");
      // The reason never echoes what was presented.
      assertTrue(!wrong.getStatus().getDescription().contains("wrong"));
    }
  }

  @Test
  void tlsNeedsCertificateAndKey() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TargetConfig.builder().dataDir(dataDir).tls(dataDir.resolve("cert.pem"), null).build());
    assertTrue(e.getMessage().contains("--tls-cert and --tls-key"), e.getMessage());
  }
}
