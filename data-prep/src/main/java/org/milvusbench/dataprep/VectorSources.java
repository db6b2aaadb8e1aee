package org.milvusbench.dataprep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.milvusbench.dataprep.source.ClusteredSource;
import org.milvusbench.dataprep.source.Hdf5Source;
import org.milvusbench.dataprep.source.RandomNormalSource;
import org.milvusbench.dataprep.source.SourceException;
import org.milvusbench.dataprep.source.VecsFileSource;
import org.milvusbench.dataprep.source.VectorSource;

/** Opens the source a configuration names and checks it against that configuration. */
public final class VectorSources {
  private VectorSources() {}

  /**
   * Opens {@code cfg.source()}. A file whose dimension differs from {@code --dim}, or with fewer
   * rows than {@code --rows}, is an error naming both numbers; so is a file that cannot be read.
   */
  public static VectorSource open(DataPrepConfig cfg) {
    VectorSource s;
    try {
      s = openUnchecked(cfg);
    } catch (SourceException e) {
      throw new DataPrepException(e.getMessage(), e);
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

  private static VectorSource openUnchecked(DataPrepConfig cfg) {
    switch (cfg.source()) {
      case DataPrepConfig.SOURCE_RANDOM_NORMAL:
        return new RandomNormalSource(cfg.dim(), cfg.seed());
      case DataPrepConfig.SOURCE_CLUSTERED:
        return new ClusteredSource(cfg.dim(), cfg.seed(), cfg.clusters(), cfg.clusterSpread());
      default:
        return openFile(Path.of(cfg.source()), cfg);
    }
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
}
