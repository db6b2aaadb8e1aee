package org.milvusbench.sweep.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milvusbench.gatling.core.QueryVectors;
import org.milvusbench.rundir.LevelResult;
import org.milvusbench.sweep.config.SweepConfig;

/** The A/B mode's schedule: each level on both targets back to back, the first alternating by trial (ABBA). */
class AbScheduleTest {
  @Test
  void everyTrialRunsEachLevelOnBothTargetsAlternatingWhichGoesFirst() {
    SweepConfig cfg = SweepConfig.parse(Map.of("compare.uri", "http://127.0.0.1:19531", "sweep.trials", "4",
        "sweep.levels", "1,4"));
    QueryVectors queries = QueryVectors.of(List.of(new float[] {1, 2}));
    List<String> names = Levels.of(cfg, queries, null, queries.withoutGroundTruth()).stream()
        .map(l -> l.fileStem() + " " + l.requestName()).toList();
    assertEquals(List.of(
        "level-01-c1-t1-baseline search c=1 t1 baseline", "level-02-c1-t1-candidate search c=1 t1 candidate",
        "level-03-c4-t1-baseline search c=4 t1 baseline", "level-04-c4-t1-candidate search c=4 t1 candidate",
        "level-05-c1-t2-candidate search c=1 t2 candidate", "level-06-c1-t2-baseline search c=1 t2 baseline",
        "level-07-c4-t2-candidate search c=4 t2 candidate", "level-08-c4-t2-baseline search c=4 t2 baseline",
        "level-09-c1-t3-baseline search c=1 t3 baseline", "level-10-c1-t3-candidate search c=1 t3 candidate",
        "level-11-c4-t3-baseline search c=4 t3 baseline", "level-12-c4-t3-candidate search c=4 t3 candidate",
        "level-13-c1-t4-candidate search c=1 t4 candidate", "level-14-c1-t4-baseline search c=1 t4 baseline",
        "level-15-c4-t4-candidate search c=4 t4 candidate", "level-16-c4-t4-baseline search c=4 t4 baseline"), names);
    assertEquals(List.of(LevelResult.BASELINE, LevelResult.CANDIDATE), Levels.roles(cfg, 1));
  }
}
