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

  /** One search outside the load (e.g. a freshness probe); fails with the Milvus or gRPC reason. */
  public io.milvus.grpc.SearchResults search(io.milvus.grpc.SearchRequest request, long deadlineMillis) {
    io.milvus.grpc.SearchResults results = stub.withDeadlineAfter(deadlineMillis, TimeUnit.MILLISECONDS).search(request);
    requireOk(results.getStatus(), "search");
    return results;
  }

  /** {@code count(*)} of {@code collection} at Strong consistency: every acknowledged write counted. */
  public long count(String collection) {
    io.milvus.grpc.QueryResults results = stub.withDeadlineAfter(60, TimeUnit.SECONDS).query(io.milvus.grpc.QueryRequest
        .newBuilder().setCollectionName(collection).addOutputFields("count(*)")
        .setConsistencyLevel(io.milvus.grpc.ConsistencyLevel.Strong).build());
    requireOk(results.getStatus(), "count(*) of " + collection);
    for (io.milvus.grpc.FieldData column : results.getFieldsDataList()) {
      if (column.getFieldName().equals("count(*)") && column.getScalars().getLongData().getDataCount() > 0) {
        return column.getScalars().getLongData().getData(0);
      }
    }
    throw new IllegalStateException("count(*) of " + collection + " at " + uri + ": the reply holds no count");
  }

  /** Deletes the rows of {@code collection} whose INT64 key {@code keyField} is in {@code keys}; returns Milvus's delete count. */
  public long delete(String collection, String keyField, long[] keys) {
    StringBuilder expr = new StringBuilder(keyField).append(" in [");
    for (int i = 0; i < keys.length; i++) {
      expr.append(i == 0 ? "" : ",").append(keys[i]);
    }
    io.milvus.grpc.MutationResult result = stub.withDeadlineAfter(60, TimeUnit.SECONDS).delete(io.milvus.grpc.DeleteRequest
        .newBuilder().setCollectionName(collection).setExpr(expr.append(']').toString()).build());
    requireOk(result.getStatus(), "delete from " + collection);
    return result.getDeleteCnt();
  }

  /** Inserts {@code rows} rows given as columns into {@code collection}; returns their INT64 keys. */
  public long[] insert(String collection, java.util.List<io.milvus.grpc.FieldData> columns, int rows) {
    io.milvus.grpc.MutationResult result = stub.withDeadlineAfter(60, TimeUnit.SECONDS).insert(io.milvus.grpc.InsertRequest
        .newBuilder().setCollectionName(collection).addAllFieldsData(columns).setNumRows(rows).build());
    requireOk(result.getStatus(), "insert into " + collection);
    return result.getIDs().getIntId().getDataList().stream().mapToLong(Long::longValue).toArray();
  }

  private void requireOk(io.milvus.grpc.Status status, String what) {
    if (status.getCode() != 0 || status.getErrorCodeValue() != 0) {
      throw new IllegalStateException(what + " at " + uri + " failed: " + status.getReason() + " (code " + status.getCode() + ")");
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
          process.path("peakRssBytes").asLong(-1), process.path("jitMillis").asLong(-1), System.nanoTime());
    } catch (java.io.IOException | java.util.zip.DataFormatException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The target's report: service time histogram (µs) of the interval, process CPU time and memory.
   *
   * @param jitMillis the target JVM's JIT compile time so far; -1 when not reported
   * @param sampledAtNanos when this JVM received it ({@link System#nanoTime()})
   */
  public record ServerStats(Histogram serviceMicros, long cpuNanos, long rssBytes, long peakRssBytes, long jitMillis,
      long sampledAtNanos) {}

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
