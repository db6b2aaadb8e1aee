package org.milvusbench.analyzer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Holm's step-down: sorted p-values against α / m, α / (m − 1), … until the first that is not below. */
class HolmTest {

  @Test
  void stepsDownUntilTheFirstNonRejection() {
    // sorted: 0.01 ≤ 0.05/4 = 0.0125 rejected; 0.03 > 0.05/3 = 0.01667 stops the descent
    Holm h = Holm.of(new double[] {0.01, 0.04, 0.03, 0.2}, 0.05);
    assertArrayEquals(new boolean[] {true, false, false, false}, h.rejected());
    assertArrayEquals(new int[] {1, 3, 2, 4}, h.rank());
    assertArrayEquals(new double[] {0.0125, 0.025, 0.05 / 3, 0.05}, h.threshold(), 1e-15);
  }

  @Test
  void aPValueUnderItsOwnThresholdIsNotRejectedOnceTheDescentStopped() {
    // sorted: 0.001 ≤ 0.0125 rejected; 0.02 > 0.01667 stops; 0.045 ≤ its 0.05 but stays
    Holm h = Holm.of(new double[] {0.02, 0.001, 0.04, 0.045}, 0.05);
    assertArrayEquals(new boolean[] {false, true, false, false}, h.rejected());
  }

  @Test
  void rejectsWhatBonferroniWouldNot() {
    // Bonferroni: 0.05/2 = 0.025 for both, so only 0.02; Holm: 0.02 ≤ 0.025, then 0.03 ≤ 0.05
    Holm h = Holm.of(new double[] {0.03, 0.02}, 0.05);
    assertArrayEquals(new boolean[] {true, true}, h.rejected());
  }

  @Test
  void anEmptyFamilyRejectsNothing() {
    assertArrayEquals(new boolean[0], Holm.of(new double[0], 0.05).rejected());
  }
}
