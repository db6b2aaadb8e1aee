package org.milvusbench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, case 4: a target that answers every search after 1 s, a sweep with a 250 ms deadline.
 * Every request is a deadline KO, counted per level and named in Gatling's output; the generator's
 * threads and memory stay bounded while requests pile up on the target (sampled from /proc), and
 * the run still ends by itself with its results and verdict.
 */
@Tag("faults")
class SlowTargetTest {
  private static final int REQUESTS = 48;
  /** Gatling + gRPC + the sweep's own threads: ~40-60 here; a thread per request would pass this quickly. */
  private static final int MAX_THREADS = 150;
  private static final long MAX_RSS_BYTES = 1024L * 1024 * 1024; // the child runs with -Xmx512m

  @TempDir
  Path work;

  @Test
  void deadlineKosAreCountedWithBoundedThreadsAndMemory() throws Exception {
    try (TargetChild target = TargetChild.start(work.resolve("target.txt"), work.resolve("data"), 0, "--service-delay-ms", "1000")) {
      // Seed first (searches are slow, seeding is not), so the sweep's probe search is the only slow set-up call.
      try (JavaChild sweep = JavaChild.sweep(work, Map.of("milvus.uri", target.uri(), "prepare", "true", "profile", "smoke",
          "sweep.levels", "2,16", "sweep.requests", Integer.toString(REQUESTS), "sweep.warmup", "0", "sweep.pause", "0s",
          "milvus.deadline", "250ms", "sweep.runDir", work.resolve("runs").toString()))) {
        int maxThreads = 0;
        long maxRss = 0;
        while (sweep.process.isAlive() && sweep.elapsedSeconds() < 180) {
          Map<String, Long> status = procStatus(sweep.process.pid());
          maxThreads = (int) Math.max(maxThreads, status.getOrDefault("Threads", 0L));
          maxRss = Math.max(maxRss, status.getOrDefault("VmRSS", 0L) * 1024);
          Thread.sleep(100);
        }
        int exit = sweep.waitFor(10);
        String out = sweep.output();
        assertNotEquals(-1, exit, "the sweep ended by itself:\n" + out);
        JsonNode levels = RunDirs.results(RunDirs.only(work.resolve("runs"))).get("levels");
        assertEquals(2, levels.size());
        for (JsonNode l : levels) {
          assertEquals(REQUESTS, l.get("totalRequests").asLong(), l.toString());
          assertEquals(REQUESTS, l.get("failures").asLong(), "every answer came after the deadline: " + l);
          // Over all requests each KO counts at its elapsed time: at least the 250 ms deadline.
          assertTrue(l.get("allRequestsMicros").get("p50Micros").asDouble() >= 250_000, l.toString());
        }
        assertTrue(out.contains("DEADLINE_EXCEEDED"), "Gatling names the KO:\n" + out);
        assertEquals(1, exit, "nothing answered in time: the verdict fails\n" + out);
        assertTrue(out.contains("target unavailable from level 1"), out);
        assertTrue(maxThreads > 0 && maxThreads < MAX_THREADS, "generator threads peaked at " + maxThreads);
        assertTrue(maxRss < MAX_RSS_BYTES, "generator RSS peaked at " + maxRss / (1024 * 1024) + " MiB");
        Files.writeString(work.resolve("peaks.txt"), maxThreads + " threads, " + maxRss / (1024 * 1024) + " MiB");
        System.out.println("slow target: generator peaked at " + maxThreads + " threads, " + maxRss / (1024 * 1024) + " MiB RSS");
      }
      Map<String, Long> targetStatus = procStatus(target.child.process.pid());
      assertTrue(targetStatus.getOrDefault("Threads", 0L) < 2L * MAX_THREADS, "target threads " + targetStatus.get("Threads"));
    }
  }

  /** Numeric fields of /proc/PID/status (Threads, VmRSS in kB). */
  private static Map<String, Long> procStatus(long pid) {
    Map<String, Long> out = new java.util.HashMap<>();
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        String[] kv = line.split(":\\s+", 2);
        if (kv.length == 2 && (kv[0].equals("Threads") || kv[0].equals("VmRSS"))) {
          out.put(kv[0], Long.parseLong(kv[1].replace("kB", "").trim()));
        }
      }
    } catch (java.io.IOException | NumberFormatException gone) {
      // the process ended between two samples
    }
    return out;
  }
}
