package org.milvusbench.lucene;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** The benchmark's closed-loop search driver: latencies (µs) in HdrHistogram, process CPU per slice. */
final class BenchLoop {
  private BenchLoop() {}

  /** One search of query {@code queryIndex}. */
  interface Searcher {
    void search(int queryIndex) throws Exception;
  }

  private static final boolean THREAD_CPU = Boolean.getBoolean("bench.threadCpu");

  /** CPU ns per thread-name group (digits stripped), for finding where a path spends. */
  private static java.util.Map<String, Long> threadCpu() {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    java.util.Map<String, Long> out = new java.util.TreeMap<>();
    for (java.lang.management.ThreadInfo ti : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (ti != null) {
        long cpu = mx.getThreadCpuTime(ti.getThreadId());
        if (cpu > 0) {
          out.merge(ti.getThreadName().replaceAll("[-0-9]+$", ""), cpu, Long::sum);
        }
      }
    }
    return out;
  }

  /** This JVM's CPU time (all threads). */
  static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /**
   * Closed loop: {@code concurrency} threads searching for {@code seconds}; latencies and process CPU
   * (client + server: they share this JVM, as they share the machine).
   */
  static Slice run(Searcher searcher, int concurrency, int seconds, int queryCount) throws Exception {
    Recorder recorder = new Recorder(3);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong next = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
    long start = System.nanoTime();
    long cpuStart = cpuNanos();
    java.util.Map<String, Long> threadsBefore = THREAD_CPU ? threadCpu() : null;
    for (int t = 0; t < concurrency; t++) {
      Thread thread = new Thread(() -> {
        try {
          while (!stop.get()) {
            long t0 = System.nanoTime();
            searcher.search((int) (next.getAndIncrement() % queryCount));
            recorder.recordValue((System.nanoTime() - t0) / 1000);
          }
        } catch (Throwable e) {
          errors.add(e);
        }
      });
      thread.start();
      threads.add(thread);
    }
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    for (Thread t : threads) {
      t.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    double cpuMicros = (cpuNanos() - cpuStart) / 1e3;
    if (THREAD_CPU) {
      java.util.Map<String, Long> after = threadCpu();
      StringBuilder sb = new StringBuilder("    thread CPU ms (c=" + concurrency + "):");
      after.forEach((k, v) -> {
        long d = (v - threadsBefore.getOrDefault(k, 0L)) / 1_000_000;
        if (d > 10) {
          sb.append(' ').append(k).append('=').append(d);
        }
      });
      System.out.println(sb);
    }
    if (!errors.isEmpty()) {
      throw new IllegalStateException("search failed", errors.get(0));
    }
    return new Slice(recorder.getIntervalHistogram(), elapsed, cpuMicros);
  }

  /** One closed-loop run: latencies (µs), wall seconds, process CPU µs. */
  record Slice(Histogram hist, double seconds, double cpuMicros) {}

  /** Slices added up. */
  static final class Stats {
    final Histogram hist = new Histogram(3);
    double seconds;
    double cpuMicros;

    void add(Slice s) {
      hist.add(s.hist());
      seconds += s.seconds();
      cpuMicros += s.cpuMicros();
    }

    double qps() {
      return hist.getTotalCount() / seconds;
    }

    double cpuMicrosPerQuery() {
      return cpuMicros / Math.max(1, hist.getTotalCount());
    }
  }

}
