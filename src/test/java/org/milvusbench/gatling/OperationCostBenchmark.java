package org.milvusbench.gatling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The generator's cost per operation: each of {@link BenchOperation}'s requests (search, insert and
 * upsert of 100 rows of 768-d, delete by 100 ids, filtered query, count) in turn, from N
 * closed-model Gatling users against the in-process no-op Milvus for S seconds after W seconds of
 * warm-up (and after a first, unreported round of every operation for W seconds, for the JIT):
 * req/s, the generator's CPU per request (this JVM's CPU minus the no-op server's threads', {@link
 * ClientCpu}), per row for writes, and each operation's cost over a search's in the same run. The
 * two cores are shared by client and server, so req/s is a floor; the CPU per request is the figure.
 *
 * <p>Without installing the modules: in the reactor, {@code dependency:build-classpath} resolves
 * them to their {@code target/classes}, so one invocation from the root builds and lists everything.
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt
 * java --add-opens java.base/java.lang=ALL-UNNAMED -cp target/test-classes:target/classes:$(cat target/test-cp.txt) \
 *     org.milvusbench.gatling.OperationCostBenchmark [seconds=10] [users=100] [warmupSeconds=3]
 * </pre>
 */
public final class OperationCostBenchmark {
  private OperationCostBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int users = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    List<OperationCost> costs = new ArrayList<>();
    try (NoopMilvusServer server = new NoopMilvusServer(10)) {
      // A round of every operation first, unreported: the first one measured would otherwise pay
      // for the JIT compiling what they all share (Gatling, the action, grpc-java).
      for (BenchOperation operation : BenchOperation.values()) {
        measure(server, operation, users, warmUp, 0);
      }
      for (BenchOperation operation : BenchOperation.values()) {
        costs.add(measure(server, operation, users, seconds, warmUp));
      }
    }
    print(costs, seconds, warmUp);
    System.exit(0);
  }

  /** One Gatling run of {@code operation}, its window measured. */
  static OperationCost measure(NoopMilvusServer server, BenchOperation operation, int users, int seconds, int warmUp) {
    MeasuredWindow window = new MeasuredWindow(operation, server, users);
    OperationCeilingSimulation.window = window;
    InProcessGatling.run(OperationCeilingSimulation.class, Map.of("bench.uri", server.uri(),
        "bench.operation", operation.name(), "bench.users", Integer.toString(users),
        "bench.seconds", Integer.toString(seconds), "bench.warmup", Integer.toString(warmUp)));
    if (window.cost() == null) {
      throw new IllegalStateException(operation.label + ": the measured window never closed");
    }
    return window.cost();
  }

  private static void print(List<OperationCost> costs, int seconds, int warmUp) {
    OperationCost search = costs.get(0);
    System.out.println();
    System.out.printf("generator cost per operation vs no-op Milvus, c=%d closed-model users, %d s each after %d s warm-up,"
        + " %d cores shared by client and server%n", search.users(), seconds, warmUp, Runtime.getRuntime().availableProcessors());
    System.out.printf("  %-13s %10s %9s %12s %10s %12s %10s %9s %4s%n", "operation", "req/s", "p50 µs", "client µs/req",
        "µs/row", "÷ search", "server µs", "rows/req", "KO");
    for (OperationCost c : costs) {
      System.out.printf("  %-13s %10.0f %9.0f %12.1f %10s %12.2f %10.1f %9.1f %4d%n", c.operation().label,
          c.requestsPerSecond(), c.p50Micros(), c.clientMicros(),
          Double.isNaN(c.clientMicrosPerRow()) ? "-" : String.format("%.2f", c.clientMicrosPerRow()),
          c.ratioTo(search), c.serverMicros(), c.rowsPerRequest(), c.failures());
    }
    OperationCost insert = costs.stream().filter(c -> c.operation() == BenchOperation.INSERT).findFirst().orElseThrow();
    System.out.printf("  an insert of %d rows costs the generator %.1f× a search (%.1f vs %.1f µs of CPU)%n",
        BenchOperation.BATCH, insert.ratioTo(search), insert.clientMicros(), search.clientMicros());
  }
}
