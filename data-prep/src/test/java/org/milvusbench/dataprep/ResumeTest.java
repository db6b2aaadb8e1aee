package org.milvusbench.dataprep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.milvus.v2.service.vector.request.DeleteReq;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.milvusbench.dataprep.source.Sources;
import org.milvusbench.dataprep.source.VectorSource;

/**
 * Kills (a listener that throws) between batches and mid-batch, then resumes: the collection ends
 * with exactly the rows a clean run inserts — every row once, in order, no gap.
 */
class ResumeTest {
  @TempDir static Path tmp;
  @RegisterExtension
  static final TargetFixture target = new TargetFixture();

  static DataPrepConfig small(String collection, long rows) {
    return small(collection, rows, tmp.resolve("pool"));
  }

  /** 16-d rows in batches of 100, a small pool: seconds against the embedded target. */
  static DataPrepConfig small(String collection, long rows, Path poolDir) {
    return DataPrepConfig.builder().collection(collection).dim(16).rows(rows).batchSize(100).uniformQueries(20)
        .datasetQueries(10).k(10).threads(2).queryPoolDir(poolDir).build();
  }

  /** Throws at a chosen hook, like a kill at that point. */
  static final class Kill extends RuntimeException {
    Kill() {
      super("killed by the test");
    }
  }

  static ProgressListener killAfterCommit(int batches) {
    return new ProgressListener() {
      int committed;

      @Override
      public void batchCommitted(long firstRow, int rows, long total) {
        if (++committed == batches) {
          throw new Kill();
        }
      }
    };
  }

  static ProgressListener killAfterInsertBeforeRecord(int batch) {
    return new ProgressListener() {
      int inserted;

      @Override
      public void batchInserted(long firstRow, int rows) {
        if (++inserted == batch) {
          throw new Kill();
        }
      }
    };
  }

  /** The server holds exactly rows [0, rows) of the source, each once, ids increasing with the row. */
  static void assertExactlyTheRows(DataPrepConfig cfg) {
    Map<Long, float[]> stored = target.allRows(cfg.collection());
    assertEquals(cfg.rows(), stored.size(), "row count");
    long[] ids = stored.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
    try (VectorSource source = VectorSources.open(cfg)) {
      float[][] expected = new float[(int) cfg.rows()][cfg.dim()];
      source.read(0, expected.length, expected);
      for (int row = 0; row < ids.length; row++) {
        assertArrayEquals(expected[row], stored.get(ids[row]), 1e-6f, "row " + row);
      }
    }
    SeedLedger ledger = SeedLedger.open(cfg.collectionDir());
    assertArrayEquals(ids, ledger.allIds(), "ledger ids = server ids in row order");
  }

  @Test
  void killBetweenBatchesResumesAfterTheLastCommittedBatch() {
    DataPrepConfig cfg = small("resume_between", 1_000);
    assertThrows(Kill.class, () -> DataPrep.prepare(target.client, cfg, killAfterCommit(4)));
    List<String> infos = new ArrayList<>();
    PrepSummary s = DataPrep.prepare(target.client, cfg, new ProgressListener() {
      @Override
      public void info(String message) {
        infos.add(message);
      }
    });
    assertEquals(List.of("resuming resume_between at row 400 of 1000",
        "created index HNSW/L2/M=16/efConstruction=200"), infos, "fast path: no index until every row is in");
    assertEquals(400, s.resumedFromRow());
    assertEquals(600, s.insertedThisRun());
    assertEquals(0, s.reconciledRows());
    assertEquals(1_000, s.rows());
    assertExactlyTheRows(cfg);
  }

  @Test
  void killMidBatchAdoptsTheUnrecordedBatch() {
    DataPrepConfig cfg = small("resume_mid", 1_000);
    assertThrows(Kill.class, () -> DataPrep.prepare(target.client, cfg, killAfterInsertBeforeRecord(6)));
    List<String> infos = new ArrayList<>();
    PrepSummary s = DataPrep.prepare(target.client, cfg, new ProgressListener() {
      @Override
      public void info(String message) {
        infos.add(message);
      }
    });
    assertEquals(List.of("indexing and loading resume_mid to check it against the server",
        "adopted 100 rows inserted before the last stop but not recorded", "resuming resume_mid at row 600 of 1000"),
        infos);
    assertEquals(100, s.reconciledRows());
    assertEquals(600, s.resumedFromRow());
    assertEquals(400, s.insertedThisRun());
    assertExactlyTheRows(cfg);
  }

  @Test
  void killMidBatchThenFewerRowsDeletesTheUnrecordedBatch() {
    DataPrepConfig cfg = small("resume_delete", 1_000);
    assertThrows(Kill.class, () -> DataPrep.prepare(target.client, cfg, killAfterInsertBeforeRecord(6)));
    DataPrepConfig fewer = cfg.toBuilder().rows(550).build();
    PrepSummary s = DataPrep.prepare(target.client, fewer, ProgressListener.none());
    assertEquals(100, s.reconciledRows());
    assertEquals(500, s.resumedFromRow());
    assertEquals(50, s.insertedThisRun());
    assertExactlyTheRows(fewer);
  }

  @Test
  void serverThatLostItsTailIsRefilled() {
    DataPrepConfig cfg = small("resume_lost", 300);
    DataPrep.prepare(target.client, cfg, ProgressListener.none());
    long[] tail = Arrays.copyOfRange(SeedLedger.open(cfg.collectionDir()).allIds(), 200, 300);
    target.client.delete(DeleteReq.builder().collectionName(cfg.collection())
        .ids(Arrays.stream(tail).boxed().map(Object.class::cast).toList()).build());
    PrepSummary s = DataPrep.prepare(target.client, cfg, ProgressListener.none());
    assertEquals(200, s.resumedFromRow());
    assertEquals(100, s.insertedThisRun());
    assertExactlyTheRows(cfg);
  }

  @Test
  void lostLocalRecordIsRebuiltFromTheServer() throws Exception {
    // More rows than one query page (16,384), so the id scan must page correctly.
    DataPrepConfig cfg = small("resume_norecord", 17_000).toBuilder().dim(4).batchSize(8_500).build();
    DataPrep.prepare(target.client, cfg, ProgressListener.none());
    long[] before = SeedLedger.open(cfg.collectionDir()).allIds();
    try (var files = Files.list(cfg.collectionDir())) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.delete(f);
      }
    }
    PrepSummary s = DataPrep.prepare(target.client, cfg, ProgressListener.none());
    assertEquals(0, s.insertedThisRun());
    assertTrue(!s.poolReused(), "pool recomputed");
    assertArrayEquals(before, SeedLedger.open(cfg.collectionDir()).allIds());
    assertExactlyTheRows(cfg);
  }
}
