package org.milvusbench.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.data.FloatVec;
import io.milvus.v2.service.vector.response.SearchResp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A collection with enable_dynamic_field through the unchanged MilvusClientV2: keys outside the schema
 * are kept, come back when named as output fields or with {@code *}, and filter by bare name.
 */
class DynamicFieldTest {
  private static final int DIM = 8;
  private static final String NAME = "dynamic";
  /** Row i has key i and these extra keys. */
  private static final List<String> EXTRA = List.of(
      "{\"color\":\"red\",\"size\":1,\"tags\":[\"a\",\"b\"]}",
      "{\"color\":\"blue\",\"size\":5}",
      "{\"color\":\"red\",\"size\":7,\"shape\":{\"sides\":4}}",
      "{}",
      "{\"size\":2.5,\"tags\":[\"b\"]}");

  @RegisterExtension
  static final SharedTarget target = new SharedTarget();
  static MilvusClientV2 client;
  static float[][] data = TestData.normal(EXTRA.size(), DIM, 6);

  @BeforeAll
  static void start() throws Exception {
    client = target.client();
    TargetFixture.createKeyedCollection(client, NAME, DIM, true);
    TargetFixture.insertIndexAndLoad(client, NAME, TestData.rowsKeyedByIndex(data, i -> {
      JsonObject row = JsonParser.parseString(EXTRA.get(i)).getAsJsonObject();
      row.addProperty("category", "c" + i % 2);
      return row;
    }));
  }

  private static Set<Long> ids(String filter) {
    return TargetFixture.ids(client, NAME, filter);
  }

  private static List<Map<String, Object>> rows(List<String> outputFields) {
    List<Map<String, Object>> out = new ArrayList<>();
    client.query(QueryReq.builder().collectionName(NAME).filter("id in [0, 2, 3]").outputFields(outputFields)
        .build()).getQueryResults().forEach(r -> out.add(r.getEntity()));
    return out;
  }

  @Test
  void namedKeysComeBackAlone() {
    List<Map<String, Object>> rows = rows(List.of("color", "category"));
    assertEquals(Map.of("id", 0L, "color", "red", "category", "c0"), rows.get(0));
    assertEquals(Map.of("id", 2L, "color", "red", "category", "c0"), rows.get(1));
    assertEquals(Map.of("id", 3L, "category", "c1"), rows.get(2), "a row without the key has none");
  }

  @Test
  void starReturnsEveryKey() {
    Map<String, Object> row = rows(List.of("*")).get(1);
    assertEquals(Set.of("id", TargetFixture.VECTOR, "category", "color", "size", "shape"), row.keySet());
    assertEquals(7L, ((Number) row.get("size")).longValue());
    assertEquals(JsonParser.parseString("{\"sides\":4}"), row.get("shape"));
    assertFalse(rows(List.of("id")).get(0).containsKey("color"), "nothing dynamic unless asked for");
  }

  @Test
  void bareNamesFilterTheDynamicField() {
    assertEquals(Set.of(0L, 2L), ids("color == \"red\""));
    assertEquals(Set.of(0L, 2L), ids("$meta[\"color\"] == 'red'"));
    assertEquals(Set.of(1L, 3L, 4L), ids("color != \"red\""));
    assertEquals(Set.of(1L, 2L), ids("size > 3"));
    assertEquals(Set.of(2L), ids("shape[\"sides\"] == 4 and category == 'c0'"));
    assertEquals(Set.of(0L, 4L), ids("json_contains(tags, \"b\")"));
    assertEquals(Set.of(0L, 1L, 2L), ids("exists color"));
    assertEquals(Set.of(), ids("colour == \"red\""), "a key no row has matches nothing, as in Milvus");
  }

  @Test
  void searchReturnsAndFiltersDynamicKeys() {
    SearchResp resp = client.search(SearchReq.builder().collectionName(NAME).annsField(TargetFixture.VECTOR)
        .data(List.of(new FloatVec(data[1]))).limit(10).filter("size >= 2").outputFields(List.of("size"))
        .searchParams(Map.of("ef", 64)).build());
    Set<Long> hits = new TreeSet<>();
    for (SearchResp.SearchResult r : resp.getSearchResults().get(0)) {
      hits.add((Long) r.getId());
      assertEquals(Set.of("id", "size"), r.getEntity().keySet(), "the key is always an output column");
    }
    assertEquals(Set.of(1L, 2L, 4L), hits);
  }

  @Test
  void upsertReplacesTheDynamicKeys() {
    String other = "dynamic_upsert";
    TargetFixture.createKeyedCollection(client, other, DIM, true);
    JsonObject row = JsonParser.parseString("{\"id\":1,\"category\":\"c\",\"old\":1}").getAsJsonObject();
    row.add(TargetFixture.VECTOR, new Gson().toJsonTree(data[0]));
    TargetFixture.insertIndexAndLoad(client, other, List.of(row));
    row.remove("old");
    row.addProperty("fresh", "yes");
    client.upsert(io.milvus.v2.service.vector.request.UpsertReq.builder().collectionName(other).data(List.of(row))
        .build());
    List<Map<String, Object>> rows = new ArrayList<>();
    client.query(QueryReq.builder().collectionName(other).filter("fresh == 'yes'").outputFields(List.of("$meta"))
        .build()).getQueryResults().forEach(r -> rows.add(r.getEntity()));
    assertEquals(List.of(Map.of("id", 1L, "fresh", "yes")), rows);
    assertEquals(0, client.query(QueryReq.builder().collectionName(other).filter("exists old").build())
        .getQueryResults().size());
  }
}
