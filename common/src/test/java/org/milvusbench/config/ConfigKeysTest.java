package org.milvusbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every key of the table, with a good value and a bad one, and the exact message a user sees. */
class ConfigKeysTest {
  private static final String NAME = "is not a Milvus name (a letter or _, then letters, digits, _)";

  static Stream<Arguments> keys() {
    return Stream.of(
        key("sweep.config", "conf/sweep.conf", Path.of("conf/sweep.conf"), "a\u0000b", "contains a control character (U+0000)"),
        key("sweep.mode", "OPEN", "open", "sideways", "\"sideways\" is not one of closed, open"),
        key("sweep.levels", "1, 4,16", List.of(1, 4, 16), "1,0,1",
            "\"0\" is not a positive integer (e.g. 1,5,10)", "1 is listed twice; each level runs once"),
        key("sweep.rates", "100,250.5", List.of(100.0, 250.5), "100,-1", "\"-1\" is not a positive number (e.g. 100,200,400)"),
        key("sweep.requests", "5000000000", 5_000_000_000L, "-5", "\"-5\" is not a positive integer"),
        key("sweep.duration", "1.5s", Duration.ofMillis(1500), "0s", "\"0s\" must be longer than zero (e.g. 30s)"),
        key("sweep.warmup", "0", 0, "-1", "\"-1\" is not an integer >= 0"),
        key("sweep.pause", "0", Duration.ZERO, "soon", "\"soon\" is not a duration (e.g. 30s, 500ms, 2m)"),
        key("sweep.interval", "250ms", Duration.ofMillis(250), "50ms", "\"50ms\" is shorter than 100ms"),
        key("sweep.trials", "3", 3, "0", "\"0\" is not an integer in 1..100"),
        key("sweep.injectors", "3", 3, "0", "\"0\" is not an integer in 1..1000"),
        key("sweep.injectorIndex", "0", 0, "-1", "\"-1\" is not an integer in 0..999"),
        key("sweep.barrier", "injector-0.barrier:7070", "injector-0.barrier:7070", "barrier",
            "\"barrier\" is not host:port (e.g. injector-0.barrier:7070)"),
        key("sweep.barrierTimeout", "2m", Duration.ofMinutes(2), "10ms", "\"10ms\" is shorter than 100ms"),
        key("sweep.workload", "Streaming", "streaming", "batch", "\"batch\" is not one of search, streaming, mixed"),
        key("sweep.mix", "search:3, Insert:1", java.util.Map.of("search", 3, "insert", 1), "search:90,scan:10",
            "\"scan\" is not one of search, insert, upsert, delete, query"),
        key("ingest.rate", "250.5", 250.5, "0", "\"0\" is not a positive number"),
        key("ingest.batch", "16384", 16_384, "16385", "\"16385\" is not an integer in 1..16384"),
        key("milvus.uri", "https://h:443", "https://h:443", "http://h\tx", "contains a control character (U+0009)"),
        key("milvus.token", "root:Milvus", "root:Milvus", "root:\u0007x", "contains a control character (U+0007)"),
        key("milvus.db", "bench_1", "bench_1", "my-db", "\"my-db\" " + NAME),
        key("milvus.metricsUrl", "http://h:9091/metrics", "http://h:9091/metrics", "http://h\nx",
            "contains a control character (U+000A)"),
        key("milvus.deadline", "250ms", Duration.ofMillis(250), "0.5ms", "\"0.5ms\" is shorter than 1ms"),
        key("milvus.channels", "64", 64, "65", "\"65\" is not an integer in 1..64"),
        key("prepare", "TRUE", true, "yes", "\"yes\" is not true or false"),
        key("profile", "smoke", "smoke", "huge", "\"huge\" is not one of smoke, default, seed"),
        key("search.collection", "my_collection", "my_collection", "1abc", "\"1abc\" " + NAME),
        key("search.annsField", "vec", "vec", "vec field", "\"vec field\" " + NAME),
        key("search.metric", "cosine", "COSINE", "HAMMING", "\"HAMMING\" is not one of L2, IP, COSINE"),
        key("search.ef", "128", 128, "0", "\"0\" is not a positive integer"),
        key("search.topK", "16384", 16384, "20000", "\"20000\" is not an integer in 1..16384"),
        key("search.nq", "1024", 1024, "0", "\"0\" is not an integer in 1..1024"),
        key("search.filter", "category == \"B\"", "category == \"B\"", "a\u0001b", "contains a control character (U+0001)"),
        key("search.outputFields", "category, id,", List.of("category", "id"), "a\u0002b", "contains a control character (U+0002)"),
        key("search.consistency", "strong", "Strong", "Fresh", "\"Fresh\" is not one of Strong, Session, Bounded, Eventually"),
        key("search.queries", "dataset", "dataset", "random", "\"random\" is not one of uniform, dataset"),
        key("search.seed", "-7", -7L, "4.2", "\"4.2\" is not an integer"),
        key("sla.p95Ms", "0.001", 0.001, "-1", "\"-1\" is not a positive number"),
        key("sla.p95Ms.search", "20", 20.0, "0", "\"0\" is not a positive number"),
        key("sla.p95Ms.insert", "200", 200.0, "x", "\"x\" is not a positive number"),
        key("sla.p95Ms.upsert", "1.5", 1.5, "-2", "\"-2\" is not a positive number"),
        key("sla.p95Ms.delete", "3", 3.0, "0", "\"0\" is not a positive number"),
        key("sla.p95Ms.query", "4", 4.0, "no", "\"no\" is not a positive number"),
        key("sla.maxFailurePct", "1.5%", 1.5, "150", "\"150\" is not a percentage in [0, 100] (e.g. 1.5)"),
        key("sla.minRecall", "1", 1.0, "2", "\"2\" is not a recall in [0, 1] (e.g. 0.9)"),
        key("sla.kneeNotBefore", "20", 20, "0", "\"0\" is not a positive integer"),
        key("baseline", "target/milvus-sweep/run-1", List.of(java.nio.file.Path.of("target/milvus-sweep/run-1")),
            "a\u0001b", "contains a control character (U+0001)"),
        key("baseline", "runs/a, runs/b,,runs/c", List.of(java.nio.file.Path.of("runs/a"), java.nio.file.Path.of("runs/b"),
            java.nio.file.Path.of("runs/c")), ",", "\",\" names no path"),
        key("sla.maxRegressionPct", "150", 150.0, "-5", "\"-5\" is not a positive number"),
        key("compare.uri", "http://h:19531", "http://h:19531", "http://h\tx", "contains a control character (U+0009)"),
        key("compare.token", "root:Milvus", "root:Milvus", "root:\u0007x", "contains a control character (U+0007)"),
        key("capacity.targetQps", "1e4", 10_000.0, "lots", "\"lots\" is not a positive number"),
        key("capacity.redundancy", "3", 3, "0", "\"0\" is not a positive integer"),
        key("knee.includeUnsteady", "true", true, "yes", "\"yes\" is not true or false"),
        key("knee.rule", "marginal-efficiency", "marginal", "steep", "\"steep\" is not one of marginal, reference"),
        key("embedded.heap", "512m", "512m", "lots", "\"lots\" is not a JVM size (e.g. 512m, 4g)"),
        key("embedded.data", "/tmp/embedded", Path.of("/tmp/embedded"), "x\u0000y", "contains a control character (U+0000)"),
        key("embedded.warmup", "1000000", 1_000_000, "1000001", "\"1000001\" is not an integer in 0..1000000"),
        key("sweep.runDir", "out", Path.of("out"), "out\u001b[0m", "contains a control character (U+001B)"),
        key("sweep.keepRaw", "false", false, "1", "\"1\" is not true or false"),
        key("sweep.debug", "true", true, "maybe", "\"maybe\" is not true or false"));
  }

  private static Arguments key(String name, String good, Object parsed, String bad, String... complaints) {
    return Arguments.of(name, good, parsed, bad, List.of(complaints));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keys")
  void aGoodValueParsesAndABadOneIsNamedWithWhatIsAllowed(String name, String good, Object parsed, String bad,
      List<String> complaints) {
    ConfigKey<?> key = ConfigKeys.byName(name).orElseThrow();
    ConfigReader reader = new ConfigReader(Map.of(name, good));
    assertEquals(parsed, reader.get(key));
    assertEquals(List.of(), reader.problems());

    ConfigReader badReader = new ConfigReader(Map.of(name, bad));
    assertEquals(key.defaultValue(), badReader.get(key), "a bad value reads as the default");
    assertEquals(complaints.stream().map(c -> name + ": " + c).toList(), badReader.problems());
  }

  @Test
  void everyKeyOfTheTableHasACase() {
    Set<String> tested = keys().map(a -> (String) a.get()[0]).collect(Collectors.toCollection(TreeSet::new));
    Set<String> table = ConfigKeys.ALL.stream().map(ConfigKey::name).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(table, tested);
    assertEquals(ConfigKeys.ALL.size(), table.size(), "no key is listed twice");
  }

  @Test
  void unsetOrBlankGivesTheDefaultParsedFromItsText() {
    ConfigReader reader = new ConfigReader(Map.of("sweep.pause", "  "));
    assertEquals(Duration.ofSeconds(5), reader.get(ConfigKeys.SWEEP_PAUSE));
    assertEquals(List.of(1, 5, 10, 20, 50, 100), reader.get(ConfigKeys.SWEEP_LEVELS));
    assertEquals(null, reader.get(ConfigKeys.SLA_P95_MS));
    assertFalse(reader.isSet(ConfigKeys.SWEEP_PAUSE));
    assertEquals(List.of(), reader.problems());
  }

  @Test
  void aDefaultThatDoesNotParseIsAProgrammingError() {
    assertEquals("x.levels: the default \"0\" is not a positive integer (e.g. 1,5,10)",
        assertThrows(IllegalArgumentException.class,
            () -> ConfigKey.of("x.levels", "0", NumberParsers.positiveIntegers(), "doc")).getMessage());
  }

  @Test
  void aKeyReadTwiceIsParsedAndReportedOnce() {
    ConfigReader reader = new ConfigReader(Map.of("search.topK", "0"));
    reader.readAll(ConfigKeys.ALL);
    assertEquals(10, reader.get(ConfigKeys.SEARCH_TOP_K));
    assertEquals(List.of("search.topK: \"0\" is not an integer in 1..16384"), reader.problems());
  }

  @Test
  void messagesNameTheKeyTheWayTheReaderIsTold() {
    ConfigReader reader = new ConfigReader(Map.of("sla.p95Ms", "-1"), key -> "--sla-p95-ms");
    reader.get(ConfigKeys.SLA_P95_MS);
    assertEquals(List.of("--sla-p95-ms: \"-1\" is not a positive number"), reader.problems());
    assertEquals("invalid configuration:\n  --sla-p95-ms: \"-1\" is not a positive number",
        assertThrows(IllegalArgumentException.class, reader::throwIfProblems).getMessage());
  }

  @Test
  void unknownKeysAreToldTheKnownOnes() {
    String complaint = ConfigKeys.unknownKey();
    assertTrue(complaint.startsWith("unknown key (known: baseline, capacity.redundancy, capacity.targetQps, compare.token, compare.uri, embedded.data, "), complaint);
    assertTrue(complaint.endsWith(", sweep.warmup, sweep.workload)"), complaint);
    assertTrue(ConfigKeys.hasOurPrefix("ingest.rate"));
    assertTrue(ConfigKeys.hasOurPrefix("compare.url"));
    assertTrue(ConfigKeys.hasOurPrefix("search.topk"));
    assertFalse(ConfigKeys.hasOurPrefix("java.home"));
  }

  @Test
  void theMarkdownTableHasOneRowPerKeyInTableOrder() {
    List<String> lines = ConfigKeysMarkdown.table().lines().toList();
    assertEquals("| key | default | allowed | what |", lines.get(0));
    assertEquals(ConfigKeys.ALL.size() + 2, lines.size());
    assertEquals("| `sweep.levels` | `1,5,10,20,50,100` | positive integers, comma-separated | "
        + "concurrency levels (closed model), run in order |", lines.get(2 + ConfigKeys.ALL.indexOf(ConfigKeys.SWEEP_LEVELS)));
    assertEquals("| `sla.p95Ms` | — | number > 0 (ms) | " + ConfigKeys.SLA_P95_MS.doc() + " |",
        lines.get(2 + ConfigKeys.ALL.indexOf(ConfigKeys.SLA_P95_MS)));
  }
}
