package org.milvusbench.dataprep;

import org.milvusbench.milvus.MilvusEndpoint;
import io.milvus.v2.client.ConnectConfig;
import io.milvus.v2.client.MilvusClientV2;

/** Opens a {@link MilvusClientV2}, failing fast with a one-line error that names the URI (never the token). */
public final class MilvusConnect {
  /** Connect deadline: an unreachable server is reported well within 10 s. */
  public static final long CONNECT_TIMEOUT_MILLIS = 5_000;

  private MilvusConnect() {}

  /** Connects to {@code endpoint} (its token and database, when set). */
  public static MilvusClientV2 connect(MilvusEndpoint endpoint) {
    String uri = endpoint.uri();
    String token = endpoint.token();
    ConnectConfig.ConnectConfigBuilder b = ConnectConfig.builder().uri(uri).connectTimeoutMs(CONNECT_TIMEOUT_MILLIS);
    if (token != null) {
      b.token(token);
    }
    if (endpoint.db() != null) {
      b.dbName(endpoint.db());
    }
    try {
      return new MilvusClientV2(b.build());
    } catch (RuntimeException e) {
      // gRPC appends channel internals ("Name resolution delay ... [closed=[], open=[...]]"): one line is enough.
      String reason = String.valueOf(e.getMessage()).replaceAll("\\s+", " ")
          .replaceAll("\\.? ?Name resolution delay.*$", "").replaceAll(" \\[closed=.*$", "");
      if (token != null) {
        reason = reason.replace(token, "<token>");
      }
      throw new DataPrepException("cannot connect to Milvus at " + uri + ": " + reason, e);
    }
  }
}
