package org.milvusbench.sweep.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milvusbench.config.ConfigKeys;

/** {@code -Dsweep.config}: a sweep in a HOCON file, -D over it, every problem naming the file and the key. */
class SweepFileTest {
  @TempDir Path dir;

  private Path file(String hocon) throws IOException {
    return Files.writeString(dir.resolve("sweep.conf"), hocon);
  }

  private static Map<String, String> props(Path file, String... keyValues) {
    Map<String, String> props = new HashMap<>(Map.of("sweep.config", file.toString()));
    for (int i = 0; i < keyValues.length; i += 2) {
      props.put(keyValues[i], keyValues[i + 1]);
    }
    return props;
  }

  private static String problems(Map<String, String> props) {
    return assertThrows(IllegalArgumentException.class, () -> SweepConfig.parse(props)).getMessage();
  }

  @Test
  void theFileDescribesTheSweepAndDashDOverridesIt() throws Exception {
    Path f = file("""
        sweep.levels = [1, 2, 4]
        sweep.requests = 200
        search { ef = 128, topK = 20, filter = "category == \\"B\\"" }
        sla.p95Ms = 50
        prepare = true
        milvus.uri = "http://localhost:19530"
        """);
    SweepConfig cfg = SweepConfig.parse(props(f, "sweep.levels", "5,10", "search.topK", "30"));
    assertEquals(List.of(5, 10), cfg.levels());
    assertEquals(200, cfg.requests());
    assertEquals(128, cfg.ef());
    assertEquals(30, cfg.topK());
    assertEquals("category == \"B\"", cfg.filter());
    assertEquals(50.0, cfg.slaP95Ms());
    assertTrue(cfg.prepare());
    assertEquals("http://localhost:19530", cfg.uri());
  }

  @Test
  void aBlankDashDStillWinsOverTheFile() throws Exception {
    Path f = file("milvus.uri = \"http://localhost:19530\"");
    assertTrue(SweepConfig.parse(props(f, "milvus.uri", "")).embedded());
  }

  @Test
  void substitutionsResolveAndAnUnsetOptionalOneLeavesTheDefault() throws Exception {
    Path f = file("search.topK = 20\nsearch.ef = ${search.topK}\nmilvus.token = ${?NO_SUCH_VARIABLE_OF_THIS_TEST}\n");
    SweepConfig cfg = SweepConfig.parse(props(f));
    assertEquals(20, cfg.ef());
    assertNull(cfg.token());
  }

  @Test
  void aBadValueInTheFileNamesTheFileAndTheKey() throws Exception {
    Path f = file("sweep.levels = [1, 0]\nsla.maxFailurePct = 150\n");
    assertEquals("invalid configuration:\n"
        + "  " + f + ": sweep.levels: \"0\" is not a positive integer (e.g. 1,5,10)\n"
        + "  " + f + ": sla.maxFailurePct: \"150\" is not a percentage in [0, 100] (e.g. 1.5)",
        problems(props(f)));
    assertEquals("invalid configuration:\n  sla.maxFailurePct: \"200\" is not a percentage in [0, 100] (e.g. 1.5)",
        problems(props(f, "sweep.levels", "1", "sla.maxFailurePct", "200")), "a -D value is named as a -D");
  }

  @Test
  void anUnknownKeyInTheFileNamesTheFileAndTheKeyEvenWithoutOurPrefix() throws Exception {
    Path f = file("sweep.levles = [1, 2]\ncolour = red\n");
    assertEquals("invalid configuration:\n"
        + "  " + f + ": colour: " + ConfigKeys.unknownKey() + "\n"
        + "  " + f + ": sweep.levles: " + ConfigKeys.unknownKey(), problems(props(f)));
  }

  @Test
  void aFileThatDoesNotParseIsNamedWithItsLine() throws Exception {
    Path f = file("sweep.levels = [1, 5\n");
    assertEquals("invalid configuration:\n  sweep.config: " + f + ": 2: List should have had new element after a comma,"
        + " instead had token: end of file (if you want the comma or end of file to be part of a string value, then"
        + " double-quote it)", problems(props(f)));
  }

  @Test
  void aMissingFileIsNamed() {
    Path f = dir.resolve("nope.conf");
    assertEquals("invalid configuration:\n  sweep.config: \"" + f + "\" is not a readable file", problems(props(f)));
  }

  @Test
  void aFileCannotNameAnotherNorSetDebugNorHoldNestedLists() throws Exception {
    Path f = file("sweep.config = other.conf\nsweep.debug = true\nsweep.levels = [[1], 2]\n");
    assertEquals("invalid configuration:\n"
        + "  " + f + ": sweep.levels: a list may hold only numbers, strings and booleans\n"
        + "  " + f + ": sweep.config: only as -Dsweep.config (one file per sweep)\n"
        + "  " + f + ": sweep.debug: only as -Dsweep.debug (it covers errors in the file too)", problems(props(f)));
  }

  @Test
  void fileAndDashDProblemsAreReportedTogether() throws Exception {
    Path f = file("search.ef = 5\n");
    assertEquals("invalid configuration:\n"
        + "  search.topk: " + ConfigKeys.unknownKey() + "\n"
        + "  sweep.requests: \"-1\" is not a positive integer\n"
        + "  search.ef: 5 is below search.topK 10 (HNSW needs ef >= topK)",
        problems(props(f, "search.topk", "5", "sweep.requests", "-1")));
  }
}
