package org.milvusbench.gatling.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gatling.javaapi.core.Session;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.milvusbench.gatling.core.ConsistencyLevel;
import org.milvusbench.gatling.core.Metric;
import org.milvusbench.gatling.core.QueryVectors;
import org.milvusbench.gatling.core.SearchObserver;
import org.milvusbench.gatling.core.StartSchedule;

/**
 * The spec's withers are positional copies of a 12-component record: each must change its own
 * component and nothing else (the vector sources also clear each other).
 */
class SearchSpecTest {
  private static List<String> changed(Record a, Record b) {
    return RecordDiff.changed(a, b);
  }

  private static final QueryVectors QUERIES = QueryVectors.uniform(2, 4, 1);
  private static final SearchObserver OBSERVER = (ok, start, latency, first, results) -> {};
  private static final StartSchedule SCHEDULE = sendNanos -> sendNanos - 1;
  private static final Function<Session, float[]> FUNCTION = session -> new float[4];

  /** Every component set, and different from the defaults where it can be. */
  private static final SearchSpec FULL = SearchSpec.named("s")
      .withBase(SearchSpec.named("s").base().withCollection("c").withObserver(OBSERVER).withSchedule(SCHEDULE)
          .withSilent(true))
      .withAnnsField("v").withQueries(QUERIES).withTopK(5).withNq(2).withSearchParam("nprobe", 8).withMetric(Metric.IP)
      .withFilter("x > 1").withOutputFields(List.of("f")).withConsistency(ConsistencyLevel.STRONG);

  @Test
  void theFullSpecDiffersFromTheDefaultsEverywhereButNameAndTheUnusedVectorSources() {
    assertEquals(List.of("base", "annsField", "queries", "topK", "nq", "searchParams", "metric", "filter",
        "outputFields", "consistency"), changed(SearchSpec.named("s"), FULL));
    assertEquals(List.of("collection", "observer", "schedule", "silent"),
        changed(SearchSpec.named("s").base(), FULL.base()));
  }

  @Test
  void eachWitherChangesOnlyItsOwnComponent() {
    assertEquals(List.of("base"), changed(FULL, FULL.withBase(FULL.base().withCollection("c2"))));
    assertEquals(List.of("annsField"), changed(FULL, FULL.withAnnsField("v2")));
    assertEquals(List.of("queries"), changed(FULL, FULL.withQueries(QueryVectors.uniform(2, 4, 2))));
    assertEquals(List.of("topK"), changed(FULL, FULL.withTopK(6)));
    assertEquals(List.of("nq"), changed(FULL, FULL.withNq(3)));
    assertEquals(List.of("searchParams"), changed(FULL, FULL.withSearchParam("ef", 64)));
    assertEquals(List.of("searchParams"), changed(FULL, FULL.withEf(64)));
    assertEquals(List.of("metric"), changed(FULL, FULL.withMetric(Metric.L2)));
    assertEquals(List.of("filter"), changed(FULL, FULL.withFilter("y < 2")));
    assertEquals(List.of("outputFields"), changed(FULL, FULL.withOutputFields(List.of("g"))));
    assertEquals(List.of("consistency"), changed(FULL, FULL.withConsistency(ConsistencyLevel.BOUNDED)));
  }

  @Test
  void eachVectorSourceClearsTheOthers() {
    SearchSpec fromKey = FULL.withVectorsKey("vector");
    assertEquals(List.of("queries", "vectorsKey"), changed(FULL, fromKey));
    SearchSpec fromFunction = fromKey.withVectorsFunction(FUNCTION);
    assertEquals(List.of("vectorsKey", "vectorsFunction"), changed(fromKey, fromFunction));
    assertEquals(List.of("queries", "vectorsFunction"), changed(fromFunction, fromFunction.withQueries(QUERIES)));
  }

  @Test
  void everyWitherIsCovered() {
    Set<String> withers = Arrays.stream(SearchSpec.class.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isBridge() && m.getName().startsWith("with"))
        .map(Method::getName).collect(Collectors.toSet());
    assertEquals(Set.of("withBase", "withAnnsField", "withQueries", "withVectorsKey", "withVectorsFunction",
        "withTopK", "withNq", "withSearchParam", "withEf", "withMetric", "withFilter", "withOutputFields",
        "withConsistency"), withers, "a new wither needs its line in the tests above");
  }

  @Test
  void searchParamsKeepTheOrderTheyWereFirstSetIn() {
    SearchSpec spec = FULL.withEf(64).withSearchParam("radius", 0.5).withSearchParam("nprobe", 16);
    assertEquals(List.of("nprobe", "ef", "radius"), List.copyOf(spec.searchParams().keySet()));
    assertEquals(Map.of("nprobe", 16, "ef", 64, "radius", 0.5), spec.searchParams());
  }

  @Test
  void aBlankFilterIsNone() {
    assertNull(FULL.withFilter("  ").filter());
    assertNull(FULL.withFilter(null).filter());
  }
}
