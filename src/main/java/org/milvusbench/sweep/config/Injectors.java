package org.milvusbench.sweep.config;

import java.time.Duration;

/**
 * How many load generators share the sweep and which one this JVM is ({@code sweep.injectors},
 * {@code sweep.injectorIndex}, {@code sweep.barrier}, {@code sweep.barrierTimeout}).
 *
 * @param of how many injectors (1 = this JVM alone)
 * @param index this injector, 0..of-1; null when this JVM is not one of several coordinated injectors
 * @param barrierHost injector 0's barrier host, as the others reach it
 * @param barrierPort its port; 0 = any free port (injector 0 only)
 * @param barrierTimeout how long a barrier waits for the missing injectors
 */
public record Injectors(int of, Integer index, String barrierHost, int barrierPort, Duration barrierTimeout) {
  public static final Injectors ALONE = new Injectors(1, null, "127.0.0.1", 0, Duration.ofSeconds(120));

  /** One of several injectors that meet at barriers (an index was given). */
  public boolean coordinated() {
    return of > 1 && index != null;
  }

  /** Several injectors but no index: this JVM starts them all on this machine and merges their runs. */
  public boolean launchesLocally() {
    return of > 1 && index == null;
  }

  /**
   * This injector's part of {@code total} users or requests: split as evenly as possible, the first
   * {@code total % of} injectors taking one more, so the parts add up to {@code total} exactly.
   */
  public long share(long total) {
    if (!coordinated()) {
      return total;
    }
    return total / of + (index < total % of ? 1 : 0);
  }

  /** This injector's part of an arrival rate (open model): an equal fraction. */
  public double shareOfRate(double rate) {
    return coordinated() ? rate / of : rate;
  }

  /**
   * Whether this JVM prepares the collection and samples the target's own statistics (reset at
   * every level boundary, so one injector only): injector 0, or a JVM running alone.
   */
  public boolean ownsTarget() {
    return index == null || index == 0;
  }

  /** The barrier's bind address: all interfaces unless its host is loopback (then only loopback). */
  public String bindHost() {
    if (!isLoopback(barrierHost)) {
      return "0.0.0.0";
    }
    return barrierHost.contains("::1") ? "::1" : barrierHost.equals("localhost") ? "127.0.0.1" : barrierHost;
  }

  static boolean isLoopback(String host) {
    return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
  }
}
