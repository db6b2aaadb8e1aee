package org.milvusbench.dataprep;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.LongPredicate;
import java.util.stream.LongStream;
import org.milvusbench.dataprep.FilteredTruthStore.Entry;
import org.milvusbench.dataprep.FilteredTruthStore.Stored;
import org.milvusbench.dataprep.ProgressListener.Phase;
import org.milvusbench.dataprep.QueryPool.Fingerprint;
import org.milvusbench.dataprep.QueryPool.QuerySet;
import org.milvusbench.dataprep.source.VectorSource;
import org.milvusbench.expr.FilterException;
import org.milvusbench.expr.FilterExpr;
import org.milvusbench.expr.FilterText;

/**
 * Exact top-k among the rows a filter matches, for the queries of a pool data-prep wrote: the
 * filter is evaluated in Java over every row's generated scalars ({@link GeneratedScalars}), the
 * brute force skips the rows it rejects, and the result is stored under the filter's canonical
 * text ({@link FilteredTruthStore}) and reused while the pool's fingerprint holds.
 */
public final class FilteredGroundTruth {
  private FilteredGroundTruth() {}

  /**
   * What {@link #ensure} found.
   *
   * @param truthIds per query, the exact top-k ids among the matching rows; null when recall cannot be measured
   * @param note what was done, or why there is no ground truth, as a line for the log
   */
  public record Outcome(long[][] truthIds, String note) {
    /** True when {@link #truthIds()} is there. */
    public boolean available() {
      return truthIds != null;
    }
  }

  /**
   * The ground truth of {@code filter} for the {@code kind} queries of the pool in {@code
   * cfg.collectionDir()}, computed unless stored. No ground truth (with the reason in the note) when
   * the filter names a field data-prep does not generate, the pool or the row→id record is not of
   * this configuration's data, or no row matches.
   */
  public static Outcome ensure(DataPrepConfig cfg, String kind, String filter, ProgressListener listener) {
    String canonical = FilterText.canonical(FilterExpr.parse(filter));
    Path dir = cfg.collectionDir();
    QueryPool pool = QueryPool.load(dir);
    QuerySet set = pool.get(kind);
    Fingerprint fp = pool.info().fingerprint();
    SeedLedger ledger = SeedLedger.open(dir);
    long[] ids = ledger.rows() == 0 ? new long[0] : ledger.allIds();
    try (VectorSource source = VectorSources.open(cfg)) {
      String mismatch = mismatch(cfg, fp, ids, DataPrep.dataFingerprint(cfg, source));
      if (mismatch != null) {
        return none("the query pool " + dir + " is not of this data (" + mismatch + ")");
      }
      LongPredicate keep;
      try {
        keep = new GeneratedScalars(ids, cfg.seed(), cfg.categories()).matching(FilterExpr.parse(canonical));
      } catch (FilterException e) {
        return none("filter `" + canonical + "` cannot be evaluated client-side: " + e.getMessage());
      }
      Optional<Stored> stored = FilteredTruthStore.read(dir, kind, canonical, pool.info().k(), set.size(), fp);
      if (stored.isPresent()) {
        return outcome(stored.get().ids(), stored.get().entry(), "reused the ground truth of filter `" + canonical
            + "` in " + FilteredTruthStore.entryFile(dir, kind, canonical));
      }
      return compute(cfg, pool, set, canonical, keep, ids, source, listener);
    }
  }

  private static Outcome compute(DataPrepConfig cfg, QueryPool pool, QuerySet set, String canonical, LongPredicate keep,
      long[] ids, VectorSource source, ProgressListener listener) {
    long t0 = System.nanoTime();
    long matching = LongStream.range(0, ids.length).parallel().filter(keep).count();
    listener.info("computing the exact top-" + pool.info().k() + " of the " + set.size() + " " + set.kind()
        + " queries among the " + matching + " of " + ids.length + " rows matching `" + canonical + "`");
    listener.phaseStarted(Phase.GROUND_TRUTH, ids.length, 0);
    GroundTruth.Result truth = GroundTruth.compute(source, ids.length, keep, set.queries(), pool.info().k(),
        pool.info().metric(), cfg.threads(), done -> listener.progress(Phase.GROUND_TRUTH, done));
    listener.phaseFinished(Phase.GROUND_TRUTH);
    long[][] truthIds = new long[truth.rows().length][];
    for (int q = 0; q < truthIds.length; q++) {
      truthIds[q] = java.util.Arrays.stream(truth.rows()[q]).map(row -> ids[(int) row]).toArray();
    }
    Entry entry = new Entry(FilteredTruthStore.VERSION, canonical, set.kind(), pool.info().k(), set.size(), matching,
        ids.length, pool.info().fingerprint(), DataPrep.seconds(t0), Instant.now().toString());
    FilteredTruthStore.write(pool.dir(), entry, truthIds, truth.scores());
    return outcome(truthIds, entry, String.format("computed the ground truth of filter `%s` in %.1f s, stored in %s",
        canonical, entry.seconds(), FilteredTruthStore.entryFile(pool.dir(), set.kind(), canonical)));
  }

  private static Outcome outcome(long[][] truthIds, Entry entry, String what) {
    String share = entry.matchingRows() + " of " + entry.rows() + " rows match";
    return entry.matchingRows() == 0 ? none("no row matches filter `" + entry.filter() + "`, so there is no neighbour to find")
        : new Outcome(truthIds, what + " (" + share + ")");
  }

  private static Outcome none(String why) {
    return new Outcome(null, why);
  }

  /** Why the pool's fingerprint is not this configuration's seeded data, or null when it is. */
  private static String mismatch(DataPrepConfig cfg, Fingerprint fp, long[] ids, String data) {
    if (!fp.data().equals(data)) {
      return "it was computed over " + fp.data() + ", this configuration's data is " + data;
    }
    if (fp.seed() != cfg.seed() || !fp.metric().equals(cfg.metric())) {
      return "seed " + fp.seed() + " / " + fp.metric() + ", this configuration's " + cfg.seed() + " / " + cfg.metric();
    }
    if (ids.length != fp.rows() || ids.length == 0 || ids[0] != fp.firstId() || ids[ids.length - 1] != fp.lastId()) {
      return "the row→id record holds " + ids.length + " rows, the pool was computed over " + fp.rows();
    }
    return null;
  }
}
