package org.milvusbench.dataprep.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.milvusbench.dataprep.DataPrepConfig;
import org.milvusbench.dataprep.DataPrepException;

/** Opens the configured source and checks it against the configuration; also the uniform queries. */
public final class Sources {
  static final long DOMAIN_CATEGORIES = 10;
  static final long DOMAIN_UNIFORM_QUERIES = 11;

  private Sources() {}

  /**
   * Opens {@code cfg.source()}. A file whose dimension differs from {@code --dim}, or with fewer
   * rows than {@code --rows}, is an error naming both numbers.
   */
  public static VectorSource open(DataPrepConfig cfg) {
    VectorSource s;
    switch (cfg.source()) {
      case DataPrepConfig.SOURCE_RANDOM_NORMAL:
        return new RandomNormalSource(cfg.dim(), cfg.seed());
      case DataPrepConfig.SOURCE_CLUSTERED:
        return new ClusteredSource(cfg.dim(), cfg.seed(), cfg.clusters(), cfg.clusterSpread());
      default:
        s = openFile(Path.of(cfg.source()), cfg);
    }
    if (s.dim() != cfg.dim()) {
      s.close();
      throw new DataPrepException(cfg.source() + ": vectors have dimension " + s.dim() + ", the collection (--dim) has "
          + cfg.dim() + "; pass --dim " + s.dim() + " (and a new --collection) to use this file");
    }
    if (s.availableRows() < cfg.rows()) {
      s.close();
      throw new DataPrepException(cfg.source() + ": has " + s.availableRows() + " rows, --rows asks for " + cfg.rows());
    }
    return s;
  }

  private static VectorSource openFile(Path path, DataPrepConfig cfg) {
    if (!Files.isReadable(path)) {
      throw new DataPrepException("--source: cannot read " + path
          + " (allowed: random-normal, clustered, or a readable .fvecs / .bvecs / .hdf5 file)");
    }
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".hdf5") || name.endsWith(".h5")) {
      return new Hdf5Source(path);
    }
    if (name.endsWith(".fvecs") || name.endsWith(".bvecs")) {
      return new VecsFileSource(path, cfg.queryFile(), cfg.groundTruthFile(), cfg.rows());
    }
    throw new DataPrepException("--source: " + path + " has an unknown extension (allowed: .fvecs, .bvecs, .hdf5, .h5)");
  }

  /** The category of {@code row}: uniform over {@code categories}, deterministic per seed and row. */
  public static String category(long seed, long row, java.util.List<String> categories) {
    return categories.get(RowRandom.forRow(seed, DOMAIN_CATEGORIES, row).nextInt(categories.size()));
  }

  /** The reference script's queries: {@code n} vectors uniform in [0,1)^dim, not normalised. */
  public static float[][] uniformQueries(long seed, int n, int dim) {
    float[][] q = new float[n][dim];
    for (int i = 0; i < n; i++) {
      SplittableRandom r = RowRandom.forRow(seed, DOMAIN_UNIFORM_QUERIES, i);
      for (int d = 0; d < dim; d++) {
        q[i][d] = (float) r.nextDouble();
      }
    }
    return q;
  }
}
