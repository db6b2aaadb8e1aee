package org.milvusbench.milvus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.milvus.grpc.ConnectRequest;
import io.milvus.grpc.ConnectResponse;
import io.milvus.grpc.DescribeCollectionRequest;
import io.milvus.grpc.DescribeCollectionResponse;
import io.milvus.grpc.FieldSchema;
import io.milvus.grpc.GetMetricsRequest;
import io.milvus.grpc.GetMetricsResponse;
import io.milvus.grpc.GetVersionRequest;
import io.milvus.grpc.KeyValuePair;
import io.milvus.grpc.MilvusServiceGrpc;
import io.milvus.grpc.MilvusServiceGrpc.MilvusServiceBlockingStub;
import io.milvus.shaded.io.grpc.ManagedChannel;
import io.milvus.shaded.io.grpc.Metadata;
import io.milvus.shaded.io.grpc.StatusRuntimeException;
import io.milvus.shaded.io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.milvus.shaded.io.grpc.stub.MetadataUtils;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Blocking calls to a target outside the load: reachability (before any load),
 * collection dimension, and the target's self-reported service times and process usage ({@code
 * GetMetrics milvusbench_stats}) at level boundaries. Every call has a deadline.
 */
public final class AdminClient implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STATS_REQUEST = "{\"metric_type\":\"milvusbench_stats\",\"reset\":true}";

  private final String uri;
  private final ManagedChannel channel;
  private final MilvusServiceBlockingStub stub;

  public AdminClient(MilvusEndpoint endpoint) {
    this.uri = endpoint.uri();
    NettyChannelBuilder builder = NettyChannelBuilder.forAddress(endpoint.host(), endpoint.port())
        .maxInboundMessageSize(64 * 1024 * 1024);
    if (!endpoint.requestHeaders().isEmpty()) {
      Metadata headers = new Metadata();
      endpoint.requestHeaders().forEach((name, value) -> headers.put(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER), value));
      builder.intercept(MetadataUtils.newAttachHeadersInterceptor(headers));
    }
    this.channel = (endpoint.tls() ? builder.useTransportSecurity() : builder.usePlaintext()).build();
    this.stub = MilvusServiceGrpc.newBlockingStub(channel);
  }

  /**
   * Connects within {@code seconds} and returns the server's version; fails naming {@code milvus.uri}
   * (unreachable) or {@code milvus.token} (rejected).
   */
  public String checkReachable(int seconds) {
    try {
      ConnectResponse connect = stub.withDeadlineAfter(seconds, TimeUnit.SECONDS).connect(ConnectRequest.newBuilder().build());
      if (connect.getStatus().getCode() != 0 || connect.getStatus().getErrorCodeValue() != 0) {
        throw new IllegalArgumentException("milvus.token: " + uri + " refused the connection: " + connect.getStatus().getReason());
      }
      try {
        String version = stub.withDeadlineAfter(seconds, TimeUnit.SECONDS).getVersion(GetVersionRequest.getDefaultInstance()).getVersion();
        return version.isEmpty() ? connect.getServerInfo().getBuildTags() : version;
      } catch (StatusRuntimeException e) {
        return connect.getServerInfo().getBuildTags();
      }
    } catch (StatusRuntimeException e) {
      switch (e.getStatus().getCode()) {
        case UNAUTHENTICATED, PERMISSION_DENIED ->
            throw new IllegalArgumentException("milvus.token: rejected by " + uri + " (" + e.getStatus().getCode() + ")");
        default -> throw new IllegalArgumentException("milvus.uri: cannot reach " + uri + " within " + seconds + " s ("
            + e.getStatus().getCode() + oneLine(e.getStatus().getDescription()) + ")");
      }
    }
  }

  /** gRPC's description without its channel internals ("deadline exceeded after 4.9s. [closed=[], open=[...]]"). */
  private static String oneLine(String description) {
    if (description == null || description.startsWith("deadline exceeded") || description.startsWith("ClientCall started after")) {
      return "";
    }
    return ": " + description.replaceAll("\\s+", " ").replaceAll(" ?\\[closed=.*$", "");
  }

  /** Dimension of {@code field} in {@code collection}; fails naming the collection or field. */
  public int dimension(String collection, String field) {
    DescribeCollectionResponse response = stub.withDeadlineAfter(30, TimeUnit.SECONDS)
        .describeCollection(DescribeCollectionRequest.newBuilder().setCollectionName(collection).build());
    if (response.getStatus().getCode() != 0 || response.getStatus().getErrorCodeValue() != 0) {
      throw new IllegalArgumentException("search.collection: \"" + collection + "\" on " + uri + ": " + response.getStatus().getReason());
    }
    for (FieldSchema f : response.getSchema().getFieldsList()) {
      if (f.getName().equals(field)) {
        for (KeyValuePair p : f.getTypeParamsList()) {
          if (p.getKey().equals("dim")) {
            return Integer.parseInt(p.getValue());
          }
        }
      }
    }
    throw new IllegalArgumentException("search.annsField: \"" + field + "\" is not a vector field of " + collection);
  }

  /**
   * Sends one search exactly as the load will (before any load), so a collection that is missing,
   * not loaded or has another dimension fails the run with Milvus's own reason instead of N KOs.
   */
  public void probeSearch(io.milvus.grpc.SearchRequest request) {
    io.milvus.grpc.SearchResults results;
    try {
      results = stub.withDeadlineAfter(60, TimeUnit.SECONDS).search(request);
    } catch (StatusRuntimeException e) {
      throw new IllegalArgumentException("search: a probe search on " + request.getCollectionName() + " at " + uri
          + " failed before any load: " + e.getStatus().getCode() + " " + e.getStatus().getDescription());
    }
    if (results.getStatus().getCode() != 0 || results.getStatus().getErrorCodeValue() != 0) {
      throw new IllegalArgumentException("search: a probe search on " + request.getCollectionName() + " at " + uri
          + " failed before any load: " + results.getStatus().getReason() + " (code " + results.getStatus().getCode()
          + "; on a remote target, -Dprepare=true seeds and loads it)");
    }
  }

  /** The target's statistics since the previous call (and resets them); null when it does not report them. */
  public ServerStats statsAndReset() {
    try {
      GetMetricsResponse response = stub.withDeadlineAfter(10, TimeUnit.SECONDS)
          .getMetrics(GetMetricsRequest.newBuilder().setRequest(STATS_REQUEST).build());
      if (response.getStatus().getCode() != 0 || response.getStatus().getErrorCodeValue() != 0) {
        return null;
      }
      JsonNode root = JSON.readTree(response.getResponse());
      JsonNode service = root.path("searchServiceMicros");
      Histogram histogram = null;
      if (service.hasNonNull("histogram") && !service.get("histogram").asText().isEmpty()) {
        byte[] bytes = Base64.getDecoder().decode(service.get("histogram").asText());
        histogram = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
      }
      JsonNode process = root.path("process");
      return new ServerStats(histogram, process.path("cpuNanos").asLong(-1), process.path("rssBytes").asLong(-1),
          process.path("peakRssBytes").asLong(-1), System.nanoTime());
    } catch (java.io.IOException | java.util.zip.DataFormatException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The target's report: service time histogram (µs) of the interval, process CPU time and memory.
   *
   * @param sampledAtNanos when this JVM received it ({@link System#nanoTime()})
   */
  public record ServerStats(Histogram serviceMicros, long cpuNanos, long rssBytes, long peakRssBytes, long sampledAtNanos) {}

  @Override
  public void close() {
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
