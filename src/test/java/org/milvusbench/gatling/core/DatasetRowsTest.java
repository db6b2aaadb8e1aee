package org.milvusbench.gatling.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.milvus.grpc.FieldData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.milvusbench.dataprep.DataPrepConfig;
import org.milvusbench.dataprep.source.RandomNormalSource;
import org.milvusbench.dataprep.source.Sources;

/** The DSL's rows are data-prep's rows, handed out once each whatever the number of callers. */
class DatasetRowsTest {

  @Test
  void rowIIsDataPrepsRowI() {
    List<FieldData> columns = DatasetRows.of(16, 7).rows(1000, 5);
    assertEquals(List.of("embedding", "category"), columns.stream().map(FieldData::getFieldName).toList());
    float[][] expected = new float[5][16];
    new RandomNormalSource(16, 7).read(1000, 5, expected);
    List<Float> floats = columns.get(0).getVectors().getFloatVector().getDataList();
    assertEquals(16, columns.get(0).getVectors().getDim());
    for (int i = 0; i < 5; i++) {
      for (int d = 0; d < 16; d++) {
        assertEquals(expected[i][d], floats.get(i * 16 + d), "row " + (1000 + i) + ", component " + d);
      }
      assertEquals(Sources.category(7, 1000 + i, DataPrepConfig.DEFAULT_CATEGORIES),
          columns.get(1).getScalars().getStringData().getData(i));
    }
  }

  @Test
  void withIdsEachRowCarriesItsIndexFromWhereTheSourceStarts() {
    DatasetRows rows = DatasetRows.of(4, 1).withIds().startingAt(50_000);
    List<FieldData> first = rows.next(3);
    assertEquals(List.of("id", "embedding", "category"), first.stream().map(FieldData::getFieldName).toList());
    assertEquals(List.of(50_000L, 50_001L, 50_002L), first.get(0).getScalars().getLongData().getDataList());
    assertEquals(DatasetRows.of(4, 1).rows(50_003, 2).get(0), rows.next(2).get(1), "the next rows follow on");
    assertEquals(50_005, rows.nextRow());
  }

  @Test
  void concurrentCallersGetEveryRowExactlyOnce() throws Exception {
    DatasetRows rows = DatasetRows.of(2, 3).withIds();
    ConcurrentLinkedQueue<Long> ids = new ConcurrentLinkedQueue<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      threads.add(new Thread(() -> {
        for (int call = 0; call < 250; call++) {
          ids.addAll(rows.next(7).get(0).getScalars().getLongData().getDataList());
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(LongStream.range(0, 4 * 250 * 7).boxed().toList(), ids.stream().sorted().toList());
  }

  @Test
  void badArgumentsAreRefusedNamingThem() {
    assertEquals("dataset rows: dimension 0 is not in 1..32768",
        assertThrows(IllegalArgumentException.class, () -> DatasetRows.of(0, 1)).getMessage());
    assertEquals("dataset rows: first row -1 is negative",
        assertThrows(IllegalArgumentException.class, () -> DatasetRows.of(4, 1).startingAt(-1)).getMessage());
    assertEquals("dataset rows: 0 rows asked for, expected 1 or more",
        assertThrows(IllegalArgumentException.class, () -> DatasetRows.of(4, 1).next(0)).getMessage());
  }
}
