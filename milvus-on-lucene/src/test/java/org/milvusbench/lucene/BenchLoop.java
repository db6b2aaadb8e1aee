package org.milvusbench.lucene;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.milvusbench.process.ProcessStats;

/**
 * The benchmark's closed-loop search drivers: latencies (µs) in HdrHistogram, process CPU per slice.
 * {@link Searcher}s are called by one thread per concurrent search (a blocking client);
 * {@link AsyncSearcher}s keep that many searches in flight from their completion callbacks (as the
 * Gatling action does, on the channel's event loop).
 */
final class BenchLoop {
  private BenchLoop() {}

  /** One search of query {@code queryIndex}, returning when it is done. */
  interface Searcher {
    void search(int queryIndex) throws Exception;
  }

  /** One search of query {@code queryIndex}, started now; {@code done} is told when it ends. */
  interface AsyncSearcher {
    void search(int queryIndex, Completion done);
  }

  /** How an {@link AsyncSearcher} reports the end of a search. */
  interface Completion {
    void ok();

    void failed(Throwable error);
  }

  /** A way of searching, run for a slice at a concurrency. */
  interface Path {
    Slice run(int concurrency, int seconds) throws Exception;
  }

  /** Starts a slice's load; returns what waits for it to stop once {@code stop} is set. */
  private interface Load {
    Joiner start(Recorder recorder, AtomicBoolean stop, List<Throwable> errors);
  }

  private interface Joiner {
    void join() throws InterruptedException;
  }

  /** Closed loop: {@code concurrency} threads calling {@code searcher} for {@code seconds}. */
  static Slice run(Searcher searcher, int concurrency, int seconds, int queryCount) throws Exception {
    AtomicLong next = new AtomicLong();
    return measure(concurrency, seconds, (recorder, stop, errors) -> {
      List<Thread> threads = new ArrayList<>();
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
      return () -> {
        for (Thread t : threads) {
          t.join();
        }
      };
    });
  }

  /** Closed loop: {@code concurrency} searches in flight, each started when one ends, for {@code seconds}. */
  static Slice run(AsyncSearcher searcher, int concurrency, int seconds, int queryCount) throws Exception {
    AtomicLong next = new AtomicLong();
    return measure(concurrency, seconds, (recorder, stop, errors) -> {
      CountDownLatch stopped = new CountDownLatch(concurrency);
      for (int c = 0; c < concurrency; c++) {
        new Runnable() {
          long t0;

          @Override
          public void run() {
            t0 = System.nanoTime();
            searcher.search((int) (next.getAndIncrement() % queryCount), new Completion() {
              @Override
              public void ok() {
                recorder.recordValue((System.nanoTime() - t0) / 1000);
                if (stop.get()) {
                  stopped.countDown();
                } else {
                  run();
                }
              }

              @Override
              public void failed(Throwable error) {
                errors.add(error);
                stopped.countDown();
              }
            });
          }
        }.run();
      }
      return stopped::await;
    });
  }

  private static Slice measure(int concurrency, int seconds, Load load) throws Exception {
    Recorder recorder = new Recorder(3);
    AtomicBoolean stop = new AtomicBoolean();
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    ThreadCpu threadsBefore = THREAD_CPU ? ThreadCpu.now() : null;
    long start = System.nanoTime();
    long cpuStart = ProcessStats.cpuNanos();
    Joiner joiner = load.start(recorder, stop, errors);
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    joiner.join();
    double elapsed = (System.nanoTime() - start) / 1e9;
    double cpuMicros = (ProcessStats.cpuNanos() - cpuStart) / 1e3;
    if (THREAD_CPU) {
      System.out.println("    c=" + concurrency + ": " + ThreadCpu.now().since(threadsBefore));
    }
    if (!errors.isEmpty()) {
      throw new IllegalStateException("search failed", errors.get(0));
    }
    return new Slice(recorder.getIntervalHistogram(), elapsed, cpuMicros);
  }

  /**
   * Alternates one-second c = 2 slices of each path until the JIT has settled: a round in which it
   * compiled for under 2 % of the wall time, at least three rounds, at most {@code maxSeconds}. The
   * gRPC path (Netty, HTTP/2, protobuf, both ends in this JVM) keeps C2 busy for tens of seconds at a
   * few hundred calls per second; a fixed few-second warm-up measured that compiling, not the calls.
   */
  static void warmUp(List<Path> paths, int maxSeconds) throws Exception {
    long start = System.nanoTime();
    long compileStart = ProcessStats.jitMillis();
    for (int round = 1; ; round++) {
      long roundStart = System.nanoTime();
      long compiled = ProcessStats.jitMillis();
      for (Path path : paths) {
        path.run(2, 1);
      }
      double roundMillis = (System.nanoTime() - roundStart) / 1e6;
      double seconds = (System.nanoTime() - start) / 1e9;
      if ((round >= 3 && ProcessStats.jitMillis() - compiled < 0.02 * roundMillis) || seconds >= maxSeconds) {
        System.out.printf(Locale.ROOT, "JIT warm-up: %.0f s, %d ms compiling; last round %d ms compiling%n",
            seconds, ProcessStats.jitMillis() - compileStart, ProcessStats.jitMillis() - compiled);
        return;
      }
    }
  }

  private static final boolean THREAD_CPU = Boolean.getBoolean("bench.threadCpu");

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
