package org.milvusbench.sweep.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.milvusbench.sweep.run.SlaAssertions;

/** Splitting a level among injectors, and the settings that would make the split inexact. */
class InjectorsTest {
  private static final String REMOTE = "http://milvus:19530";

  private static SweepConfig injector(int index, int of, String... more) {
    Map<String, String> props = new HashMap<>(Map.of("sweep.injectors", Integer.toString(of),
        "sweep.injectorIndex", Integer.toString(index), "milvus.uri", REMOTE, "sweep.barrier", "injector-0:7070", "sweep.levels", "10,20"));
    for (int i = 0; i < more.length; i += 2) {
      props.put(more[i], more[i + 1]);
    }
    return SweepConfig.parse(props);
  }

  private static String problems(String... props) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < props.length; i += 2) {
      map.put(props[i], props[i + 1]);
    }
    return assertThrows(IllegalArgumentException.class, () -> SweepConfig.parse(map)).getMessage();
  }

  @Test
  void sharesAddUpExactlyTheFirstInjectorsTakingTheRemainder() {
    for (long total : new long[] {3, 7, 61, 1000}) {
      List<Long> shares = IntStream.range(0, 3).mapToObj(i -> injector(i, 3).injectors().share(total)).toList();
      assertEquals(total, shares.stream().mapToLong(Long::longValue).sum(), "" + shares);
      assertTrue(shares.get(0) - shares.get(2) <= 1 && shares.get(0) >= shares.get(1) && shares.get(1) >= shares.get(2));
    }
    assertEquals(List.of(3L, 2L, 2L), IntStream.range(0, 3).mapToObj(i -> injector(i, 3).injectors().share(7)).toList());
    assertEquals(100.0, injector(1, 4).injectors().shareOfRate(400), 1e-12);
    assertEquals(7, SweepConfig.parse(Map.of()).injectors().share(7), "alone: the whole level");
  }

  @Test
  void theBarrierBindsLoopbackOnlyForALoopbackHost() {
    assertEquals("0.0.0.0", injector(0, 2).injectors().bindHost());
    assertEquals("127.0.0.1", injector(0, 2, "sweep.barrier", "127.0.0.1:0").injectors().bindHost());
    assertEquals("127.0.0.1", injector(0, 2, "sweep.barrier", "localhost:7070").injectors().bindHost());
    assertEquals(Duration.ofSeconds(120), injector(0, 2).injectors().barrierTimeout());
  }

  @Test
  void anInjectorRecordsWhichItIsAndLeavesTheSlaToTheMergedRun() {
    SweepConfig cfg = injector(2, 3, "sla.p95Ms", "100");
    assertEquals("3", cfg.effective().get("sweep.injectors"));
    assertEquals("2", cfg.effective().get("sweep.injectorIndex"));
    assertEquals("injector-0:7070", cfg.effective().get("sweep.barrier"));
    assertTrue(SlaAssertions.of(cfg).isEmpty());
    assertFalse(SweepConfig.parse(Map.of()).effective().containsKey("sweep.injectors"));
    assertTrue(SweepConfig.parse(Map.of("sweep.injectors", "3", "sweep.levels", "3")).injectors().launchesLocally());
  }

  @Test
  void everyLevelNeedsAUserPerInjectorAndIsNamed() {
    assertEquals("invalid configuration:\n"
        + "  sweep.levels: level 1 (c=1) has fewer users than sweep.injectors 3; every injector needs at least one user (c >= 3)\n"
        + "  sweep.levels: level 3 (c=2) has fewer users than sweep.injectors 3; every injector needs at least one user (c >= 3)",
        problems("sweep.injectors", "3", "sweep.levels", "1,5,2"));
    assertEquals("invalid configuration:\n  sweep.requests: 2 is fewer than sweep.injectors 3; every injector needs at"
        + " least one request per level", problems("sweep.injectors", "3", "sweep.levels", "3", "sweep.requests", "2"));
    // A duration needs no split of requests, an open model none of users.
    SweepConfig.parse(Map.of("sweep.injectors", "3", "sweep.levels", "3", "sweep.requests", "2", "sweep.duration", "5s"));
    SweepConfig.parse(Map.of("sweep.injectors", "3", "sweep.mode", "open", "sweep.rates", "1"));
  }

  @Test
  void writingWorkloadsIndexOutOfRangeAndAMissingTargetAreRejected() {
    assertEquals("invalid configuration:\n  sweep.injectors: 2 injectors run only sweep.workload=search: with mixed's"
        + " writes each injector's row-count check would count the others' rows, so counts would not be exact",
        problems("sweep.injectors", "2", "sweep.workload", "mixed", "sweep.levels", "4"));
    assertEquals("invalid configuration:\n  sweep.injectorIndex: 3 is not below sweep.injectors 3 (0..2)",
        problems("sweep.injectors", "3", "sweep.injectorIndex", "3", "milvus.uri", REMOTE, "sweep.barrier", "h:1",
            "sweep.levels", "3"));
    assertEquals("invalid configuration:\n  sweep.injectorIndex: coordinated injectors share one target: set milvus.uri"
        + " (without it each injector would start an embedded target of its own)",
        problems("sweep.injectors", "2", "sweep.injectorIndex", "0", "sweep.levels", "2"));
    assertEquals("invalid configuration:\n  sweep.barrier: injector 1 needs injector 0's barrier port (port 0 means any"
        + " free port, which only injector 0 may choose)",
        problems("sweep.injectors", "2", "sweep.injectorIndex", "1", "milvus.uri", REMOTE, "sweep.levels", "2"));
  }
}
