package org.milvusbench.sweep.run;

import org.milvusbench.sweep.config.SweepConfig;

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
    if (cfg.slaP95Ms() != null) {
      assertions.add(global().responseTime().percentile(95.0).lt((int) Math.floor(cfg.slaP95Ms())));
    }
    if (cfg.slaMaxFailurePct() != null) {
      assertions.add(global().failedRequests().percent().lte(cfg.slaMaxFailurePct()));
    }
    return assertions;
  }
}
