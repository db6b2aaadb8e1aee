package org.milvusbench.gatling.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Metric names: Milvus's spelling in any case, anything else rejected with the allowed values. */
class MetricTest {

  @Test
  void namesAreReadInAnyCase() {
    assertEquals(Metric.L2, Metric.of("L2"));
    assertEquals(Metric.L2, Metric.of("l2"));
    assertEquals(Metric.IP, Metric.of("iP"));
    assertEquals(Metric.COSINE, Metric.of("Cosine"));
  }

  @Test
  void otherNamesAreRejectedWithTheAllowedValues() {
    assertEquals("metric: \"HAMMING\" is not one of L2, IP, COSINE (any case)",
        assertThrows(IllegalArgumentException.class, () -> Metric.of("HAMMING")).getMessage());
    assertEquals("metric: \"\" is not one of L2, IP, COSINE (any case)",
        assertThrows(IllegalArgumentException.class, () -> Metric.of("")).getMessage());
    assertEquals("metric: null is not one of L2, IP, COSINE (any case)",
        assertThrows(IllegalArgumentException.class, () -> Metric.of(null)).getMessage());
  }
}
