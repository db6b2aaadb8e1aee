package org.milvusbench.gatling;

import java.util.List;
import org.milvusbench.gatling.core.DatasetRows;
import org.milvusbench.gatling.core.QueryVectors;
import org.milvusbench.gatling.internal.DeleteSpec;
import org.milvusbench.gatling.internal.QuerySpec;
import org.milvusbench.gatling.internal.SearchSpec;
import org.milvusbench.gatling.internal.WriteSpec;

/**
 * Entry point of the Milvus Gatling DSL, like Gatling's {@code HttpDsl}:
 *
 * <pre>{@code
 * import static org.milvusbench.gatling.MilvusDsl.*;
 *
 * MilvusProtocolBuilder protocol = milvus().uri("http://localhost:19530");
 * ScenarioBuilder scn = scenario("search").exec(
 *     search("top10").collection("benchmark_concurrent").annsField("embedding")
 *         .vectors(uniformQueryVectors(1000, 768, 42)).topK(10).ef(64));
 * setUp(scn.injectClosed(constantConcurrentUsers(20).during(30))).protocols(protocol);
 * }</pre>
 *
 * <p>Besides {@code search}: {@code insert}, {@code upsert}, {@code delete} and {@code query}, e.g.
 * {@code insert("load").collection("benchmark_concurrent").rows(datasetRows().startingAt(50_000))}.
 * The values actions take ({@link QueryVectors}, {@link DatasetRows}, {@link
 * org.milvusbench.gatling.core.Metric}, observers, schedules) are in {@code
 * org.milvusbench.gatling.core}; query sets and rows can be made here, as Gatling's {@code CoreDsl}
 * makes its feeders.
 */
public final class MilvusDsl {
  private MilvusDsl() {}

  /** A protocol builder with the defaults of {@link MilvusProtocolBuilder}. */
  public static MilvusProtocolBuilder milvus() {
    return new MilvusProtocolBuilder();
  }

  /** A vector search named {@code requestName} in Gatling's reports, with the defaults of {@link MilvusSearchActionBuilder}. */
  public static MilvusSearchActionBuilder search(String requestName) {
    return new MilvusSearchActionBuilder(SearchSpec.named(requestName));
  }

  /**
   * An insert named {@code requestName} in Gatling's reports, with the defaults of {@link
   * MilvusWriteActionBuilder}.
   */
  public static MilvusWriteActionBuilder insert(String requestName) {
    return new MilvusWriteActionBuilder(WriteSpec.named(false, requestName));
  }

  /**
   * An upsert (insert, replacing rows with the same primary key) named {@code requestName}, with the
   * defaults of {@link MilvusWriteActionBuilder}.
   */
  public static MilvusWriteActionBuilder upsert(String requestName) {
    return new MilvusWriteActionBuilder(WriteSpec.named(true, requestName));
  }

  /** A delete named {@code requestName}, with the defaults of {@link MilvusDeleteActionBuilder}. */
  public static MilvusDeleteActionBuilder delete(String requestName) {
    return new MilvusDeleteActionBuilder(DeleteSpec.named(requestName));
  }

  /** A query named {@code requestName}, with the defaults of {@link MilvusQueryActionBuilder}. */
  public static MilvusQueryActionBuilder query(String requestName) {
    return new MilvusQueryActionBuilder(QuerySpec.named(requestName));
  }

  /**
   * The default dataset's rows as data-prep seeds them ({@value DatasetRows#DEFAULT_DIMENSION}-d,
   * seed {@value DatasetRows#DEFAULT_SEED}), from row 0: {@link DatasetRows#of}.
   */
  public static DatasetRows datasetRows() {
    return DatasetRows.of(DatasetRows.DEFAULT_DIMENSION, DatasetRows.DEFAULT_SEED);
  }

  /** The default dataset's rows in {@code dimension} dimensions under {@code seed}, from row 0. */
  public static DatasetRows datasetRows(int dimension, long seed) {
    return DatasetRows.of(dimension, seed);
  }

  /** A query set of these vectors, without ground truth: {@link QueryVectors#of(List)}. */
  public static QueryVectors queryVectors(List<float[]> vectors) {
    return QueryVectors.of(vectors);
  }

  /**
   * A query set of these vectors with each one's true nearest-neighbour ids, best first, so
   * observers can score recall: {@link QueryVectors#of(List, List)}.
   */
  public static QueryVectors queryVectors(List<float[]> vectors, List<long[]> groundTruth) {
    return QueryVectors.of(vectors, groundTruth);
  }

  /**
   * {@code count} random queries of {@code dimension} components uniform in [0, 1), as the
   * reference script makes them, reproducible from {@code seed}: {@link QueryVectors#uniform}.
   */
  public static QueryVectors uniformQueryVectors(int count, int dimension, long seed) {
    return QueryVectors.uniform(count, dimension, seed);
  }
}
