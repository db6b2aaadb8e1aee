package org.milvusbench.gatling.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import io.milvus.grpc.PlaceholderGroup;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Query sets: the cursor, the wire form Milvus reads, and the checks on what users give. */
class QueryVectorsTest {

  @Test
  void requestsOfNqQueriesTakeConsecutiveNonOverlappingRuns() {
    QueryVectors queries = QueryVectors.uniform(10, 4, 1);
    int[] firsts = new int[5];
    for (int i = 0; i < firsts.length; i++) {
      firsts[i] = queries.nextIndex(3);
    }
    assertArrayEquals(new int[] {0, 3, 6, 9, 2}, firsts);
  }

  @Test
  void placeholderGroupCarriesNqVectorsLittleEndianWrappingAtTheEnd() throws Exception {
    QueryVectors queries = QueryVectors.of(List.of(new float[] {1, 2}, new float[] {3, 4}, new float[] {5, 6}));
    PlaceholderGroup group = PlaceholderGroup.parseFrom(queries.placeholderGroup(2, 2));
    assertEquals("$0", group.getPlaceholders(0).getTag());
    List<ByteString> values = group.getPlaceholders(0).getValuesList();
    assertEquals(2, values.size());
    assertEquals(5f, values.get(0).asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).getFloat(0));
    ByteBuffer wrapped = values.get(1).asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(1f, wrapped.getFloat(0));
    assertEquals(2f, wrapped.getFloat(4));
  }

  @Test
  void mixedDimensionsAndMismatchedGroundTruthAreRejectedByName() {
    IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class,
        () -> QueryVectors.of(List.of(new float[] {1, 2}, new float[] {3})));
    assertEquals("query vectors: vector 1 has dimension 1, expected 2", mixed.getMessage());
    IllegalArgumentException truth = assertThrows(IllegalArgumentException.class,
        () -> QueryVectors.of(List.of(new float[] {1}), List.of()));
    assertEquals("query vectors: 1 vectors but 0 ground-truth rows", truth.getMessage());
  }
}
