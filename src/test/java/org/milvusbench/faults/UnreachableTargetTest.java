package org.milvusbench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, case 1: the sweep and data-prep against a port with nothing listening and against a
 * port that accepts and never answers. Each ends by itself with one error line naming the URI,
 * a non-zero status and no stack trace (unless {@code -Dsweep.debug=true}).
 */
@Tag("faults")
class UnreachableTargetTest {

  @TempDir
  Path work;

  private static void assertOneCleanError(String output, String uri) {
    List<String> errors = output.lines().filter(l -> l.contains(uri)).toList();
    assertEquals(1, errors.size(), "one line names " + uri + ":\n" + output);
    assertFalse(output.contains("\tat "), "no stack trace:\n" + output);
    assertFalse(output.contains("Exception"), "no exception class names:\n" + output);
  }

  private JavaChild sweep(String uri, boolean debug) throws Exception {
    return JavaChild.sweep(work, Map.of("milvus.uri", uri, "sweep.runDir", work.resolve("runs").toString(),
        "sweep.debug", Boolean.toString(debug)));
  }

  @Test
  void sweepAgainstAClosedPort() throws Exception {
    String uri = SilentPort.closedPortUri();
    try (JavaChild sweep = sweep(uri, false)) {
      assertEquals(org.milvusbench.sweep.run.SweepRun.SETUP_EXIT_STATUS, sweep.waitFor(60), sweep.output());
      assertTrue(sweep.output().contains("[milvus-sweep] error: milvus.uri: cannot reach " + uri), sweep.output());
      assertOneCleanError(sweep.output(), uri);
    }
  }

  @Test
  void sweepAgainstAPortThatNeverAnswers() throws Exception {
    try (SilentPort silent = new SilentPort(); JavaChild sweep = sweep(silent.uri(), false)) {
      assertEquals(org.milvusbench.sweep.run.SweepRun.SETUP_EXIT_STATUS, sweep.waitFor(60), sweep.output());
      // The 5 s connect deadline applied (no wall-clock assertion: CI machines are noisy; waitFor bounds a hang).
      assertTrue(sweep.output().contains("cannot reach " + silent.uri() + " within 5 s"), sweep.output());
      assertOneCleanError(sweep.output(), silent.uri());
    }
  }

  @Test
  void sweepDebugPrintsTheStackTrace() throws Exception {
    String uri = SilentPort.closedPortUri();
    try (JavaChild sweep = sweep(uri, true)) {
      assertEquals(org.milvusbench.sweep.run.SweepRun.SETUP_EXIT_STATUS, sweep.waitFor(60), sweep.output());
      assertTrue(sweep.output().contains("\tat org.milvusbench.sweep."), sweep.output());
    }
  }

  @Test
  void dataPrepAgainstBoth() throws Exception {
    try (SilentPort silent = new SilentPort()) {
      for (String uri : List.of(SilentPort.closedPortUri(), silent.uri())) {
        try (JavaChild prep = JavaChild.start(work.resolve("prep.txt"), Map.of(), "org.milvusbench.dataprep.DataPrepMain",
            "--uri", uri, "--profile", "smoke", "--no-progress", "--query-pool-dir", work.resolve("pool").toString())) {
          int status = prep.waitFor(60);
          assertNotEquals(0, status, prep.output());
          assertNotEquals(-1, status, "data-prep hung:\n" + prep.output());
          assertTrue(prep.output().contains("data-prep: cannot connect to Milvus at " + uri), prep.output());
          assertOneCleanError(prep.output(), uri);
        }
      }
    }
  }
}
