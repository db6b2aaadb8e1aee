package org.milvusbench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A smoke sweep with {@code search.filter} end to end: data-prep seeds the target, the sweep gets the
 * filter's ground truth computed, and results.json carries the recall measured with it.
 */
@Tag("faults")
class FilteredSweepTest {
  @TempDir
  Path work;

  @Test
  void aFilteredSweepMeasuresRecallAgainstTheFiltersGroundTruth() throws Exception {
    try (TargetChild target = TargetChild.start(work.resolve("target.txt"), work.resolve("data"), 0)) {
      JavaChild sweep = JavaChild.sweep(work, Map.ofEntries(
          Map.entry("milvus.uri", "http://localhost:" + target.port), Map.entry("prepare", "true"),
          Map.entry("profile", "smoke"), Map.entry("search.queries", "dataset"), Map.entry("search.ef", "256"),
          Map.entry("search.filter", "category == 'A'"), Map.entry("sweep.levels", "2"),
          Map.entry("sweep.requests", "200"), Map.entry("sweep.pause", "0s"),
          Map.entry("sweep.runDir", work.resolve("runs").toString())));
      try (sweep) {
        int status = sweep.waitFor(240);
        String out = sweep.output();
        assertEquals(0, status, out);
        assertTrue(out.contains("with the filter's ground truth: computed the ground truth of filter `category == \"A\"`"),
            out);
        JsonNode level = RunDirs.results(RunDirs.only(work.resolve("runs"))).get("levels").get(0);
        assertEquals(200, level.get("successes").asLong(), level.toString());
        assertTrue(level.get("recall").get("mean").asDouble() > 0.9, "recall of the filtered search: " + level);
      }
    }
  }
}
