package org.milvusbench.lucene.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.milvus.grpc.AllocTimestampResponse;
import io.milvus.grpc.CheckHealthResponse;
import io.milvus.grpc.ConnectResponse;
import io.milvus.grpc.GetMetricsRequest;
import io.milvus.grpc.GetMetricsResponse;
import io.milvus.grpc.GetVersionResponse;
import io.milvus.grpc.ServerInfo;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.HdrHistogram.Histogram;
import org.milvusbench.lucene.error.MilvusException;
import org.milvusbench.process.ProcessStats;
import org.milvusbench.lucene.metrics.ServiceTimes;

/**
 * Connect, version, health, timestamps and metrics. {@code GetMetrics} with
 * {@code {"metric_type":"milvusbench_stats"}} (optionally {@code "reset": true}) returns the search
 * service-time histogram and process CPU / RSS as JSON.
 */
final class SystemRpcs {
  /** Reported by GetVersion and Connect: the Milvus API level this server follows. */
  static final String VERSION = "v2.6.0";
  static final String METRIC_TYPE = "milvusbench_stats";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final ServiceTimes serviceTimes;
  private final long startMillis = System.currentTimeMillis();

  SystemRpcs(ServiceTimes serviceTimes) {
    this.serviceTimes = serviceTimes;
  }

  /** Clients send this first; the identifier they echo later is random, as Milvus's is per session. */
  ConnectResponse connect() {
    return ConnectResponse.newBuilder()
        .setStatus(Statuses.OK)
        .setIdentifier(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE))
        .setServerInfo(ServerInfo.newBuilder()
            .setBuildTags(VERSION)
            .setBuildTime(ManagementFactory.getRuntimeMXBean().getVmVersion())
            .setGitCommit("milvus-on-lucene")
            .setGoVersion("Java " + Runtime.version())
            .setDeployMode("STANDALONE")
            .putReserved("server", "milvus-on-lucene (Lucene HNSW)")
            .build())
        .build();
  }

  GetVersionResponse version() {
    return GetVersionResponse.newBuilder().setStatus(Statuses.OK).setVersion(VERSION).build();
  }

  CheckHealthResponse health() {
    return CheckHealthResponse.newBuilder().setStatus(Statuses.OK).setIsHealthy(true).build();
  }

  AllocTimestampResponse allocTimestamp() {
    return AllocTimestampResponse.newBuilder().setStatus(Statuses.OK).setTimestamp(Tso.next()).build();
  }

  GetMetricsResponse metrics(GetMetricsRequest request) throws Exception {
    JsonNode req;
    try {
      req = JSON.readTree(request.getRequest().isEmpty() ? "{}" : request.getRequest());
    } catch (Exception e) {
      throw MilvusException.invalid("GetMetrics request is not JSON: " + e.getMessage());
    }
    String type = req.path("metric_type").asText("");
    Map<String, Object> out = new LinkedHashMap<>();
    if (METRIC_TYPE.equals(type)) {
      Histogram h = serviceTimes.snapshot(req.path("reset").asBoolean(false));
      out.put("searchServiceMicros", Map.of("count", h.getTotalCount(), "histogram", ServiceTimes.encode(h)));
      out.put("process", ProcessStats.snapshot());
      out.put("uptimeMillis", System.currentTimeMillis() - startMillis);
    } else if ("system_info".equals(type)) {
      out.put("nodes_info", java.util.List.of(Map.of("identifier", 1, "infos",
          Map.of("name", "milvus-on-lucene", "type", "standalone", "system_info", Map.of("system_version", VERSION)))));
    } else {
      throw new MilvusException(MilvusException.METRIC_NOT_FOUND, "metric not found[metric_type=" + type
          + "]: supported: " + METRIC_TYPE + ", system_info");
    }
    return GetMetricsResponse.newBuilder().setStatus(Statuses.OK).setComponentName("milvus-on-lucene")
        .setResponse(JSON.writeValueAsString(out)).build();
  }
}
