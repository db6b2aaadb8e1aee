package org.milvusbench.faults;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import io.milvus.grpc.GetMetricsRequest;
import io.milvus.grpc.GetMetricsResponse;
import io.milvus.grpc.MilvusServiceGrpc;
import io.milvus.shaded.io.grpc.ManagedChannel;
import io.milvus.shaded.io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import org.milvusbench.rundir.ResultsJson;

/** The embedded target (TargetMain) as a child JVM the test can kill -9 and restart on the same port. */
final class TargetChild implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("MILVUS_TARGET_READY port=(\\d+)");
  final JavaChild child;
  final int port;

  private TargetChild(JavaChild child, int port) {
    this.child = child;
    this.port = port;
  }

  /** Starts it ({@code port} 0 = a free one) and waits for its READY line. */
  static TargetChild start(Path log, Path data, int port, String... extraArgs) throws Exception {
    List<String> args = new ArrayList<>(List.of("--port", Integer.toString(port), "--data", data.toString()));
    args.addAll(List.of(extraArgs));
    JavaChild child = JavaChild.start(log, Map.of(), "org.milvusbench.lucene.TargetMain", args.toArray(String[]::new));
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      Matcher m = READY.matcher(child.output());
      if (m.find()) {
        return new TargetChild(child, Integer.parseInt(m.group(1)));
      }
      if (!child.process.isAlive()) {
        break;
      }
      Thread.sleep(100);
    }
    String out = child.output();
    child.close();
    throw new IOException("target did not start:\n" + out);
  }

  String uri() {
    return "http://127.0.0.1:" + port;
  }

  /**
   * Searches served since the sweep's last level-boundary reset (GetMetrics milvusbench_stats,
   * without resetting): ≥ a few dozen after a level's boundary means the level's load is running.
   */
  long searchesSinceReset() {
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    try {
      GetMetricsResponse r = MilvusServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
          .getMetrics(GetMetricsRequest.newBuilder().setRequest("{\"metric_type\":\"milvusbench_stats\"}").build());
      return ResultsJson.mapper().readTree(r.getResponse()).path("searchServiceMicros").path("count").asLong();
    } catch (IOException | RuntimeException e) {
      return -1;
    } finally {
      channel.shutdownNow();
    }
  }

  /** Polls until {@code n} searches were served since the last reset (the level under way). */
  void awaitSearches(long n, long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < deadline && searchesSinceReset() < n) {
      Thread.sleep(20);
    }
  }

  /** kill -9: no shutdown hook, no commit. */
  void kill9() throws InterruptedException {
    child.process.destroyForcibly();
    child.process.waitFor();
  }

  @Override
  public void close() {
    child.close();
  }
}
