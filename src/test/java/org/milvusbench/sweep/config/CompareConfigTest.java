package org.milvusbench.sweep.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The A/B mode's keys: what it needs is refused before any load, naming the key and why. */
class CompareConfigTest {
  private static Map<String, String> ab(String... more) {
    Map<String, String> p = new HashMap<>(Map.of("compare.uri", "http://127.0.0.1:19531", "sweep.trials", "3"));
    for (int i = 0; i < more.length; i += 2) {
      p.put(more[i], more[i + 1]);
    }
    return p;
  }

  private static String problems(Map<String, String> props) {
    return assertThrows(IllegalArgumentException.class, () -> SweepConfig.parse(props)).getMessage();
  }

  @Test
  void anEmbeddedCandidateWithARemoteBaselineIsValidAndTheTokenIsNeverShown() {
    SweepConfig cfg = SweepConfig.parse(ab("compare.token", "root:secret"));
    assertTrue(cfg.embedded() && cfg.comparesTargets());
    assertEquals("http://127.0.0.1:19531", cfg.compare().uri());
    assertEquals("<set>", cfg.effective().get("compare.token"));
    assertEquals("http://127.0.0.1:19531", cfg.effective().get("compare.uri"));
    assertFalse(cfg.compare().toString().contains("secret"), cfg.compare().toString());
    assertNull(SweepConfig.parse(Map.of()).compare());
  }

  @Test
  void fewerThanThreeTrialsAreRefusedSayingWhy() {
    assertEquals("invalid configuration:\n  sweep.trials: 2 with compare.uri; the A/B verdict is a paired t over the"
        + " trials and needs at least 3 (n - 1 >= 2 degrees of freedom; with 1, t(1)'s critical value fails almost"
        + " nothing), e.g. -Dsweep.trials=5", problems(ab("sweep.trials", "2")));
  }

  @Test
  void severalInjectorsOtherWorkloadsAndAnEmbeddedBaselineAreRefused() {
    assertTrue(problems(ab("sweep.injectors", "2", "sweep.levels", "2,4")).contains(
        "sweep.injectors: 2 with compare.uri; the A/B mode alternates the two targets from one injector"), "injectors");
    assertTrue(problems(ab("sweep.workload", "streaming")).contains(
        "sweep.workload: streaming with compare.uri; the A/B mode compares the search workload only"), "workload");
    assertTrue(problems(ab("compare.uri", "embedded")).contains("compare.uri: \"embedded\" is not supported"),
        "embedded");
    assertTrue(problems(ab("compare.uri", "ftp://x")).startsWith("invalid configuration:\n  compare.uri: "), "scheme");
    assertEquals("invalid configuration:\n  compare.token: set without compare.uri (it is the baseline target's token)",
        problems(Map.of("compare.token", "t")));
  }
}
