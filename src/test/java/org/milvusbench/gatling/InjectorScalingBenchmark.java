package org.milvusbench.gatling;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * 1, 2 and 4 injector JVMs on this machine against one in-process no-op Milvus (issue 15): the
 * same total of closed-model users split among them, each a Gatling run of {@link
 * ClosedLoadSimulation}; over the middle half of each run the aggregate req/s (the server's count)
 * and the generators' CPU per request (the injector processes' CPU time). On one 2-core machine
 * this shows what several injectors cost, not a speed-up: they share the cores with each other
 * and the server.
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt
 * java --add-opens java.base/java.lang=ALL-UNNAMED -cp target/test-classes:target/classes:$(cat target/test-cp.txt) \
 *     org.milvusbench.gatling.InjectorScalingBenchmark [seconds=20] [users=100] [rounds=2]
 * </pre>
 */
public final class InjectorScalingBenchmark {
  private InjectorScalingBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int users = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    StringBuilder report = new StringBuilder();
    try (NoopMilvusServer server = new NoopMilvusServer(10)) {
      run(server, 1, users, Math.max(5, seconds / 2));
      for (int round = 1; round <= rounds; round++) {
        for (int injectors : new int[] {1, 2, 4}) {
          report.append(String.format("round %d  %s%n", round, run(server, injectors, users, seconds)));
        }
      }
    }
    System.out.printf("%n%d closed-model users split among N injector JVMs vs the no-op Milvus, middle half of %d s"
        + " runs, %d cores shared by injectors and server%n%s", users, seconds, Runtime.getRuntime().availableProcessors(),
        report);
    System.exit(0);
  }

  private static String run(NoopMilvusServer server, int injectors, int users, int seconds) throws Exception {
    List<Process> processes = new ArrayList<>();
    Path logs = Files.createTempDirectory("injectors");
    for (int i = 0; i < injectors; i++) {
      int share = users / injectors + (i < users % injectors ? 1 : 0);
      processes.add(new ProcessBuilder(javaCommand(server.uri(), share, seconds, logs.resolve("gatling-" + i)))
          .redirectErrorStream(true).redirectOutput(logs.resolve("injector-" + i + ".log").toFile()).start());
    }
    long before = server.searches();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (server.searches() == before && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    // Every injector's JVM starts on its own; the window opens once all of them are sending.
    Thread.sleep(Math.max(3_000, seconds * 250L));
    long t0 = System.nanoTime();
    long s0 = server.searches();
    long c0 = cpuNanos(processes);
    Thread.sleep(seconds * 500L);
    long requests = server.searches() - s0;
    double wall = System.nanoTime() - t0;
    double cpu = cpuNanos(processes) - c0;
    for (Process p : processes) {
      if (p.waitFor() != 0) {
        throw new IllegalStateException("injector exited " + p.exitValue() + "; see " + logs);
      }
    }
    return String.format("%d injector(s)  %8.0f req/s  generator CPU %5.1f µs/req (%.0f %% of a core)", injectors,
        requests / (wall / 1e9), cpu / 1000 / requests, 100 * cpu / wall);
  }

  private static long cpuNanos(List<Process> processes) {
    long total = 0;
    for (Process p : processes) {
      total += p.info().totalCpuDuration().map(Duration::toNanos).orElseThrow(
          () -> new IllegalStateException("this platform does not report a process's CPU time"));
    }
    return total;
  }

  private static List<String> javaCommand(String uri, int users, int seconds, Path results) {
    return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-Xmx1g",
        "-Dbench.uri=" + uri, "-Dbench.users=" + users, "-Dbench.seconds=" + seconds,
        "-cp", System.getProperty("java.class.path"),
        "io.gatling.app.Gatling", "-s", ClosedLoadSimulation.class.getName(), "-rf", results.toString(), "-nr");
  }
}
