package org.milvusbench.sweep.run;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Deals a mixed level's requests to operations in the configured proportion: request {@code n}
 * gets entry {@code n mod W} of a cycle of W = Σ weights slots, interleaved by smooth weighted
 * round-robin (nginx's), so {@code search:90,insert:5,…} spreads the inserts through the cycle
 * instead of running them in a block. Deterministic, unlike Gatling's {@code randomSwitch}: a level
 * of N requests runs exactly N·w/W of each operation when W divides N, and a rerun deals the same.
 */
final class MixDeal {
  private final String[] cycle;
  private final AtomicLong dealt = new AtomicLong();

  MixDeal(Map<String, Integer> weights) {
    List<String> ops = List.copyOf(weights.keySet());
    int total = weights.values().stream().mapToInt(Integer::intValue).sum();
    cycle = new String[total];
    long[] current = new long[ops.size()];
    for (int slot = 0; slot < total; slot++) {
      int best = 0;
      for (int i = 0; i < ops.size(); i++) {
        current[i] += weights.get(ops.get(i));
        if (current[i] > current[best]) {
          best = i;
        }
      }
      current[best] -= total;
      cycle[slot] = ops.get(best);
    }
  }

  /** The operation of the next request. */
  String next() {
    return cycle[(int) (dealt.getAndIncrement() % cycle.length)];
  }

  /** How many of the first {@code requests} requests go to {@code operation}. */
  long count(String operation, long requests) {
    long full = requests / cycle.length;
    long n = 0;
    for (int slot = 0; slot < cycle.length; slot++) {
      if (cycle[slot].equals(operation)) {
        n += full + (slot < requests % cycle.length ? 1 : 0);
      }
    }
    return n;
  }
}
