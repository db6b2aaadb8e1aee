package org.milvusbench.sweep.config;

import org.milvusbench.config.ConfigKeys;
import org.milvusbench.sweep.run.SlaAssertions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepConfigTest {

  private static String problems(Map<String, String> props) {
    return assertThrows(IllegalArgumentException.class, () -> SweepConfig.parse(props)).getMessage();
  }

  @Test
  void defaultsAreTheReferenceSweep() {
    SweepConfig cfg = SweepConfig.parse(Map.of());
    assertEquals(SweepConfig.Mode.CLOSED, cfg.mode());
    assertEquals(List.of(1, 5, 10, 20, 50, 100), cfg.levels());
    assertEquals(1000, cfg.requests());
    assertNull(cfg.duration());
    assertEquals(10, cfg.warmup());
    assertEquals(Duration.ofSeconds(5), cfg.pause());
    assertEquals(64, cfg.ef());
    assertEquals(10, cfg.topK());
    assertEquals(1, cfg.nq());
    assertEquals("default", cfg.profile());
    assertEquals("uniform", cfg.queries());
    assertTrue(cfg.embedded());
    assertNull(cfg.slaP95Ms());
  }

  @Test
  void levelZeroNamesTheKeyAndWhatIsAllowed() {
    assertEquals("invalid configuration:\n  sweep.levels: \"0\" is not a positive integer (e.g. 1,5,10)",
        problems(Map.of("sweep.levels", "1,0,10")));
  }

  @Test
  void negativeCountsAreRejected() {
    assertEquals("invalid configuration:\n  sweep.requests: \"-5\" is not a positive integer",
        problems(Map.of("sweep.requests", "-5")));
    assertEquals("invalid configuration:\n  sweep.warmup: \"-1\" is not an integer >= 0",
        problems(Map.of("sweep.warmup", "-1")));
  }

  @Test
  void efBelowTopKIsRejected() {
    assertEquals("invalid configuration:\n  search.ef: 5 is below search.topK 10 (HNSW needs ef >= topK)",
        problems(Map.of("search.ef", "5")));
  }

  @Test
  void unknownModeIsRejected() {
    assertEquals("invalid configuration:\n  sweep.mode: \"sideways\" is not one of closed, open",
        problems(Map.of("sweep.mode", "sideways")));
  }

  @Test
  void unparsableFilterIsRejected() {
    String message = problems(Map.of("search.filter", "category = \"B\""));
    assertTrue(message.startsWith("invalid configuration:\n  search.filter: \"category = \"B\"\" does not parse: "), message);
  }

  @Test
  void badUriAndDurationAreRejected() {
    assertEquals("invalid configuration:\n  milvus.uri: scheme \"ftp\" is not one of http, https, tcp, grpc (e.g. http://localhost:19530)",
        problems(Map.of("milvus.uri", "ftp://x:1")));
    assertEquals("invalid configuration:\n  sweep.duration: \"soon\" is not a duration (e.g. 30s, 500ms, 2m)",
        problems(Map.of("sweep.duration", "soon")));
  }

  @Test
  void everyProblemIsReportedAtOnceAndTyposAreCaught() {
    String message = problems(Map.of("sweep.levels", "0", "search.topk", "5", "sla.p95Ms", "-1"));
    assertTrue(message.contains("sweep.levels: \"0\""), message);
    assertTrue(message.contains("search.topk: unknown key (known: "), message);
    assertTrue(message.contains("sla.p95Ms: \"-1\" is not a positive number"), message);
  }

  @Test
  void openModeDurationsAndSlasParse() {
    SweepConfig cfg = SweepConfig.parse(Map.of("sweep.mode", "open", "sweep.rates", "100,250.5", "sweep.duration", "1.5s",
        "sweep.pause", "0", "sla.p95Ms", "0.001", "sla.maxFailurePct", "1", "milvus.uri", "localhost:19530",
        "milvus.token", "root:Milvus"));
    assertEquals(SweepConfig.Mode.OPEN, cfg.mode());
    assertEquals(List.of(100.0, 250.5), cfg.rates());
    assertEquals(Duration.ofMillis(1500), cfg.duration());
    assertEquals(Duration.ZERO, cfg.pause());
    assertEquals(0.001, cfg.slaP95Ms());
    assertFalse(cfg.embedded());
    assertEquals("<set>", cfg.effective().get("milvus.token"));
    assertFalse(cfg.effective().toString().contains("Milvus"), "no token in the effective config");
    assertEquals(2, SlaAssertions.of(cfg).size());
  }

  @Test
  void failureSlaMayCarryAPercentSignAndReachesTheAnalyzerOnce() {
    SweepConfig cfg = SweepConfig.parse(Map.of("sla.maxFailurePct", "1.5%", "milvus.uri", "localhost:19530"));
    assertEquals(1.5, cfg.slaMaxFailurePct());
    assertEquals(1.5, cfg.analysis().slaMaxFailurePct().getAsDouble());
    assertEquals("1.5", cfg.effective().get("sla.maxFailurePct"));
  }

  @Test
  void quotesEscapedByTheGatlingPluginAreRestored() {
    assertEquals("category == \"B\"", SweepConfig.parse(Map.of("search.filter", "category == \\\"B\\\"")).filter());
  }

  @Test
  void theEffectiveConfigurationUsesTableKeys() {
    SweepConfig cfg = SweepConfig.parse(Map.of("search.filter", "category == \"B\"", "search.outputFields", "category",
        "sla.p95Ms", "100", "sla.minRecall", "0.9", "sla.kneeNotBefore", "5", "capacity.targetQps", "10", "milvus.db", "bench"));
    for (String key : cfg.effective().keySet()) {
      assertTrue(ConfigKeys.byName(key).isPresent(), key);
    }
  }
}
