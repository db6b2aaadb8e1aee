package org.milvusbench.gatling.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Metric and consistency level names: Milvus's spelling in any case, anything else rejected with the allowed values. */
class EnumNamesTest {

  @Test
  void namesAreReadInAnyCase() {
    assertEquals(Metric.L2, Metric.of("L2"));
    assertEquals(Metric.L2, Metric.of("l2"));
    assertEquals(Metric.IP, Metric.of("iP"));
    assertEquals(Metric.COSINE, Metric.of("Cosine"));
    assertEquals(ConsistencyLevel.STRONG, ConsistencyLevel.of("strong"));
    assertEquals(ConsistencyLevel.EVENTUALLY, ConsistencyLevel.of("Eventually"));
  }

  @Test
  void consistencyLevelsGoOnTheWireAsMilvusNamesThem() {
    assertEquals(List.of(io.milvus.grpc.ConsistencyLevel.Strong, io.milvus.grpc.ConsistencyLevel.Session,
        io.milvus.grpc.ConsistencyLevel.Bounded, io.milvus.grpc.ConsistencyLevel.Eventually),
        Arrays.stream(ConsistencyLevel.values()).map(ConsistencyLevel::wire).toList());
  }

  @Test
  void otherNamesAreRejectedWithTheAllowedValues() {
    assertEquals("metric: \"HAMMING\" is not one of L2, IP, COSINE (any case)",
        assertThrows(IllegalArgumentException.class, () -> Metric.of("HAMMING")).getMessage());
    assertEquals("metric: \"\" is not one of L2, IP, COSINE (any case)",
        assertThrows(IllegalArgumentException.class, () -> Metric.of("")).getMessage());
    assertEquals("metric: null is not one of L2, IP, COSINE (any case)",
        assertThrows(IllegalArgumentException.class, () -> Metric.of(null)).getMessage());
    assertEquals("consistency level: \"customized\" is not one of STRONG, SESSION, BOUNDED, EVENTUALLY (any case)",
        assertThrows(IllegalArgumentException.class, () -> ConsistencyLevel.of("customized")).getMessage());
  }
}
