package org.milvusbench.gatling;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.milvusbench.process.ProcessStats;

/**
 * What the generator burns at low rates (issue 16): open-model searches at 5, 50 and 200 req/s
 * against the in-process no-op Milvus, and over the middle half of each run this JVM's CPU split by
 * thread group (names without their numbers: Gatling's event loops, where the actions run; its
 * actor pool; grpc's executors; …) and the part no Java thread accounts for (JIT compilers, GC, the
 * VM), the no-op server's threads taken out, and how much of it was the JIT compiling. A first round
 * at the highest rate is not reported: the JIT compiles the shared paths meanwhile (at 200 req/s it
 * still compiles for a minute or two; later rounds show how much).
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt
 * java --add-opens java.base/java.lang=ALL-UNNAMED -cp target/test-classes:target/classes:$(cat target/test-cp.txt) \
 *     org.milvusbench.gatling.GeneratorIdleBenchmark [seconds=20] [rounds=2]
 * </pre>
 */
public final class GeneratorIdleBenchmark {
  private static final String DEFAULT_RATES = "5,50,200";

  private GeneratorIdleBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    double[] rates = Arrays.stream(System.getProperty("bench.rates", DEFAULT_RATES).split(","))
        .mapToDouble(Double::parseDouble).toArray();
    StringBuilder report = new StringBuilder();
    try (NoopMilvusServer server = new NoopMilvusServer(10)) {
      measure(server, rates[rates.length - 1], seconds);
      for (int round = 1; round <= rounds; round++) {
        for (double rate : rates) {
          report.append(String.format("round %d  %s%n", round, measure(server, rate, seconds)));
        }
      }
    }
    System.out.printf("%ngenerator CPU at low rates vs the no-op Milvus, open model, middle half of %d s runs, %d cores"
        + " (%% of one core; server threads excluded)%n%s", seconds, Runtime.getRuntime().availableProcessors(), report);
    System.exit(0);
  }

  /** One Gatling run at {@code rate}; CPU by thread group over its middle half. */
  private static String measure(NoopMilvusServer server, double rate, int seconds) throws Exception {
    Thread gatling = new Thread(() -> InProcessGatling.run(IdleRateSimulation.class, Map.of("bench.uri", server.uri(),
        "bench.rate", Double.toString(rate), "bench.seconds", Integer.toString(seconds))), "bench-gatling");
    long before = server.searches();
    gatling.start();
    while (server.searches() == before && gatling.isAlive()) {
      Thread.sleep(10);
    }
    Thread.sleep(seconds * 250L);
    Snapshot start = Snapshot.take(server);
    Thread.sleep(seconds * 500L);
    Snapshot end = Snapshot.take(server);
    gatling.join();
    return end.since(start, rate);
  }

  /** CPU time (ns) of this process, of the server's threads, and of every other thread by group. */
  private record Snapshot(long nanos, long process, long server, long searches, long jitMillis, Map<String, Long> groups) {
    static Snapshot take(NoopMilvusServer server) {
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      Map<String, Long> groups = new TreeMap<>();
      for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
        if (info == null || info.getThreadName().startsWith(NoopMilvusServer.THREAD_PREFIX)) continue;
        groups.merge(info.getThreadName().replaceAll("\\d+", "N"), Math.max(0, threads.getThreadCpuTime(info.getThreadId())),
            Long::sum);
      }
      return new Snapshot(System.nanoTime(), ProcessStats.cpuNanos(), server.cpuNanos(), server.searches(),
          ProcessStats.jitMillis(), groups);
    }

    String since(Snapshot s, double rate) {
      double wall = nanos - s.nanos;
      double client = (process - s.process) - (server - s.server);
      long requests = searches - s.searches;
      StringBuilder sb = new StringBuilder(String.format("r=%-5.0f %6.1f req/s  generator %5.2f %% (%.0f µs/req):",
          rate, requests / (wall / 1e9), 100 * client / wall, requests == 0 ? 0 : client / 1000 / requests));
      double java = 0;
      Map<String, Double> shares = new TreeMap<>();
      for (Map.Entry<String, Long> g : groups.entrySet()) {
        double used = g.getValue() - s.groups.getOrDefault(g.getKey(), 0L);
        java += used;
        if (100 * used / wall >= 0.05) shares.put(g.getKey(), 100 * used / wall);
      }
      shares.forEach((name, pct) -> sb.append(String.format("  %s %.2f", name, pct)));
      sb.append(String.format("  [JIT, GC, VM] %.2f (JIT compiling %.2f)", 100 * (client - java) / wall,
          100 * (jitMillis - s.jitMillis) * 1e6 / wall));
      return sb.toString();
    }
  }
}
