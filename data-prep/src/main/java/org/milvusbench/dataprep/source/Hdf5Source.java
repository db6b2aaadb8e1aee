package org.milvusbench.dataprep.source;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An ann-benchmarks HDF5 file: {@code train} (rows × dim) is the dataset, {@code test} the held-out
 * queries ({@code neighbors} holds the file's own ground truth in row indices; we recompute ours in
 * server ids). float32 and float64 datasets are accepted.
 */
public final class Hdf5Source implements VectorSource {
  private final Path path;
  private final HdfFile file;
  private final Dataset train;
  private final int dim;
  private final long rows;
  private final String fingerprint;

  /** Opens {@code path} and checks that {@code train} is a 2-D float dataset. */
  public Hdf5Source(Path path) {
    this.path = path;
    try {
      this.file = new HdfFile(path);
    } catch (RuntimeException e) {
      throw new SourceException("cannot read " + path + " (" + fileSize() + " bytes) as HDF5: " + e.getMessage(), e);
    }
    try {
      this.train = dataset("train");
      int[] shape = train.getDimensions();
      this.rows = shape[0];
      this.dim = shape[1];
      this.fingerprint = "hdf5(" + path.getFileName() + ",bytes=" + Files.size(path) + ",dim=" + dim + ")";
    } catch (IOException | RuntimeException e) {
      file.close();
      throw e instanceof SourceException ? (SourceException) e
          : new SourceException("cannot read " + path + " (" + fileSize() + " bytes) as HDF5: " + e.getMessage(), e);
    }
  }

  private String fileSize() {
    try {
      return String.valueOf(Files.size(path));
    } catch (IOException e) {
      return "unknown";
    }
  }

  private Dataset dataset(String name) {
    Node node = file.getChildren().get(name);
    if (!(node instanceof Dataset)) {
      throw new SourceException(path + ": no dataset \"" + name + "\" (an ann-benchmarks file has train, test, neighbors)");
    }
    Dataset ds = (Dataset) node;
    int[] shape = ds.getDimensions();
    Class<?> type = ds.getJavaType();
    if (shape.length != 2 || (type != float.class && type != double.class)) {
      throw new SourceException(path + ": dataset \"" + name + "\" must be a 2-D float32/float64 array, found "
          + shape.length + "-D " + type.getSimpleName());
    }
    return ds;
  }

  @Override
  public int dim() {
    return dim;
  }

  @Override
  public long availableRows() {
    return rows;
  }

  @Override
  public void read(long start, int count, float[][] out) {
    if (start < 0 || start + count > rows) {
      throw new SourceException(path + ": train rows [" + start + ", " + (start + count) + ") requested, it has " + rows);
    }
    copy(slice(train, start, count), out);
  }

  private Object slice(Dataset ds, long start, int count) {
    try {
      // jhdf is not documented as thread-safe; slices are large, so serialising them costs little.
      synchronized (file) {
        return ds.getData(new long[] {start, 0}, new int[] {count, dim});
      }
    } catch (RuntimeException e) {
      throw new SourceException("cannot read " + path + " (" + fileSize() + " bytes) dataset \"" + ds.getName()
          + "\" rows [" + start + ", " + (start + count) + "): " + e.getMessage(), e);
    }
  }

  private static void copy(Object data, float[][] out) {
    if (data instanceof float[][]) {
      float[][] f = (float[][]) data;
      for (int i = 0; i < f.length; i++) {
        System.arraycopy(f[i], 0, out[i], 0, f[i].length);
      }
    } else {
      double[][] d = (double[][]) data;
      for (int i = 0; i < d.length; i++) {
        for (int j = 0; j < d[i].length; j++) {
          out[i][j] = (float) d[i][j];
        }
      }
    }
  }

  @Override
  public float[][] heldOutQueries(int n) {
    float[][] q = new float[n][dim];
    if (n == 0) {
      return q;
    }
    Dataset test = dataset("test");
    int[] shape = test.getDimensions();
    if (shape[1] != dim) {
      throw new SourceException(path + ": \"test\" has dimension " + shape[1] + ", \"train\" has " + dim);
    }
    if (shape[0] < n) {
      throw new SourceException(path + ": \"test\" has " + shape[0] + " queries, " + n + " requested (--dataset-queries)");
    }
    copy(slice(test, 0, n), q);
    return q;
  }

  /** Compares with the file's {@code neighbors} (an "-angular" file needs COSINE to agree). */
  @Override
  public java.util.OptionalDouble neighborsAgreement(long[][] topRows, long datasetRows, int k) {
    Node node = file.getChildren().get("neighbors");
    if (!(node instanceof Dataset) || datasetRows != rows || topRows.length == 0) {
      return java.util.OptionalDouble.empty();
    }
    Dataset ds = (Dataset) node;
    int[] shape = ds.getDimensions();
    int n = Math.min(topRows.length, shape[0]);
    int depth = Math.min(k, Math.min(shape[1], topRows[0].length));
    if (shape.length != 2 || n == 0 || depth == 0) {
      return java.util.OptionalDouble.empty();
    }
    Object data;
    synchronized (file) {
      data = ds.getData(new long[] {0, 0}, new int[] {n, depth});
    }
    Object neighbors = data;
    return java.util.OptionalDouble.of(VectorSource.overlap(topRows, q -> {
      long[] row = new long[depth];
      for (int i = 0; i < depth; i++) {
        row[i] = neighbors instanceof int[][] ? ((int[][]) neighbors)[q][i] : ((long[][]) neighbors)[q][i];
      }
      return row;
    }, n, depth));
  }

  @Override
  public String fingerprint() {
    return fingerprint;
  }

  @Override
  public void close() {
    file.close();
  }
}
