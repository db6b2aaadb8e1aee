package org.milvusbench.recorder;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This JVM's (the load generator's) CPU time and memory, so each level can report whether the
 * generator, not the target, was the bottleneck.
 */
public final class ProcessUsage {
  private ProcessUsage() {}

  /** CPU time used by this process so far (all threads), ns; -1 if the JVM does not say. */
  public static long cpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  /** Resident set size now ({@code VmRSS}), bytes; -1 off Linux. */
  public static long rssBytes() {
    long kb = statusKilobytes("VmRSS:");
    return kb < 0 ? -1 : kb * 1024;
  }

  /** Peak resident set size ({@code VmHWM}), bytes; -1 off Linux. */
  public static long peakRssBytes() {
    long kb = statusKilobytes("VmHWM:");
    return kb < 0 ? -1 : kb * 1024;
  }

  private static long statusKilobytes(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: unknown
    }
    return -1;
  }

  /** CPU percent of one core (2 busy cores = 200) from two CPU-time readings over a wall interval. */
  public static double cpuPercent(long cpuNanosBefore, long cpuNanosAfter, long wallNanos) {
    if (cpuNanosBefore < 0 || cpuNanosAfter < 0 || wallNanos <= 0) {
      return -1;
    }
    return 100.0 * (cpuNanosAfter - cpuNanosBefore) / wallNanos;
  }
}
