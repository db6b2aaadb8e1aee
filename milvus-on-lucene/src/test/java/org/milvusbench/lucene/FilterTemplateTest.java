package org.milvusbench.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.DataType;
import io.milvus.v2.exception.MilvusClientException;
import io.milvus.v2.service.collection.request.AddFieldReq;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import io.milvus.v2.service.vector.request.DeleteReq;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.data.FloatVec;
import io.milvus.v2.service.vector.response.DeleteResp;
import io.milvus.v2.service.vector.response.SearchResp;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * Milvus 2.5+ filter templates ({@code filterTemplateValues}) through MilvusClientV2's search, query
 * and delete: integers, doubles, booleans, strings and lists, a string that tries to break out of its
 * literal, and Milvus's refusals. Row i: id i, category A..D by i modulo 4, score i / 10, flag i even.
 */
class FilterTemplateTest {
  private static final int DIM = 8;
  private static final int ROWS = 40;
  private static final String NAME = "templates";
  /** Row 1000's category: a quote and a backslash, which the substituted literal must keep. */
  private static final String AWKWARD = "x\"y\\z";

  @RegisterExtension
  static final SharedTarget target = new SharedTarget();
  static MilvusClientV2 client;
  static float[][] data = TestData.normal(ROWS + 1, DIM, 31);

  @BeforeAll
  static void start() throws Exception {
    client = target.client();
    CreateCollectionReq.CollectionSchema schema = CreateCollectionReq.CollectionSchema.builder().build();
    schema.addField(AddFieldReq.builder().fieldName("id").dataType(DataType.Int64).isPrimaryKey(true).build());
    schema.addField(AddFieldReq.builder().fieldName(TargetFixture.VECTOR).dataType(DataType.FloatVector).dimension(DIM).build());
    schema.addField(AddFieldReq.builder().fieldName("category").dataType(DataType.VarChar).maxLength(10).build());
    schema.addField(AddFieldReq.builder().fieldName("score").dataType(DataType.Double).build());
    schema.addField(AddFieldReq.builder().fieldName("flag").dataType(DataType.Bool).build());
    client.createCollection(CreateCollectionReq.builder().collectionName(NAME).collectionSchema(schema).build());
    List<JsonObject> rows = TestData.rows(data, 0, ROWS + 1);
    for (int i = 0; i <= ROWS; i++) {
      JsonObject row = rows.get(i);
      row.addProperty("id", i == ROWS ? 1000L : i);
      row.addProperty("score", i / 10.0);
      row.addProperty("flag", i % 2 == 0);
    }
    rows.get(ROWS).addProperty("category", AWKWARD);
    TargetFixture.insertIndexAndLoad(client, NAME, rows);
  }

  private static Set<Long> ids(String filter, Map<String, Object> values) {
    return client.query(QueryReq.builder().collectionName(NAME).filter(filter).filterTemplateValues(values).build())
        .getQueryResults().stream().map(r -> (Long) r.getEntity().get("id")).collect(Collectors.toSet());
  }

  @Test
  void scalarsAndListsStandInForLiterals() {
    assertEquals(Set.of(0L, 1L, 2L), ids("id < {max}", Map.of("max", 3)));
    assertEquals(Set.of(1L, 5L), ids("id in {ids} and category == {cat}", Map.of("ids", List.of(1L, 2L, 5L, 6L), "cat", "B")));
    assertEquals(20, ids("category in { cats }", Map.of("cats", List.of("A", "B"))).size(), "spaces inside the braces");
    assertEquals(Set.of(30L, 31L), ids("score >= {low} and id < {high}", Map.of("low", 3.0, "high", 32)));
    assertEquals(Set.of(0L, 2L), ids("flag == {on} and id <= 2", Map.of("on", true)));
    assertEquals(Set.of(25L, 26L), ids("{a} < id < {b}", Map.of("a", 24, "b", 27)), "a range with both bounds templated");
    assertEquals(Set.of(0L, 4L), ids("score in {s}", Map.of("s", List.of(0.0, 0.4))).stream()
        .filter(id -> id < 5).collect(Collectors.toSet()), "a list of doubles");
  }

  @Test
  void aStringValueIsOneLiteralWhateverItContains() {
    assertEquals(Set.of(1000L), ids("category == {c}", Map.of("c", AWKWARD)), "quote and backslash survive");
    assertEquals(Set.of(), ids("category == {c}", Map.of("c", "\" or id >= 0 or category == \"")),
        "an attempt to close the literal is just a string no row has");
    assertEquals(Set.of(), ids("category == \"{c}\" and id >= 0", Map.of("c", "A")), "a brace inside a literal is text");
  }

  @Test
  void searchQueryAndDeleteTakeTemplates() {
    SearchResp r = client.search(SearchReq.builder().collectionName(NAME).data(List.of(new FloatVec(data[3])))
        .limit(5).filter("category == {cat}").filterTemplateValues(Map.of("cat", "D"))
        .outputFields(List.of("category")).searchParams(Map.of("ef", 64)).build());
    assertEquals(5, r.getSearchResults().get(0).size());
    assertEquals(3L, r.getSearchResults().get(0).get(0).getId());
    assertTrue(r.getSearchResults().get(0).stream().allMatch(h -> "D".equals(h.getEntity().get("category"))));

    DeleteResp deleted = client.delete(DeleteReq.builder().collectionName(NAME).filter("id in {gone}")
        .filterTemplateValues(Map.of("gone", List.of(34L, 35L, 39L))).build());
    assertEquals(3, deleted.getDeleteCnt());
    // Categories C and D only, so the other tests' A/B counts hold whatever the order.
    assertEquals(Set.of(36L, 37L, 38L), ids("id > {min} and id < {max}", Map.of("min", 33, "max", 100)));
  }

  @Test
  void refusalsNameTheVariable() {
    assertRefused(1100, "failed to create query plan: the value of expression template variable name {max} is not found",
        () -> ids("id < {max}", Map.of("other", 1)));
    assertRefused(1100, "the value of term expression template variable {v} is not array",
        () -> ids("id in {v}", Map.of("v", 5)));
    assertRefused(1100, "like takes a string literal, not the template variable {p}",
        () -> ids("category like {p}", Map.of("p", "A%")));
    assertRefused(1100, "the value of expression template variable name {cat} is not found",
        () -> client.search(SearchReq.builder().collectionName(NAME).data(List.of(new FloatVec(data[0]))).limit(1)
            .filter("category == {cat}").build()));
    assertRefused(1100, "cannot parse expression: \"id\" < 10",
        () -> ids("{field} < 10", Map.of("field", "id")));
  }

  private static void assertRefused(int code, String reason, Executable call) {
    MilvusClientException e = assertThrows(MilvusClientException.class, call);
    assertEquals(code, e.getServerErrCode(), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }
}
