package org.milvusbench.gatling;

import io.milvus.grpc.SearchRequest;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.milvusbench.gatling.core.QueryVectors;
import org.milvusbench.gatling.internal.SearchRequestTemplate;
import org.milvusbench.recorder.LevelRecorder;

/**
 * Generator ceiling, in one run against the in-process no-op Milvus (so only client cost counts):
 * requests/s of (1) a raw grpc-java async loop with N in flight (futures), (2) the reference's
 * approach, a pool of N threads calling {@code MilvusClientV2.search} (blocking), (3) the Gatling
 * search action with N closed-model users; plus measurement overhead at c=1 (client p50 − server
 * service p50). The two cores are shared by client and server, so absolute numbers are a floor.
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt   # the reactor: the
 *     modules resolve to their target/classes, nothing is installed (see OperationCostBenchmark)
 * java --add-opens java.base/java.lang=ALL-UNNAMED -cp target/test-classes:target/classes:$(cat target/test-cp.txt) \
 *     org.milvusbench.gatling.GeneratorCeilingBenchmark [seconds=10] [inFlight=100] [gatling-only]
 * </pre>
 */
public final class GeneratorCeilingBenchmark {
  private GeneratorCeilingBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    try (NoopMilvusServer server = new NoopMilvusServer(10)) {
      if (args.length > 2 && args[2].equals("gatling-only")) {
        // For profiling the action alone (e.g. under JFR): no comparison printed.
        Result[] gatling = gatling(server, inFlight, seconds);
        System.out.printf("%nGatling Milvus action, c=%d: %.0f req/s, p50 %.0f µs%n", inFlight, gatling[1].rps, gatling[1].p50Micros);
        System.exit(0);
      }
      QueryVectors queries = QueryVectors.uniform(256, 768, 42);
      SearchRequest template = SearchRequestTemplate.build(
          MilvusDsl.search("raw").collection("noop").annsField("embedding").vectors(queries).topK(10).ef(64).wrapped,
          MilvusDsl.milvus().uri(server.uri()).protocol());

      ClientCpu cpu = new ClientCpu(server);
      Result raw = GeneratorContenders.rawAsync(server, template, queries, inFlight, seconds);
      double rawCpu = cpu.microsPerRequest();
      double rawServerCpu = cpu.serverMicrosPerRequest;
      Result raw1 = GeneratorContenders.rawAsync(server, template, queries, 1, Math.max(2, seconds / 2));
      cpu.microsPerRequest();
      Result blocking = GeneratorContenders.blockingPool(server, queries, inFlight, seconds);
      double blockingCpu = cpu.microsPerRequest();
      double blockingServerCpu = cpu.serverMicrosPerRequest;
      Result tuned = GeneratorContenders.rawOnLoops(server, template, queries, inFlight, seconds);
      double tunedCpu = cpu.microsPerRequest();
      server.serviceMicrosInterval();
      Result[] gatling = gatling(server, inFlight, seconds);
      // Charged with Gatling's start-up, its c=1 phase and report parsing: an upper bound.
      double gatlingCpu = cpu.microsPerRequest();
      double gatlingServerCpu = cpu.serverMicrosPerRequest;
      Histogram serverService = server.serviceMicrosInterval();

      System.out.println();
      System.out.printf("generator ceiling vs no-op Milvus, %d in flight, %d s each, %d cores shared by client and server%n",
          inFlight, seconds, Runtime.getRuntime().availableProcessors());
      System.out.printf("  raw grpc-java async, its defaults      %9.0f req/s   p50 %6.0f µs%n", raw.rps, raw.p50Micros);
      System.out.printf("  raw grpc-java on the action's loops     %9.0f req/s   p50 %6.0f µs%n", tuned.rps, tuned.p50Micros);
      System.out.printf("  MilvusClientV2 blocking, %3d threads  %9.0f req/s   p50 %6.0f µs%n", inFlight, blocking.rps, blocking.p50Micros);
      System.out.printf("  Gatling Milvus action, c=%-3d         %9.0f req/s   p50 %6.0f µs%n", inFlight, gatling[1].rps, gatling[1].p50Micros);
      System.out.printf("  ratios: Gatling/raw %.2f (goal >= 0.9), Gatling/blocking %.2f (goal >= 3);"
          + " Gatling/raw on the action's loops %.2f (Gatling's own cost)%n",
          gatling[1].rps / raw.rps, gatling[1].rps / blocking.rps, gatling[1].rps / tuned.rps);
      System.out.printf("client CPU per request (process CPU minus the no-op server's threads): raw %.1f µs, raw on loops %.1f µs,"
          + " blocking %.1f µs, Gatling %.1f µs%n", rawCpu, tunedCpu, blockingCpu, gatlingCpu);
      System.out.printf("  no-op server CPU per request in the same phases: raw %.1f µs, blocking %.1f µs, Gatling %.1f µs%n",
          rawServerCpu, blockingServerCpu, gatlingServerCpu);
      System.out.printf("  generator cost ratio: blocking/Gatling %.2f (the server's own cost, shared by all three, caps the req/s ratio)%n",
          blockingCpu / gatlingCpu);
      System.out.printf("measurement overhead at c=1: Gatling p50 %.0f µs, raw gRPC p50 %.0f µs, server service p50 %d µs%n",
          gatling[0].p50Micros, raw1.p50Micros, serverService.getValueAtPercentile(50));
      System.out.printf("  client p50 - server service p50 = %.0f µs (goal <= 100); Gatling action over raw gRPC: %.0f µs%n",
          gatling[0].p50Micros - serverService.getValueAtPercentile(50), gatling[0].p50Micros - raw1.p50Micros);
    }
    System.exit(0);
  }

  record Result(double rps, double p50Micros) {}

  /** Runs {@link CeilingSimulation} in this JVM; returns [c=1, c=N]. */
  static Result[] gatling(NoopMilvusServer server, int users, int seconds) {
    InProcessGatling.run(CeilingSimulation.class, Map.of("bench.uri", server.uri(),
        "bench.users", Integer.toString(users), "bench.seconds", Integer.toString(seconds)));
    return new Result[] {result(CeilingSimulation.SINGLE), result(CeilingSimulation.MANY)};
  }

  private static Result result(LevelRecorder recorder) {
    LevelRecorder.LevelSnapshot snap = recorder.snapshot();
    double window = (snap.windowEndEpochMicros() - snap.windowStartEpochMicros()) / 1e6;
    return new Result(snap.total() / window, snap.histogramMicros().getValueAtPercentile(50));
  }
}
