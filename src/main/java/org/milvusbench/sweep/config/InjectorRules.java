package org.milvusbench.sweep.config;

import static org.milvusbench.config.ConfigKeys.SWEEP_BARRIER;
import static org.milvusbench.config.ConfigKeys.SWEEP_BARRIER_TIMEOUT;
import static org.milvusbench.config.ConfigKeys.SWEEP_DURATION;
import static org.milvusbench.config.ConfigKeys.SWEEP_INJECTORS;
import static org.milvusbench.config.ConfigKeys.SWEEP_INJECTOR_INDEX;
import static org.milvusbench.config.ConfigKeys.SWEEP_LEVELS;
import static org.milvusbench.config.ConfigKeys.SWEEP_MODE;
import static org.milvusbench.config.ConfigKeys.SWEEP_REQUESTS;

import java.util.List;
import org.milvusbench.config.ConfigReader;

/**
 * The {@code sweep.injectors} keys and the rules that make a split exact: every injector gets at
 * least one user and one request of every level, they share one target, and nothing they do
 * changes what another counts. Problems go to the reader, before any load.
 */
final class InjectorRules {
  private InjectorRules() {}

  static Injectors read(ConfigReader r, Workload workload, String uri) {
    int of = r.get(SWEEP_INJECTORS);
    Integer index = r.get(SWEEP_INJECTOR_INDEX);
    String barrier = r.get(SWEEP_BARRIER);
    int colon = barrier.lastIndexOf(':');
    Injectors injectors = new Injectors(of, index, barrier.substring(0, colon), Integer.parseInt(barrier.substring(colon + 1)),
        r.get(SWEEP_BARRIER_TIMEOUT));
    if (index != null && index >= of) {
      r.problem("sweep.injectorIndex: " + index + " is not below sweep.injectors " + of + " (0.." + (of - 1) + ")");
    }
    if (of == 1) {
      return injectors;
    }
    if (workload.kind() != Workload.Kind.SEARCH) {
      r.problem("sweep.injectors: " + of + " injectors run only sweep.workload=search: with " + workload.name()
          + "'s writes each injector's row-count check would count the others' rows, so counts would not be exact");
    }
    if (r.get(SWEEP_MODE).equals("closed")) {
      List<Integer> levels = r.get(SWEEP_LEVELS);
      for (int i = 0; i < levels.size(); i++) {
        if (levels.get(i) < of) {
          r.problem("sweep.levels: level " + (i + 1) + " (c=" + levels.get(i) + ") has fewer users than sweep.injectors "
              + of + "; every injector needs at least one user (c >= " + of + ")");
        }
      }
      if (r.get(SWEEP_DURATION) == null && r.get(SWEEP_REQUESTS) < of) {
        r.problem("sweep.requests: " + r.get(SWEEP_REQUESTS) + " is fewer than sweep.injectors " + of
            + "; every injector needs at least one request per level");
      }
    }
    if (index != null && uri == null) {
      r.problem("sweep.injectorIndex: coordinated injectors share one target: set milvus.uri (without it each"
          + " injector would start an embedded target of its own)");
    }
    if (index != null && index > 0 && injectors.barrierPort() == 0) {
      r.problem("sweep.barrier: injector " + index + " needs injector 0's barrier port (port 0 means any free port,"
          + " which only injector 0 may choose)");
    }
    return injectors;
  }
}
