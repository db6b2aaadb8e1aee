package org.milvusbench.sweep.run;

import org.milvusbench.sweep.config.SweepConfig;

import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;

import io.gatling.javaapi.core.Assertion;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code -Dsla.*} as Gatling assertions, so {@code mvn gatling:test} fails on a breach. Gatling
 * measures whole milliseconds: a fractional {@code sla.p95Ms} is rounded down, so the assertion
 * passes only when p95 is certainly below it (the analyzer checks the exact µs value).
 */
public final class SlaAssertions {
  private SlaAssertions() {}

  public static List<Assertion> of(SweepConfig cfg) {
    List<Assertion> assertions = new ArrayList<>();
    if (cfg.injectors().coordinated()) {
      return assertions; // one injector's share is not the run: the merged run is gated
    }
    if (cfg.comparesTargets()) {
      return assertions; // the requests of both targets mix in Gatling's totals: the analyzer gates the candidate's
    }
    if (cfg.slaP95Ms() != null) {
      assertions.add(global().responseTime().percentile(95.0).lt((int) Math.floor(cfg.slaP95Ms())));
    }
    // Per operation: one assertion per level on that level's request name, as Gatling's
    // assertions address requests ("insert c=10"), not operations.
    cfg.analysis().slaP95MsByOperation().forEach((op, ms) -> {
      if (!runs(cfg, op)) {
        return;
      }
      for (int t = 1; t <= cfg.trials(); t++) {
        String trial = new Level.Trial(t, cfg.trials()).suffix();
        for (int i = 0; i < levelCount(cfg); i++) {
          String name = (cfg.mode() == SweepConfig.Mode.CLOSED ? Level.requestName(op, cfg.levels().get(i), 0)
              : Level.requestName(op, 0, cfg.rates().get(i))) + trial;
          assertions.add(details(name).responseTime().percentile(95.0).lt((int) Math.floor(ms)));
        }
      }
    });
    if (cfg.slaMaxFailurePct() != null) {
      assertions.add(global().failedRequests().percent().lte(cfg.slaMaxFailurePct()));
    }
    return assertions;
  }

  private static int levelCount(SweepConfig cfg) {
    return cfg.mode() == SweepConfig.Mode.CLOSED ? cfg.levels().size() : cfg.rates().size();
  }

  /** Whether the workload sends {@code operation} requests under their own name. */
  private static boolean runs(SweepConfig cfg, String operation) {
    return switch (cfg.workload().kind()) {
      case SEARCH -> false; // sla.p95Ms is the search's: the global assertion covers it
      case STREAMING -> operation.equals("search") || operation.equals("insert");
      case MIXED -> cfg.workload().mix().containsKey(operation);
    };
  }
}
