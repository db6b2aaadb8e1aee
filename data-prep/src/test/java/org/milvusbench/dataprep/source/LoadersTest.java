package org.milvusbench.dataprep.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milvusbench.dataprep.DataPrepConfig;
import org.milvusbench.dataprep.DataPrepException;
import org.milvusbench.dataprep.VectorSources;

/** Each file loader on small files written here, including truncated files and dimension mismatches. */
class LoadersTest {
  @TempDir Path tmp;

  static float[][] randomRows(int n, int dim, long seed) {
    Random r = new Random(seed);
    float[][] rows = new float[n][dim];
    for (float[] row : rows) {
      for (int d = 0; d < dim; d++) {
        row[d] = (float) r.nextGaussian();
      }
    }
    return rows;
  }

  private DataPrepConfig cfg(Path source, int dim, long rows, int queries) {
    return DataPrepConfig.builder().source(source.toString()).dim(dim).rows(rows).datasetQueries(queries).build();
  }

  @Test
  void fvecsRowsAndHeldOutQueriesAfterTheDataset() throws IOException {
    float[][] rows = randomRows(20, 8, 1);
    Path f = tmp.resolve("base.fvecs");
    VecsWriter.writeFvecs(f, rows);
    try (VectorSource s = VectorSources.open(cfg(f, 8, 15, 5))) {
      assertEquals(8, s.dim());
      assertEquals(20, s.availableRows());
      float[][] out = new float[3][8];
      s.read(4, 3, out);
      assertArrayEquals(rows[4], out[0]);
      assertArrayEquals(rows[6], out[2]);
      float[][] q = s.heldOutQueries(5);
      assertArrayEquals(rows[15], q[0]);
      assertArrayEquals(rows[19], q[4]);
    }
  }

  @Test
  void fvecsQueryFileIsUsedWhenGiven() throws IOException {
    Path base = tmp.resolve("base.fvecs");
    Path queries = tmp.resolve("query.fvecs");
    VecsWriter.writeFvecs(base, randomRows(10, 4, 2));
    float[][] q = randomRows(3, 4, 3);
    VecsWriter.writeFvecs(queries, q);
    DataPrepConfig c = DataPrepConfig.builder().source(base.toString()).queryFile(queries).dim(4).rows(10)
        .datasetQueries(3).build();
    try (VectorSource s = VectorSources.open(c)) {
      assertArrayEquals(q[2], s.heldOutQueries(3)[2]);
    }
  }

  @Test
  void bvecsAreWidenedFromUnsignedBytes() throws IOException {
    Path f = tmp.resolve("base.bvecs");
    ByteBuffer b = ByteBuffer.allocate(2 * (4 + 3)).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(3).put((byte) 0).put((byte) 128).put((byte) 255);
    b.putInt(3).put((byte) 1).put((byte) 2).put((byte) 3);
    Files.write(f, b.array());
    try (VecsFile v = VecsFile.open(f)) {
      float[][] out = new float[2][3];
      v.readFloats(0, 2, out);
      assertArrayEquals(new float[] {0, 128, 255}, out[0]);
      assertArrayEquals(new float[] {1, 2, 3}, out[1]);
    }
  }

  @Test
  void ivecsReadAsInts() throws IOException {
    Path f = tmp.resolve("gt.ivecs");
    int[][] rows = {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}};
    VecsWriter.writeIvecs(f, rows);
    try (VecsFile v = VecsFile.open(f)) {
      assertEquals(3, v.rows());
      assertArrayEquals(rows[1], v.readInts(1, 2)[0]);
      assertArrayEquals(rows[2], v.readInts(1, 2)[1]);
    }
  }

  @Test
  void truncatedFileNamesPathAndOffset() throws IOException {
    Path f = tmp.resolve("cut.fvecs");
    VecsWriter.writeFvecs(f, randomRows(3, 8, 4));
    byte[] all = Files.readAllBytes(f);
    Files.write(f, Arrays.copyOf(all, all.length - 5));
    SourceException e = assertThrows(SourceException.class, () -> VecsFile.open(f));
    assertEquals(f + ": truncated at byte offset 72: the last record has 31 of 36 bytes (dim 8)", e.getMessage());
  }

  @Test
  void recordWithAnotherDimensionNamesItsOffset() throws IOException {
    Path f = tmp.resolve("mixed.fvecs");
    ByteBuffer b = ByteBuffer.allocate(2 * (4 + 8)).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(2).putFloat(1).putFloat(2);
    b.putInt(3).putFloat(1).putFloat(2);
    Files.write(f, b.array());
    try (VecsFile v = VecsFile.open(f)) {
      SourceException e = assertThrows(SourceException.class, () -> v.readFloats(0, 2, new float[2][2]));
      assertEquals(f + ": record 1 at byte offset 12 declares dimension 3, the file's first record declares 2",
          e.getMessage());
    }
  }

  @Test
  void dimensionMismatchNamesBoth() throws IOException {
    Path f = tmp.resolve("base.fvecs");
    VecsWriter.writeFvecs(f, randomRows(10, 8, 5));
    DataPrepException e = assertThrows(DataPrepException.class, () -> VectorSources.open(cfg(f, 16, 5, 0)));
    assertEquals(f + ": vectors have dimension 8, the collection (--dim) has 16; pass --dim 8 (and a new "
        + "--collection) to use this file", e.getMessage());
  }

  @Test
  void missingFileIsNamed() {
    Path f = tmp.resolve("nope.fvecs");
    DataPrepException e = assertThrows(DataPrepException.class, () -> VectorSources.open(cfg(f, 8, 5, 0)));
    assertEquals("--source: cannot read " + f
        + " (allowed: random-normal, clustered, or a readable .fvecs / .bvecs / .hdf5 file)", e.getMessage());
  }

  @Test
  void hdf5TrainAndTest() throws IOException {
    Path f = tmp.resolve("tiny-8-euclidean.hdf5");
    float[][] train = randomRows(30, 8, 6);
    float[][] test = randomRows(4, 8, 7);
    try (WritableHdfFile w = HdfFile.write(f)) {
      w.putDataset("train", train);
      w.putDataset("test", test);
      w.putDataset("neighbors", new int[][] {{0, 1}, {2, 3}, {4, 5}, {6, 7}});
    }
    try (VectorSource s = VectorSources.open(cfg(f, 8, 30, 4))) {
      assertEquals(30, s.availableRows());
      float[][] out = new float[5][8];
      s.read(10, 5, out);
      assertArrayEquals(train[10], out[0]);
      assertArrayEquals(train[14], out[4]);
      assertArrayEquals(test[3], s.heldOutQueries(4)[3]);
    }
    DataPrepException e = assertThrows(DataPrepException.class, () -> VectorSources.open(cfg(f, 768, 30, 4)));
    assertEquals(f + ": vectors have dimension 8, the collection (--dim) has 768; pass --dim 8 (and a new "
        + "--collection) to use this file", e.getMessage());
  }

  @Test
  void truncatedHdf5IsAnErrorNamingThePath() throws IOException {
    Path f = tmp.resolve("cut.hdf5");
    try (WritableHdfFile w = HdfFile.write(f)) {
      w.putDataset("train", randomRows(200, 8, 8));
    }
    byte[] all = Files.readAllBytes(f);
    Files.write(f, Arrays.copyOf(all, all.length / 2));
    // Opening passes (the HDF5 metadata is at the start); reading the cut-off rows fails, naming the file.
    SourceException e = assertThrows(SourceException.class, () -> {
      try (VectorSource s = VectorSources.open(cfg(f, 8, 200, 0))) {
        s.read(0, 200, new float[200][8]);
      }
    });
    assertEquals(true, e.getMessage().startsWith("cannot read " + f), e.getMessage());
  }

  @Test
  void syntheticRowsDoNotDependOnBatching() {
    for (VectorSource s : new VectorSource[] {new RandomNormalSource(16, 42), new ClusteredSource(16, 42, 5, 0.05)}) {
      float[][] whole = new float[10][16];
      s.read(0, 10, whole);
      float[][] tail = new float[4][16];
      s.read(6, 4, tail);
      assertArrayEquals(whole[6], tail[0]);
      assertArrayEquals(whole[9], tail[3]);
      double norm = 0;
      for (float x : whole[3]) {
        norm += x * x;
      }
      assertEquals(1.0, norm, 1e-5);
    }
    float[][] a = new float[1][16];
    float[][] b = new float[1][16];
    new RandomNormalSource(16, 42).read(0, 1, a);
    new RandomNormalSource(16, 43).read(0, 1, b);
    assertEquals(false, Arrays.equals(a[0], b[0]), "another seed gives other data");
  }
}
