package org.milvusbench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.milvus.v2.client.ConnectConfig;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.service.collection.request.LoadCollectionReq;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvus.v2.service.vector.response.QueryResp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milvusbench.lucene.TargetConfig;
import org.milvusbench.lucene.TargetServer;

/**
 * Issue 8, case 7: data-prep (its CLI with the embedded target in the same JVM) killed with -9 at
 * three seeded-random moments, then run to the end: the collection holds exactly the profile's
 * rows, each source row once (distinct vectors), checked by reopening the data directory.
 */
@Tag("faults")
class SeedingKilledTest {
  /** Smoke profile with more, smaller rows: a full run lasts long enough (~8 s here) for three kills to land mid-run. */
  private static final int ROWS = 8_000;
  private static final String COLLECTION = "benchmark_smoke";

  @TempDir
  Path work;

  private JavaChild prep(int run) throws Exception {
    return JavaChild.start(work.resolve("prep-" + run + ".txt"), Map.of(), "org.milvusbench.dataprep.DataPrepMain",
        "--profile", "smoke", "--no-progress", "--data", work.resolve("data").toString(),
        "--query-pool-dir", work.resolve("pool").toString(), "--flush-interval", "1",
        "--rows", Integer.toString(ROWS), "--dim", "64", "--batch-size", "250");
  }

  @Test
  void killedThreeTimesThenCompletedHoldsEveryRowOnce() throws Exception {
    Random random = new Random(20261125L);
    // Three seeded-random moments, later each time (a resumed run only has what is left to do): two
    // mid-insert at random row counts, one in the index build; each plus a random delay.
    int first = 800 + random.nextInt(2_400);
    int second = first + 1_600 + random.nextInt(2_400);
    List<String> triggers = List.of("insert: " + first, "insert: " + second, "\nindex: ");
    List<String> killedAt = new ArrayList<>();
    for (int run = 1; run <= 3; run++) {
      try (JavaChild prep = prep(run)) {
        String trigger = triggers.get(run - 1);
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!reached(prep.output(), trigger) && prep.process.isAlive() && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        Thread.sleep(random.nextInt(run < 3 ? 250 : 40)); // the index build of 8,000 × 64 lasts well under a second
        boolean ended = !prep.process.isAlive();
        String phase = lastLine(prep.output());
        prep.process.destroyForcibly().waitFor();
        assertTrue(!ended && !prep.output().contains("\nsummary "), "run " + run + " completed before its kill (" + trigger + "):\n" + prep.output());
        killedAt.add("run " + run + " at '" + phase + "'");
      }
    }
    try (JavaChild prep = prep(4)) {
      assertEquals(0, prep.waitFor(180), "the final run completes; kills at " + killedAt + "\n" + prep.output());
    }
    try (TargetServer server = TargetServer.start(TargetConfig.builder().port(0).dataDir(work.resolve("data")).build())) {
      MilvusClientV2 client = new MilvusClientV2(ConnectConfig.builder().uri("http://127.0.0.1:" + server.port()).build());
      try {
        client.loadCollection(LoadCollectionReq.builder().collectionName(COLLECTION).build());
        QueryResp count = client.query(QueryReq.builder().collectionName(COLLECTION).filter("")
            .outputFields(List.of("count(*)")).build());
        assertEquals((long) ROWS, count.getQueryResults().get(0).getEntity().get("count(*)"), "exact count; kills at " + killedAt);
        QueryResp all = client.query(QueryReq.builder().collectionName(COLLECTION).filter("id >= 0")
            .outputFields(List.of("embedding")).limit(ROWS + 1000).build());
        Set<List<Float>> distinct = new HashSet<>();
        for (QueryResp.QueryResult r : all.getQueryResults()) {
          @SuppressWarnings("unchecked")
          List<Float> v = (List<Float>) r.getEntity().get("embedding");
          distinct.add(v.subList(0, 8));
        }
        assertEquals(ROWS, all.getQueryResults().size(), "rows returned");
        assertEquals(ROWS, distinct.size(), "no source row twice; kills at " + killedAt);
      } finally {
        client.close();
      }
    }
    System.out.println("seeding killed at " + killedAt);
  }

  /** The output shows the trigger: for "insert: N", an insert progress line at N rows or more. */
  private static boolean reached(String output, String trigger) {
    if (!trigger.startsWith("insert: ")) {
      return output.contains(trigger);
    }
    long threshold = Long.parseLong(trigger.substring("insert: ".length()));
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("insert: (\\d+) / ").matcher(output);
    while (m.find()) {
      if (Long.parseLong(m.group(1)) >= threshold) {
        return true;
      }
    }
    return false;
  }

  private static String lastLine(String output) {
    String[] lines = output.strip().split("\n");
    return lines.length == 0 ? "(nothing yet)" : lines[lines.length - 1];
  }
}
