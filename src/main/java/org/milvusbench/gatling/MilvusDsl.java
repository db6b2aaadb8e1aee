package org.milvusbench.gatling;

import org.milvusbench.gatling.internal.SearchSpec;

/**
 * Entry point of the Milvus Gatling DSL, like Gatling's {@code HttpDsl}:
 *
 * <pre>{@code
 * import static org.milvusbench.gatling.MilvusDsl.*;
 *
 * MilvusProtocolBuilder protocol = milvus().uri("http://localhost:19530");
 * ScenarioBuilder scn = scenario("search").exec(
 *     search("top10").collection("benchmark_concurrent").annsField("embedding")
 *         .vectors(QueryVectors.uniform(1000, 768, 42)).topK(10).ef(64));
 * setUp(scn.injectClosed(constantConcurrentUsers(20).during(30))).protocols(protocol);
 * }</pre>
 */
public final class MilvusDsl {
  private MilvusDsl() {}

  /** A protocol builder with the defaults of {@link MilvusProtocolBuilder}. */
  public static MilvusProtocolBuilder milvus() {
    return new MilvusProtocolBuilder();
  }

  /** A vector search named {@code requestName} in Gatling's reports. */
  public static MilvusSearchActionBuilder search(String requestName) {
    return new MilvusSearchActionBuilder(SearchSpec.named(requestName));
  }
}
