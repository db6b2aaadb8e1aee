package org.milvusbench.sweep.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.milvusbench.milvus.AdminClient.ServerStats;

class JitSettlingTest {
  private static ServerStats at(long jitMillis, long sampledAtMillis) {
    return new ServerStats(null, 0, 0, 0, jitMillis, sampledAtMillis * 1_000_000);
  }

  @Test
  void settledWhenTheTargetCompiledUnderTwoPercentOfTheRound() {
    assertTrue(JitSettling.settled(at(20_000, 1_000), at(20_019, 2_000)), "19 ms of 1 s");
    assertFalse(JitSettling.settled(at(20_000, 1_000), at(20_020, 2_000)), "20 ms of 1 s is 2 %");
    assertFalse(JitSettling.settled(at(20_000, 1_000), at(20_300, 4_000)), "300 ms of 3 s");
    assertTrue(JitSettling.settled(at(20_000, 1_000), at(20_000, 1_500)), "nothing compiled");
  }
}
