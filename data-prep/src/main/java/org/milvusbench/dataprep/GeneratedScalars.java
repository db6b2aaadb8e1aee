package org.milvusbench.dataprep;

import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import org.milvusbench.dataprep.source.Sources;
import org.milvusbench.expr.FilterExpr;
import org.milvusbench.expr.RowFilter;
import org.milvusbench.expr.ScalarType;

/**
 * The scalar fields of the rows data-prep seeds, as the generator knows them without asking the
 * server: {@code id}, the server's auto id recorded per row in the {@link SeedLedger}, and {@code
 * category}, drawn per row from the seed.
 */
final class GeneratedScalars {
  /** The fields a filter may name to be evaluated over generated rows. */
  static final Map<String, ScalarType> FIELDS = Map.of(CollectionSpec.ID, ScalarType.INT, CollectionSpec.CATEGORY,
      ScalarType.STRING);

  private final long[] ids;
  private final long seed;
  private final List<String> categories;

  /** Rows {@code [0, ids.length)} with those ids, seeded under {@code seed} with {@code categories}. */
  GeneratedScalars(long[] ids, long seed, List<String> categories) {
    this.ids = ids;
    this.seed = seed;
    this.categories = List.copyOf(categories);
  }

  /**
   * The rows {@code filter} matches, as a predicate on row index (thread-safe).
   *
   * @throws org.milvusbench.expr.FilterException when the filter names another field or does not fit their types
   */
  LongPredicate matching(FilterExpr filter) {
    RowFilter f = RowFilter.of(filter, FIELDS);
    return row -> f.test(field -> field.equals(CollectionSpec.ID) ? (Object) ids[(int) row]
        : Sources.category(seed, row, categories));
  }
}
