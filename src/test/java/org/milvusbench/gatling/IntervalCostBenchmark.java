package org.milvusbench.gatling;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.milvusbench.recorder.LevelRecorder;

/**
 * What cutting a level into 1 s interval histograms costs the generator: the Gatling search action
 * at c=N against the no-op Milvus, recorded as the sweep records (raw latencies kept), with the
 * sweep's interval ticker ({@link LevelRecorder#sampleInterval()} every second) on and off,
 * alternated {@code rounds} times in one JVM. Goal: under 2 % of throughput.
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt
 * java --add-opens java.base/java.lang=ALL-UNNAMED -cp target/test-classes:target/classes:$(cat target/test-cp.txt) \
 *     org.milvusbench.gatling.IntervalCostBenchmark [seconds=10] [users=100] [rounds=3]
 * </pre>
 */
public final class IntervalCostBenchmark {
  private IntervalCostBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int users = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "interval-ticker");
      t.setDaemon(true);
      return t;
    });
    try (NoopMilvusServer server = new NoopMilvusServer(10)) {
      ClientCpu cpu = new ClientCpu(server);
      run(server, users, seconds, false, ticker); // JIT round, not reported
      cpu.microsPerRequest();
      double[][] rps = new double[2][rounds];
      double[][] micros = new double[2][rounds];
      for (int round = 0; round < rounds; round++) {
        for (int on = 0; on < 2; on++) {
          rps[on][round] = run(server, users, seconds, on == 1, ticker);
          micros[on][round] = cpu.microsPerRequest();
        }
      }
      System.out.printf("%ninterval recording cost, Gatling search action c=%d vs no-op Milvus, %d s per run, %d cores%n",
          users, seconds, Runtime.getRuntime().availableProcessors());
      for (int round = 0; round < rounds; round++) {
        System.out.printf("  round %d: without intervals %8.0f req/s %5.1f µs CPU/req | with 1 s intervals %8.0f req/s"
            + " %5.1f µs CPU/req | with/without %.3f%n", round + 1, rps[0][round], micros[0][round], rps[1][round],
            micros[1][round], rps[1][round] / rps[0][round]);
      }
      System.out.printf("  mean ratio with/without: %.3f (goal >= 0.98)%n", mean(rps[1]) / mean(rps[0]));
    } finally {
      ticker.shutdownNow();
    }
    System.exit(0);
  }

  private static double run(NoopMilvusServer server, int users, int seconds, boolean intervals,
      ScheduledExecutorService ticker) {
    LevelRecorder recorder = new LevelRecorder("search c=" + users, true, null);
    CeilingSimulation.MANY = recorder;
    recorder.startIntervals();
    var tick = intervals ? ticker.scheduleAtFixedRate(recorder::sampleInterval, 1, 1, TimeUnit.SECONDS) : null;
    InProcessGatling.run(CeilingSimulation.class, Map.of("bench.uri", server.uri(),
        "bench.users", Integer.toString(users), "bench.seconds", Integer.toString(seconds)));
    if (tick != null) {
      tick.cancel(false);
    }
    LevelRecorder.LevelSnapshot snap = recorder.snapshot();
    return snap.total() / ((snap.windowEndEpochMicros() - snap.windowStartEpochMicros()) / 1e6);
  }

  private static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }
}
