package org.milvusbench.gatling;

import io.gatling.core.protocol.Protocol;
import io.gatling.core.protocol.ProtocolKey;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Locale;
import org.milvusbench.gatling.internal.MilvusProtocolKey;

/**
 * Where and how the Milvus search actions connect: the Gatling {@link Protocol} built by {@link
 * MilvusProtocolBuilder}. Immutable; the channels live in {@link MilvusComponents}.
 *
 * <p>The token is held here only to be sent as the {@code authorization} header; {@link
 * #toString()} never shows it.
 */
public final class MilvusProtocol implements Protocol {

  /** Gatling's registry key: one {@link MilvusComponents} per protocol value. */
  public static final ProtocolKey<MilvusProtocol, MilvusComponents> KEY = new MilvusProtocolKey();

  private final String uri;
  private final String host;
  private final int port;
  private final boolean tls;
  private final String token;
  private final String dbName;
  private final long deadlineMillis;
  private final int channels;

  MilvusProtocol(String uri, String token, String dbName, long deadlineMillis, int channels) {
    Endpoint endpoint = Endpoint.parse(uri);
    this.uri = uri;
    this.host = endpoint.host;
    this.port = endpoint.port;
    this.tls = endpoint.tls;
    this.token = token;
    this.dbName = dbName;
    this.deadlineMillis = deadlineMillis;
    this.channels = channels;
  }

  public String uri() {
    return uri;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public boolean tls() {
    return tls;
  }

  /**
   * The headers milvus-sdk-java (2.6) sends: {@code authorization} = base64 of the token, {@code
   * dbname} when a database is chosen. For whichever gRPC copy builds the call (plain or shaded).
   */
  public Map<String, String> requestHeaders() {
    Map<String, String> headers = new LinkedHashMap<>();
    if (token != null) {
      headers.put("authorization", Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
    }
    if (dbName != null) {
      headers.put("dbname", dbName);
    }
    return headers;
  }

  /** The token as given (null when none); only {@link #requestHeaders()} should read it. */
  public String token() {
    return token;
  }

  /** Database sent as the {@code dbname} header; null = the server's default database. */
  public String dbName() {
    return dbName;
  }

  public long deadlineMillis() {
    return deadlineMillis;
  }

  public int channels() {
    return channels;
  }

  @Override
  public String toString() {
    return "MilvusProtocol{uri=" + uri + ", db=" + dbName + ", token=" + (token == null ? "none" : "***")
        + ", deadlineMillis=" + deadlineMillis + ", channels=" + channels + "}";
  }

  /** host:port and TLS from a Milvus URI as milvus-sdk-java accepts it ({@code http://h:19530}, {@code h:19530}). */
  static final class Endpoint {
    final String host;
    final int port;
    final boolean tls;

    private Endpoint(String host, int port, boolean tls) {
      this.host = host;
      this.port = port;
      this.tls = tls;
    }

    static Endpoint parse(String uri) {
      if (uri == null || uri.isBlank()) {
        throw new IllegalArgumentException("milvus uri: empty (e.g. http://localhost:19530)");
      }
      String text = uri.contains("://") ? uri : "http://" + uri;
      URI parsed;
      try {
        parsed = URI.create(text);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("milvus uri: \"" + uri + "\" is not a URI (e.g. http://localhost:19530)");
      }
      String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("tcp") && !scheme.equals("grpc")) {
        throw new IllegalArgumentException(
            "milvus uri: scheme \"" + scheme + "\" is not one of http, https, tcp, grpc (e.g. http://localhost:19530)");
      }
      if (parsed.getHost() == null) {
        throw new IllegalArgumentException("milvus uri: \"" + uri + "\" has no host (e.g. http://localhost:19530)");
      }
      boolean tls = scheme.equals("https");
      int port = parsed.getPort() > 0 ? parsed.getPort() : (tls ? 443 : 19530);
      return new Endpoint(parsed.getHost(), port, tls);
    }
  }
}
