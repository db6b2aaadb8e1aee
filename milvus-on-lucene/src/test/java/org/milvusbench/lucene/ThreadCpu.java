package org.milvusbench.lucene;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.milvusbench.process.ProcessStats;

/**
 * Where this JVM's CPU went ({@code -Dbench.threadCpu=true}): by live thread group (names without
 * their numbers), the rest (threads that ended, JIT compilers, GC), the JIT's compile time, and the
 * kernel's share (user / system clock ticks of /proc/self/stat).
 */
record ThreadCpu(long processNanos, long jitMillis, long userTicks, long systemTicks, Map<String, Long> groups) {

  static ThreadCpu now() {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Map<String, Long> groups = new TreeMap<>();
    for (ThreadInfo ti : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (ti != null) {
        long cpu = mx.getThreadCpuTime(ti.getThreadId());
        if (cpu > 0) {
          groups.merge(ti.getThreadName().replaceAll("[-0-9]+$", ""), cpu, Long::sum);
        }
      }
    }
    long[] ticks = ticks();
    return new ThreadCpu(ProcessStats.cpuNanos(), ProcessStats.jitMillis(), ticks[0], ticks[1], groups);
  }

  /** CPU ms since {@code before}: process, JIT compiling, system ticks of all ticks, then each group. */
  String since(ThreadCpu before) {
    long process = (processNanos - before.processNanos) / 1_000_000;
    StringBuilder sb = new StringBuilder(String.format("process %d ms (JIT compiling %d ms, system %d of %d ticks):",
        process, jitMillis - before.jitMillis, systemTicks - before.systemTicks,
        userTicks - before.userTicks + systemTicks - before.systemTicks));
    long live = 0;
    for (Map.Entry<String, Long> g : groups.entrySet()) {
      long ms = (g.getValue() - before.groups.getOrDefault(g.getKey(), 0L)) / 1_000_000;
      live += ms;
      if (ms > 10) {
        sb.append(' ').append(g.getKey()).append('=').append(ms);
      }
    }
    return sb.append(" other=").append(process - live).toString();
  }

  /** utime and stime of this process, in clock ticks; zeros where /proc is not there. */
  private static long[] ticks() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
    } catch (IOException | RuntimeException e) {
      return new long[2];
    }
  }
}
