package org.milvusbench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.milvusbench.cli.AnalyzerMain;
import org.milvusbench.dataprep.DataPrepMain;
import org.milvusbench.sweep.config.SweepConfig;

/**
 * Issue 8, case 5: bad settings of the sweep ({@code -D} keys), data-prep (flags) and the analyzer
 * (options) are rejected before any load, each message naming the key and what is allowed.
 * data-prep gets a closed port as {@code --uri}: had it tried to connect, the message would say so.
 */
class BadConfigurationTest {
  private static final String CLOSED = "http://127.0.0.1:1";

  static Stream<Arguments> cases() {
    return Stream.of(
        sweep("sweep.levels", "1,0,10", "positive integer"),
        sweep("sweep.levels", "one,two", "positive integer"),
        sweep("sweep.levels", "1,5,1", "listed twice"),
        sweep("sweep.rates", "100,200,100.0", "listed twice"),
        sweep("sweep.mode", "sideways", "closed, open"),
        sweep("sweep.requests", "-5", "positive integer"),
        sweep("sweep.pause", "soon", "duration"),
        sweep("milvus.uri", "ftp://host:19530", "http"),
        sweep("milvus.deadline", "0s", "milvus.deadline"),
        sweep("milvus.deadline", "0.5ms", "1ms"),
        sweep("embedded.warmup", "-1", "0..1000000"),
        sweep("milvus.channels", "65", "1..64"),
        sweep("search.topK", "20000", "16384"),
        sweep("search.nq", "0", "1024"),
        sweep("search.metric", "HAMMING", "L2, IP, COSINE"),
        sweep("search.filter", "category ==", "does not parse"),
        sweep("sla.maxFailurePct", "150", "100"),
        sweep("sla.p95Ms", "-1", "sla.p95Ms"),
        sweep("sla.minRecall", "2", "[0, 1]"),
        sweep("embedded.heap", "lots", "512m"),
        sweep("profile", "huge", "smoke, default, seed"),
        sweep("sweep.levles", "1,2", "unknown key"),
        sweep("sweep.debug", "maybe", "true or false"),
        prep("--profile", "huge", "smoke"),
        prep("--metric", "HAMMING", "COSINE"),
        prep("--rows", "-1", "--rows"),
        prep("--dim", "0", "--dim"),
        prep("--batch-size", "0", "--batch-size"),
        prep("--source", "/no/such/file.fvecs", "--source"),
        analyzer("--knee-rule", "sideways", "marginal"),
        analyzer("--min-recall", "2", "0"),
        analyzer("--redundancy", "0", "--redundancy"),
        analyzer("--target-qps", "-3", "--target-qps"));
  }

  private static Arguments sweep(String key, String value, String allowed) {
    return Arguments.of("sweep", key, value, allowed);
  }

  private static Arguments prep(String flag, String value, String allowed) {
    return Arguments.of("data-prep", flag, value, allowed);
  }

  private static Arguments analyzer(String option, String value, String allowed) {
    return Arguments.of("analyzer", option, value, allowed);
  }

  @ParameterizedTest(name = "{0} {1}={2}")
  @MethodSource("cases")
  void rejectedBeforeAnyLoadNamingKeyAndAllowed(String tool, String key, String value, String allowed) throws Exception {
    String message;
    switch (tool) {
      case "sweep" -> {
        Map<String, String> props = new HashMap<>(Map.of("milvus.uri", CLOSED));
        props.put(key, value);
        message = assertThrows(IllegalArgumentException.class, () -> SweepConfig.parse(props)).getMessage();
      }
      case "data-prep" -> {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = DataPrepMain.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
            "--uri", CLOSED, "--no-progress", key, value);
        message = err.toString(StandardCharsets.UTF_8) + out.toString(StandardCharsets.UTF_8);
        assertTrue(status == 1 || status == 2, "exit " + status + ": " + message);
        assertFalse(message.contains("cannot connect"), "rejected before connecting: " + message);
      }
      default -> {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = AnalyzerMain.run(new String[] {"analyze", "target/no-such-run", key, value}, new PrintWriter(out, true), new PrintWriter(err, true));
        message = err.toString() + out;
        assertEquals(AnalyzerMain.EXIT_BAD_INPUT, status, message);
      }
    }
    assertTrue(message.contains(key), "names " + key + ": " + message);
    assertTrue(message.contains(allowed), "says what is allowed (" + allowed + "): " + message);
    assertFalse(message.contains("\tat "), "no stack trace: " + message);
  }
}
