package org.milvusbench.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Welch's t with hand-computable cases: t(1) is Cauchy, t(2) has F(t) = 1/2 + t / (2√(2 + t²)). */
class WelchTest {

  @Test
  void oneDegreeOfFreedomWhenOneSideHasNoVariance() {
    // a: mean 5, variance 2, var/n = 1; b: constant 5 + √3. se = 1, df = 1² / (1² / 1) = 1, t = √3
    Welch w = Welch.of(new double[] {4, 6}, new double[] {5 + Math.sqrt(3), 5 + Math.sqrt(3)});
    assertEquals(Math.sqrt(3), w.difference(), 1e-12);
    assertEquals(1, w.standardError(), 1e-12);
    assertEquals(1, w.df(), 1e-12);
    // P(T1 ≥ √3) = 1/2 − atan(√3)/π = 1/2 − 1/3
    assertEquals(1.0 / 6, w.pAbove(), 1e-9);
    assertEquals(5.0 / 6, w.pBelow(), 1e-9);
    // t(1)'s 97.5 % quantile is tan(0.475 π) = 12.7062
    assertEquals(Math.sqrt(3) - Math.tan(0.475 * Math.PI), w.low(0.95), 1e-6);
  }

  @Test
  void twoDegreesOfFreedomForTwoEqualVariances() {
    // a {1, 3}, b {5, 7}: difference 4, var/n = 1 each, se = √2, df = 2² / (1 + 1) = 2, t = 2√2
    Welch w = Welch.of(new double[] {1, 3}, new double[] {5, 7});
    assertEquals(2, w.df(), 1e-12);
    assertEquals(2 * Math.sqrt(2), w.t(), 1e-12);
    // 1/2 − t / (2√(2 + t²)) = 1/2 − 2√2 / (2√10) = 1/2 − √0.2 = 0.0527864
    assertEquals(0.5 - Math.sqrt(0.2), w.pAbove(), 1e-9);
  }

  @Test
  void withoutVarianceTheDifferenceIsCertainAndFewerThanTwoValuesAreNoTest() {
    Welch w = Welch.of(new double[] {2, 2}, new double[] {3, 3});
    assertEquals(0, w.pAbove());
    assertEquals(1, w.pBelow());
    assertEquals(1, w.low(0.95));
    assertNull(Welch.of(new double[] {2}, new double[] {3, 3}));
  }
}
