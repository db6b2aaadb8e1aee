package org.milvusbench.dataprep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongPredicate;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.milvusbench.dataprep.source.RandomNormalSource;
import org.milvusbench.dataprep.source.Sources;
import org.milvusbench.dataprep.source.VectorSource;
import org.milvusbench.expr.FilterExpr;

/** Filtered brute force against a recomputation: every matching row scored, sorted, the first k kept. */
class FilteredGroundTruthTest {
  private static final int DIM = 19;
  private static final int ROWS = 20_000; // several 8,192-row chunks, the last one partial
  private static final long SEED = 5;

  @ParameterizedTest
  @ValueSource(strings = {"category == \"A\"", "category in [\"B\", \"D\"] and id >= 1100", "id < 1040",
      "not (category == \"C\") or id == 1003", "category like \"%\" and id > 20990"})
  void equalsTheTopKAmongTheMatchingRowsRecomputed(String filter) {
    long[] ids = LongStream.range(0, ROWS).map(r -> 1000 + r).toArray();
    LongPredicate keep = new GeneratedScalars(ids, SEED, DataPrepConfig.DEFAULT_CATEGORIES)
        .matching(FilterExpr.parse(filter));
    VectorSource source = new RandomNormalSource(DIM, SEED);
    float[][] queries = Sources.uniformQueries(SEED, 9, DIM);
    int k = 10;
    GroundTruth.Result r = GroundTruth.compute(source, ROWS, keep, queries, k, "L2", 3, done -> {});
    float[][] data = new float[ROWS][DIM];
    source.read(0, ROWS, data);
    long[] matching = LongStream.range(0, ROWS).filter(row -> matchesByHand(filter, ids[(int) row], row)).toArray();
    for (int q = 0; q < queries.length; q++) {
      float[] query = queries[q];
      long[] expected = Arrays.stream(matching).boxed()
          .sorted(Comparator.comparingDouble(row -> l2(query, data[(int) (long) row]))).limit(k)
          .mapToLong(Long::longValue).toArray();
      assertArrayEquals(expected, r.rows()[q], filter + ", query " + q);
      assertEquals(l2(query, data[(int) expected[0]]), r.scores()[q][0], 1e-4);
    }
  }

  /** The same filters written as Java, so the check does not rest on the evaluator under test. */
  private static boolean matchesByHand(String filter, long id, long row) {
    String category = Sources.category(SEED, row, List.of("A", "B", "C", "D"));
    return switch (filter) {
      case "category == \"A\"" -> category.equals("A");
      case "category in [\"B\", \"D\"] and id >= 1100" -> (category.equals("B") || category.equals("D")) && id >= 1100;
      case "id < 1040" -> id < 1040;
      case "not (category == \"C\") or id == 1003" -> !category.equals("C") || id == 1003;
      default -> id > 20990;
    };
  }

  @org.junit.jupiter.api.Test
  void fewerMatchesThanKGiveThemAll() {
    long[] ids = LongStream.range(0, 300).toArray();
    LongPredicate keep = new GeneratedScalars(ids, SEED, DataPrepConfig.DEFAULT_CATEGORIES)
        .matching(FilterExpr.parse("id in [7, 150, 299]"));
    GroundTruth.Result r = GroundTruth.compute(new RandomNormalSource(DIM, SEED), 300, keep,
        Sources.uniformQueries(SEED, 2, DIM), 10, "IP", 2, done -> {});
    for (long[] rows : r.rows()) {
      long[] sorted = rows.clone();
      Arrays.sort(sorted);
      assertArrayEquals(new long[] {7, 150, 299}, sorted);
    }
    assertTrue(r.scores()[0][0] >= r.scores()[0][2], "best first");
  }

  private static double l2(float[] q, float[] x) {
    double sum = 0;
    for (int d = 0; d < q.length; d++) {
      double e = (double) q[d] - x[d];
      sum += e * e;
    }
    return sum;
  }
}
