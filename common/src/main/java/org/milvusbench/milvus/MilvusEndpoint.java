package org.milvusbench.milvus;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where a Milvus listens and how to authenticate to it: the one value that data-prep, the Gatling
 * protocol and the sweep's admin calls are given, instead of uri / token / database strings.
 *
 * <p>The token is held only to be sent; {@link #toString()} never shows it.
 *
 * @param uri as the user gave it ({@code http://host:19530}, {@code https://...}, {@code host:19530})
 * @param token {@code user:password} or an API key; null when none
 * @param db database sent as the {@code dbname} header; null = the server's default
 */
public record MilvusEndpoint(String uri, String host, int port, boolean tls, String token, String db) {

  /** The default port of Milvus (and of a URI without one over plain text). */
  public static final int DEFAULT_PORT = 19530;

  /**
   * Parses {@code uri} as milvus-sdk-java accepts it; blank token or database mean none.
   *
   * @throws IllegalArgumentException naming what is wrong with the URI
   */
  public static MilvusEndpoint of(String uri, String token, String db) {
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
    int port = parsed.getPort() > 0 ? parsed.getPort() : (tls ? 443 : DEFAULT_PORT);
    return new MilvusEndpoint(uri, parsed.getHost(), port, tls, blankToNull(token), blankToNull(db));
  }

  /** This endpoint with another token (null or blank = none). */
  public MilvusEndpoint withToken(String newToken) {
    return new MilvusEndpoint(uri, host, port, tls, blankToNull(newToken), db);
  }

  /** This endpoint with another database (null or blank = the default one). */
  public MilvusEndpoint withDb(String newDb) {
    return new MilvusEndpoint(uri, host, port, tls, token, blankToNull(newDb));
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
    if (db != null) {
      headers.put("dbname", db);
    }
    return headers;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  @Override
  public String toString() {
    return uri + (db == null ? "" : " db=" + db) + (token == null ? "" : " token=<set>");
  }
}
