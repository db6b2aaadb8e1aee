package org.milvusbench.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The USL fit recovers known parameters from synthetic throughput curves. */
class UslFitterTest {
  static final double[] LEVELS = {1, 2, 4, 8, 16, 32, 64, 128};

  private static double[] curve(double lambda, double sigma, double kappa, double noise, long seed) {
    Random r = new Random(seed);
    double[] x = new double[LEVELS.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = UslModel.throughput(lambda, sigma, kappa, LEVELS[i]) * (1 + noise * r.nextGaussian());
    }
    return x;
  }

  @ParameterizedTest
  @CsvSource({"100, 0.05, 0.0005", "54.2, 0.02, 0.0001", "350, 0.3, 0.002", "20, 0.001, 0.00002"})
  void recoversExactParametersFromANoiseFreeCurve(double lambda, double sigma, double kappa) {
    UslModel m = UslFitter.fit(LEVELS, curve(lambda, sigma, kappa, 0, 1));
    assertTrue(m.fitted());
    assertEquals(lambda, m.lambda(), lambda * 1e-6);
    assertEquals(sigma, m.sigma(), sigma * 1e-5);
    assertEquals(kappa, m.kappa(), kappa * 1e-5);
    double peak = Math.sqrt((1 - sigma) / kappa);
    assertEquals(peak, m.peakConcurrency(), peak * 1e-5);
    assertEquals(UslModel.throughput(lambda, sigma, kappa, peak), m.predictedMaxQps(), 1e-3);
    assertTrue(m.rmsErrorPct() < 1e-6, m.toString());
  }

  @Test
  void recoversParametersWithinToleranceFromANoisyCurve() {
    // 2 % seeded measurement noise: the parameters and the peak come back close.
    UslModel m = UslFitter.fit(LEVELS, curve(100, 0.05, 0.0005, 0.02, 42));
    assertEquals(100, m.lambda(), 5);
    assertEquals(0.05, m.sigma(), 0.02);
    assertEquals(0.0005, m.kappa(), 0.0002);
    assertEquals(Math.sqrt(0.95 / 0.0005), m.peakConcurrency(), 10);
    assertTrue(m.rmsErrorPct() > 0.5 && m.rmsErrorPct() < 5, m.toString());
  }

  @Test
  void pureContentionHasNoPeakButAnAmdahlCeiling() {
    UslModel m = UslFitter.fit(LEVELS, curve(100, 0.1, 0, 0, 1));
    assertEquals(0.1, m.sigma(), 1e-6);
    assertEquals(0, m.kappa(), 1e-9);
    if (m.kappa() == 0) {
      assertNull(m.peakConcurrency());
      assertEquals(1000, m.predictedMaxQps(), 0.1);
    }
  }

  @Test
  void refusesToFitFewerThanFourLevels() {
    UslModel m = UslFitter.fit(new double[] {1, 5, 10}, new double[] {50, 240, 450});
    assertFalse(m.fitted());
    assertNull(m.sigma());
    assertTrue(m.reason().contains("needs at least 4"), m.reason());
  }
}
