package org.milvusbench.process;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * This process's pid, total CPU time, resident memory (Linux {@code /proc/self/status}) and JIT
 * compile time: the target reports them through GetMetrics, the load generator samples its own with
 * the same code.
 */
public final class ProcessStats {
  private ProcessStats() {}

  public static Map<String, Object> snapshot() {
    Map<String, Object> out = new LinkedHashMap<>();
    ProcessHandle self = ProcessHandle.current();
    out.put("pid", self.pid());
    out.put("cpuNanos", cpuNanos());
    out.put("rssBytes", rssBytes());
    out.put("peakRssBytes", peakRssBytes());
    out.put("jitMillis", jitMillis());
    return out;
  }

  /** Milliseconds the JIT compilers have spent since this JVM started; -1 without a JIT. */
  public static long jitMillis() {
    java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    return jit == null || !jit.isCompilationTimeMonitoringSupported() ? -1 : jit.getTotalCompilationTime();
  }

  /** User + system CPU of all threads, ns; the OperatingSystemMXBean value when available, else ProcessHandle's. */
  public static long cpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean) {
      long t = ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
      if (t >= 0) {
        return t;
      }
    }
    return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
  }

  /** Resident set size now ({@code VmRSS}), bytes; -1 off Linux. */
  public static long rssBytes() {
    long kb = statusKb("VmRSS:");
    return kb < 0 ? -1 : kb * 1024;
  }

  /** Peak resident set size ({@code VmHWM}), bytes; -1 off Linux. */
  public static long peakRssBytes() {
    long kb = statusKb("VmHWM:");
    return kb < 0 ? -1 : kb * 1024;
  }

  private static long statusKb(String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(key)) {
          return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
