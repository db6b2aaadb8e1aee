package org.milvusbench.lucene.store;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs a graph build's rate: rows added by this run (a resumed one does not count what it kept) per second. */
final class BuildRate {
  private static final Logger LOG = LoggerFactory.getLogger(GraphBuild.class);
  private final String collection;
  private final long startRows;
  private final long total;
  private final long startNanos = System.nanoTime();

  BuildRate(String collection, long startRows, long total) {
    this.collection = collection;
    this.startRows = startRows;
    this.total = total;
  }

  void log(String what, long rows) {
    double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
    LOG.info(String.format(Locale.ROOT, "collection %s: index build %s: %d of %d rows, %.1f rows/s over %.0f s%s",
        collection, what, rows, total, (rows - startRows) / seconds, seconds,
        startRows > 0 ? " (" + startRows + " rows kept from before the restart)" : ""));
  }
}
