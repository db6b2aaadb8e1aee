package org.milvusbench.dataprep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.milvusbench.dataprep.source.RandomNormalSource;
import org.milvusbench.dataprep.source.Sources;
import org.milvusbench.dataprep.source.VectorSource;

/** The blocked, multi-threaded brute force against a straightforward sort of every score. */
class GroundTruthTest {

  @ParameterizedTest
  @ValueSource(strings = {"L2", "IP", "COSINE"})
  void matchesStraightforwardComputation(String metric) {
    int dim = 37; // not a multiple of anything the blocking uses
    int rows = 1_000; // not a multiple of the 128-row block
    VectorSource source = new RandomNormalSource(dim, 7);
    float[][] queries = Sources.uniformQueries(7, 25, dim);
    int k = 10;
    GroundTruth.Result r = GroundTruth.compute(source, rows, queries, k, metric, 3, done -> {});
    float[][] data = new float[rows][dim];
    source.read(0, rows, data);
    for (int q = 0; q < queries.length; q++) {
      double[] score = new double[rows];
      for (int i = 0; i < rows; i++) {
        score[i] = score(metric, queries[q], data[i]);
      }
      boolean ascending = metric.equals("L2");
      Integer[] order = IntStream.range(0, rows).boxed().toArray(Integer[]::new);
      Arrays.sort(order, Comparator.comparingDouble(i -> ascending ? score[i] : -score[i]));
      long[] expected = Arrays.stream(order).limit(k).mapToLong(Integer::longValue).toArray();
      assertArrayEquals(expected, r.rows()[q], metric + " query " + q);
      for (int i = 0; i < k; i++) {
        assertEquals(score[order[i]], r.scores()[q][i], 1e-4, metric + " query " + q + " rank " + i);
      }
    }
  }

  private static double score(String metric, float[] q, float[] x) {
    double dot = 0;
    double l2 = 0;
    double nq = 0;
    double nx = 0;
    for (int d = 0; d < q.length; d++) {
      dot += (double) q[d] * x[d];
      l2 += ((double) q[d] - x[d]) * ((double) q[d] - x[d]);
      nq += (double) q[d] * q[d];
      nx += (double) x[d] * x[d];
    }
    switch (metric) {
      case "L2": return l2;
      case "IP": return dot;
      default: return dot / Math.sqrt(nq * nx);
    }
  }

  @org.junit.jupiter.api.Test
  void agreesWithTheNeighborsOfAnAnnBenchmarksFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
      throws Exception {
    int dim = 12;
    float[][] train = new float[500][dim];
    new RandomNormalSource(dim, 3).read(0, 500, train);
    for (int i = 0; i < train.length; i++) { // unequal norms, so L2 and IP rank differently
      for (int d = 0; d < dim; d++) {
        train[i][d] *= 1 + i % 7;
      }
    }
    float[][] test = Sources.uniformQueries(3, 8, dim);
    int[][] neighbors = new int[test.length][];
    for (int q = 0; q < test.length; q++) { // straightforward: sort every row by distance
      float[] query = test[q];
      neighbors[q] = IntStream.range(0, train.length).boxed()
          .sorted(Comparator.comparingDouble(i -> score("L2", query, train[i]))).limit(10)
          .mapToInt(Integer::intValue).toArray();
    }
    java.nio.file.Path f = tmp.resolve("tiny-12-euclidean.hdf5");
    try (io.jhdf.WritableHdfFile w = io.jhdf.HdfFile.write(f)) {
      w.putDataset("train", train);
      w.putDataset("test", test);
      w.putDataset("neighbors", neighbors);
    }
    DataPrepConfig cfg = DataPrepConfig.builder().source(f.toString()).dim(dim).rows(500).datasetQueries(8).build();
    try (org.milvusbench.dataprep.source.Hdf5Source source =
        (org.milvusbench.dataprep.source.Hdf5Source) VectorSources.open(cfg)) {
      GroundTruth.Result l2 = GroundTruth.compute(source, 500, source.heldOutQueries(8), 10, "L2", 2, d -> {});
      assertEquals(1.0, source.neighborsAgreement(l2.rows(), 500, 10).getAsDouble());
      GroundTruth.Result ip = GroundTruth.compute(source, 500, source.heldOutQueries(8), 10, "IP", 2, d -> {});
      double wrongMetric = source.neighborsAgreement(ip.rows(), 500, 10).getAsDouble();
      assertEquals(true, wrongMetric < 0.9, "IP vs an L2 file agrees on " + wrongMetric);
      assertEquals(true, source.neighborsAgreement(l2.rows(), 400, 10).isEmpty(), "only for the whole train set");
    }
  }

  @org.junit.jupiter.api.Test
  void agreesWithSiftStyleGroundTruthIvecs(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
    int dim = 8;
    float[][] base = new float[300][dim];
    new RandomNormalSource(dim, 5).read(0, 300, base);
    float[][] queries = Sources.uniformQueries(5, 6, dim);
    int[][] truth = new int[queries.length][];
    for (int q = 0; q < queries.length; q++) {
      float[] query = queries[q];
      truth[q] = IntStream.range(0, base.length).boxed()
          .sorted(Comparator.comparingDouble(i -> score("L2", query, base[i]))).limit(10)
          .mapToInt(Integer::intValue).toArray();
    }
    java.nio.file.Path b = tmp.resolve("base.fvecs");
    java.nio.file.Path qf = tmp.resolve("query.fvecs");
    java.nio.file.Path gt = tmp.resolve("groundtruth.ivecs");
    org.milvusbench.dataprep.source.VecsWriter.writeFvecs(b, base);
    org.milvusbench.dataprep.source.VecsWriter.writeFvecs(qf, queries);
    org.milvusbench.dataprep.source.VecsWriter.writeIvecs(gt, truth);
    DataPrepConfig cfg = DataPrepConfig.builder().source(b.toString()).queryFile(qf).groundTruthFile(gt).dim(dim)
        .rows(300).datasetQueries(6).build();
    try (org.milvusbench.dataprep.source.VectorSource source = VectorSources.open(cfg)) {
      GroundTruth.Result r = GroundTruth.compute(source, 300, source.heldOutQueries(6), 10, "L2", 2, d -> {});
      assertEquals(1.0, source.neighborsAgreement(r.rows(), 300, 10).getAsDouble());
      assertEquals(true, source.neighborsAgreement(r.rows(), 299, 10).isEmpty(), "only for the whole base");
    }
  }

  @org.junit.jupiter.api.Test
  void recallCountsTruthIdsFoundInTheFirstK() {
    long[] truth = {5, 3, 9, 1};
    assertEquals(1.0, QueryPool.recall(truth, new long[] {1, 9, 3, 5}, 4));
    assertEquals(0.5, QueryPool.recall(truth, new long[] {5, 7, 3, 8}, 4));
    assertEquals(0.5, QueryPool.recall(truth, new long[] {5, 7}, 2));
    assertEquals(0.25, QueryPool.recall(truth, new long[] {2, 3, 4, 6}, 4));
  }

  @org.junit.jupiter.api.Test
  void kLargerThanTheDatasetReturnsEveryRow() {
    GroundTruth.Result r = GroundTruth.compute(new RandomNormalSource(8, 1), 5, Sources.uniformQueries(1, 2, 8),
        10, "L2", 2, done -> {});
    assertEquals(5, r.rows()[0].length);
  }
}
