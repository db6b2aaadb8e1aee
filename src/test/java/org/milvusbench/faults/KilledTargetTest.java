package org.milvusbench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, cases 2 and 3: the target's JVM is killed (-9) during level 3 of a sweep, or killed and
 * restarted mid-sweep. The sweep ends by itself, counts every request of every level, writes
 * results.json and the reports, and tells the truth in its verdict.
 */
@Tag("faults")
class KilledTargetTest {
  /** Each search takes ≥ 5 ms on the target (~10 ms here), so a level of 500 requests lasts 2-5 s: time to kill it mid-level. */
  private static final String DELAY_MS = "5";
  private static final int REQUESTS = 500;

  @TempDir
  Path work;

  private Map<String, String> sweepProps(String uri, String levels) {
    Map<String, String> p = new HashMap<>();
    p.put("milvus.uri", uri);
    p.put("prepare", "true");
    p.put("profile", "smoke");
    p.put("sweep.levels", levels);
    p.put("sweep.requests", Integer.toString(REQUESTS));
    p.put("sweep.pause", "2s");
    p.put("milvus.deadline", "2s");
    p.put("sweep.runDir", work.resolve("runs").toString());
    return p;
  }

  private static void assertLevelCounts(JsonNode level, long successes, long failures) {
    assertEquals(successes, level.get("successes").asLong(), level.toString());
    assertEquals(failures, level.get("failures").asLong(), level.toString());
    assertEquals(successes + failures, level.get("totalRequests").asLong(), level.toString());
  }

  @Test
  void killedDuringLevelThree() throws Exception {
    try (TargetChild target = TargetChild.start(work.resolve("target.txt"), work.resolve("data"), 0, "--service-delay-ms", DELAY_MS);
        JavaChild sweep = JavaChild.sweep(work, sweepProps(target.uri(), "1,2,3,4"))) {
      assertTrue(RunDirs.awaitOutput(sweep, "[milvus-sweep] c=2 ", 180), sweep.output());
      target.awaitSearches(150, 30); // level 3 reset the target's counter at its start: 150 of its 500 are done
      target.kill9();
      int status = sweep.waitFor(120);
      String out = sweep.output();
      assertNotEquals(-1, status, "the sweep hung after the kill:\n" + out);
      assertEquals(1, status, out);

      Path runDir = RunDirs.only(work.resolve("runs"));
      JsonNode levels = RunDirs.results(runDir).get("levels");
      assertEquals(4, levels.size(), levels.toString());
      assertLevelCounts(levels.get(0), REQUESTS, 0); // before the kill: nothing lost
      assertLevelCounts(levels.get(1), REQUESTS, 0);
      long l3ok = levels.get(2).get("successes").asLong();
      assertTrue(l3ok > 0 && l3ok < REQUESTS, "level 3 was cut: " + levels.get(2));
      assertLevelCounts(levels.get(2), l3ok, REQUESTS - l3ok);
      assertLevelCounts(levels.get(3), 0, REQUESTS);
      assertTrue(out.contains("SLA breach: target available at every level: breached — target unavailable from level 4"), out);
      assertTrue(Files.exists(runDir.resolve("summary.html")), "reports written");
      assertTrue(Files.exists(runDir.resolve("analysis.json")), "reports written");
      assertFalse(out.contains("\tat "), "no stack trace:\n" + out);
    }
  }

  @Test
  void restartedMidSweepRecovers() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path data = work.resolve("data");
    TargetChild target = TargetChild.start(work.resolve("target.txt"), data, port, "--service-delay-ms", DELAY_MS);
    try (JavaChild sweep = JavaChild.sweep(work, sweepProps(target.uri(), "1,2,3,4,5"))) {
      assertTrue(RunDirs.awaitOutput(sweep, "[milvus-sweep] c=1 ", 180), sweep.output());
      target.awaitSearches(150, 30); // 150 of level 2's 500 are done
      target.kill9();
      target = TargetChild.start(work.resolve("target2.txt"), data, port, "--service-delay-ms", DELAY_MS);
      // No reload by hand: like Milvus, the target loads again what was loaded before it died.
      int status = sweep.waitFor(180);
      String out = sweep.output();
      assertNotEquals(-1, status, "the sweep hung:\n" + out);
      JsonNode levels = RunDirs.results(RunDirs.only(work.resolve("runs"))).get("levels");
      assertEquals(5, levels.size(), levels.toString());
      assertLevelCounts(levels.get(0), REQUESTS, 0);
      long failed = 0;
      for (JsonNode l : levels) {
        assertEquals(REQUESTS, l.get("totalRequests").asLong(), "every level counts its requests: " + l);
        failed += l.get("failures").asLong();
      }
      assertTrue(failed > 0, "the outage was counted: " + levels);
      assertLevelCounts(levels.get(4), REQUESTS, 0); // recovered: the channel reconnected
      assertFalse(out.contains("target unavailable"), out);
    } finally {
      target.close();
    }
  }

}
