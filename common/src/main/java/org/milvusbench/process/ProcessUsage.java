package org.milvusbench.process;

/**
 * CPU use of a process over a level, as a percent of one core (2 busy cores = 200), from two
 * CPU-time readings: the generator's own ({@code ProcessStats.cpuNanos()}) or the target's (GetMetrics).
 */
public final class ProcessUsage {
  private ProcessUsage() {}

  /** Percent of one core from two CPU-time readings (ns) over a wall interval (ns); -1 if unknown. */
  public static double cpuPercent(long cpuNanosBefore, long cpuNanosAfter, long wallNanos) {
    if (cpuNanosBefore < 0 || cpuNanosAfter < 0 || wallNanos <= 0) {
      return -1;
    }
    return 100.0 * (cpuNanosAfter - cpuNanosBefore) / wallNanos;
  }
}
