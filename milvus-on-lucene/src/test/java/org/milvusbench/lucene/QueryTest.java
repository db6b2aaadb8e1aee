package org.milvusbench.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.exception.MilvusClientException;
import io.milvus.v2.service.vector.request.GetReq;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvus.v2.service.vector.response.QueryResp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * Query as MilvusClientV2 sends it: count(*) with and without a filter, ids, limit and offset,
 * output fields (the vector and {@code *} included), and Milvus's refusals of the combinations it
 * refuses. 100 rows with keys 0..99, category A..D by key modulo 4.
 */
class QueryTest {
  private static final int DIM = 8;
  private static final int ROWS = 100;
  private static final String NAME = "queries";

  @RegisterExtension
  static final SharedTarget target = new SharedTarget();
  static MilvusClientV2 client;
  static float[][] data = TestData.normal(ROWS, DIM, 21);

  @BeforeAll
  static void start() throws Exception {
    client = target.client();
    TargetFixture.createKeyedCollection(client, NAME, DIM);
    var rows = TestData.rows(data, 0, ROWS);
    for (int i = 0; i < ROWS; i++) {
      rows.get(i).addProperty("id", (long) i);
    }
    TargetFixture.insertIndexAndLoad(client, NAME, rows);
  }

  private static QueryReq.QueryReqBuilder query() {
    return QueryReq.builder().collectionName(NAME);
  }

  private static long count(String filter) {
    QueryResp r = client.query(query().filter(filter).outputFields(List.of("count(*)")).build());
    assertEquals(1, r.getQueryResults().size());
    return (Long) r.getQueryResults().get(0).getEntity().get("count(*)");
  }

  private static List<Long> ids(QueryResp r) {
    return r.getQueryResults().stream().map(q -> (Long) q.getEntity().get("id")).collect(Collectors.toList());
  }

  private static List<Long> range(long from, long to) {
    return LongStream.range(from, to).boxed().collect(Collectors.toList());
  }

  @Test
  void countWithAndWithoutAFilter() {
    assertEquals(ROWS, count(""));
    assertEquals(ROWS / 4, count("category == \"A\""));
    assertEquals(10, count("id < 10"));
    assertEquals(3, count("id in [1, 2, 3, 500]"));
    assertEquals(0, count("id > 1000"));
    assertEquals(ROWS, (Long) client.query(query().filter("").offset(10).outputFields(List.of("count(*)")).build())
        .getQueryResults().get(0).getEntity().get("count(*)"), "an offset without a limit is ignored, as in Milvus");
  }

  @Test
  void idsReturnExactlyTheRowsThatExist() {
    QueryResp r = client.query(query().ids(new ArrayList<>(List.of(7L, 3L, 4242L))).outputFields(List.of()).build());
    assertEquals(List.of(3L, 7L), ids(r), "in key order; the missing key is simply absent");
    assertEquals(Set.of("id"), r.getQueryResults().get(0).getEntity().keySet(), "no output fields: the key only");
    assertEquals(Set.of("id", "category", TargetFixture.VECTOR),
        client.query(query().ids(new ArrayList<>(List.of(3L))).build()).getQueryResults().get(0).getEntity().keySet(),
        "MilvusClientV2's default output is *");
    var got = client.get(GetReq.builder().collectionName(NAME).ids(new ArrayList<>(List.of(42L)))
        .outputFields(List.of("category")).build());
    assertEquals("C", got.getGetResults().get(0).getEntity().get("category"));
  }

  @Test
  void limitAndOffsetPageInKeyOrder() {
    assertEquals(range(20, 30), ids(client.query(query().filter("id >= 0").limit(10).offset(20).build())));
    assertEquals(range(0, 5), ids(client.query(query().filter("").limit(5).build())), "empty filter with a limit");
    assertEquals(range(95, 100), ids(client.query(query().filter("id >= 90").limit(10).offset(5).build())),
        "the last page is short");
    assertEquals(range(0, 10), ids(client.query(query().filter("id < 10").offset(5).build())),
        "an offset without a limit is ignored, as in Milvus");
    assertEquals(range(0, 100), ids(client.query(query().filter("id >= 0").build())), "a filter without a limit: all rows");
    assertEquals(List.of(), ids(client.query(query().filter("id >= 0").limit(10).offset(16374).build())));
  }

  @Test
  void outputFieldsIncludingTheVectorAndStar() {
    QueryResp r = client.query(query().filter("id == 9").outputFields(List.of("category", TargetFixture.VECTOR)).build());
    Map<String, Object> row = r.getQueryResults().get(0).getEntity();
    assertEquals(Set.of("id", "category", TargetFixture.VECTOR), row.keySet());
    assertEquals("B", row.get("category"));
    assertEquals(TestData.boxed(data[9]), row.get(TargetFixture.VECTOR));
    Map<String, Object> star = client.query(query().filter("id == 9").outputFields(List.of("*")).build())
        .getQueryResults().get(0).getEntity();
    assertEquals(row, star, "* is every field, the vector included");
  }

  @Test
  void refusedCombinationsUseMilvusWording() {
    assertRefused("count entities with pagination is not allowed: invalid parameter",
        () -> client.query(query().filter("").limit(10).outputFields(List.of("count(*)")).build()));
    assertRefused("empty expression should be used with limit: invalid parameter",
        () -> client.query(query().filter("").build()));
    assertRefused("empty expression should be used with limit", () -> client.query(query().filter("").offset(3).build()));
    assertRefused("invalid max query result window, (offset+limit) should be in range [1, 16384], but got 16385",
        () -> client.query(query().filter("id > 0").limit(16000).offset(385).build()));
    assertRefused("invalid max query result window, (offset+limit) should be in range [1, 16384], but got 16385",
        () -> client.query(query().filter("").limit(16385).outputFields(List.of("count(*)")).build()));
    assertRefused("field not found[field=colour]",
        () -> client.query(query().filter("id > 0").outputFields(List.of("colour")).build()));
  }

  private static void assertRefused(String reason, Executable call) {
    MilvusClientException e = assertThrows(MilvusClientException.class, call);
    assertTrue(e.getMessage().contains(reason), e.getMessage());
    assertTrue(e.getServerErrCode() == 1100 || e.getServerErrCode() == 1700, e.getMessage());
  }
}
