package org.milvusbench.dataprep.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rows from a {@code .fvecs} / {@code .bvecs} file (SIFT / GIST base set). Held-out queries come
 * from a separate query file (e.g. {@code sift_query.fvecs}) or else from the records after the
 * dataset's rows.
 */
public final class VecsFileSource implements VectorSource {
  private final VecsFile base;
  private final Path queryFile;
  private final Path groundTruthFile;
  private final long datasetRows;
  private final String fingerprint;

  /**
   * Opens {@code base}; {@code queryFile} and {@code groundTruthFile} (the query file's neighbours
   * in the whole base, e.g. {@code sift_groundtruth.ivecs}) may be null. {@code datasetRows} rows are
   * inserted, so without a query file the held-out queries are records {@code [datasetRows, ...)}.
   */
  public VecsFileSource(Path base, Path queryFile, Path groundTruthFile, long datasetRows) {
    this.base = VecsFile.open(base);
    this.queryFile = queryFile;
    this.groundTruthFile = groundTruthFile;
    this.datasetRows = datasetRows;
    long size;
    try {
      size = Files.size(base);
    } catch (IOException e) {
      throw new SourceException("cannot read " + base + ": " + e, e);
    }
    this.fingerprint = "file(" + base.getFileName() + ",bytes=" + size + ",dim=" + this.base.dim() + ")";
  }

  @Override
  public int dim() {
    return base.dim();
  }

  @Override
  public long availableRows() {
    return base.rows();
  }

  @Override
  public void read(long start, int count, float[][] out) {
    base.readFloats(start, count, out);
  }

  @Override
  public float[][] heldOutQueries(int n) {
    float[][] q = new float[n][base.dim()];
    if (n == 0) {
      return q;
    }
    if (queryFile != null) {
      try (VecsFile f = VecsFile.open(queryFile)) {
        if (f.dim() != base.dim()) {
          throw new SourceException(queryFile + ": query dimension " + f.dim() + " differs from the base file's "
              + base.dim() + " (" + base.path() + ")");
        }
        if (f.rows() < n) {
          throw new SourceException(queryFile + ": " + f.rows() + " queries, " + n
              + " requested (--dataset-queries)");
        }
        f.readFloats(0, n, q);
        return q;
      }
    }
    if (base.rows() - datasetRows < n) {
      throw new SourceException(base.path() + ": " + base.rows() + " records leave " + (base.rows() - datasetRows)
          + " after --rows " + datasetRows + " for held-out queries, " + n
          + " needed: pass --query-file, lower --rows, or --dataset-queries");
    }
    base.readFloats(datasetRows, n, q);
    return q;
  }

  /** Compares with {@code --groundtruth-file} when the whole base and the query file are used. */
  @Override
  public java.util.OptionalDouble neighborsAgreement(long[][] topRows, long datasetRows, int k) {
    if (groundTruthFile == null || queryFile == null || datasetRows != base.rows() || topRows.length == 0) {
      return java.util.OptionalDouble.empty();
    }
    try (VecsFile truth = VecsFile.open(groundTruthFile)) {
      int n = (int) Math.min(topRows.length, truth.rows());
      int depth = Math.min(k, Math.min(truth.dim(), topRows[0].length));
      int[][] rows = truth.readInts(0, n);
      return java.util.OptionalDouble.of(VectorSource.overlap(topRows,
          q -> java.util.Arrays.stream(rows[q]).limit(depth).asLongStream().toArray(), n, depth));
    }
  }

  @Override
  public String fingerprint() {
    return fingerprint;
  }

  @Override
  public void close() {
    base.close();
  }
}
