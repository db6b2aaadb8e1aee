package org.milvusbench.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.DataType;
import io.milvus.v2.service.collection.request.AddFieldReq;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.data.FloatVec;
import io.milvus.v2.service.vector.response.QueryResp;
import io.milvus.v2.service.vector.response.SearchResp;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A JSON field through the unchanged MilvusClientV2: each row's value comes back as inserted, and
 * filters on paths into it select exactly the rows Milvus would. The rows are inserted before the
 * index, so they also pass through the graph build's copy.
 */
class JsonFieldTest {
  private static final int DIM = 8;
  private static final String NAME = "json";
  /** Row i has key i and this meta; chosen so that each filter below separates them differently. */
  private static final List<String> META = List.of(
      "{\"k\":\"v\",\"n\":1,\"a\":{\"b\":\"x\"},\"tags\":[\"x\",\"y\"],\"flag\":true}",
      "{\"k\":\"w\",\"n\":5,\"a\":{\"b\":\"y\"},\"tags\":[\"y\"],\"flag\":false}",
      "{\"k\":\"v\",\"n\":3.5,\"tags\":[1,2]}",
      "{\"n\":\"5\"}",
      "{\"k\":null}",
      "[1,2,3]",
      "{\"a\":{\"b\":{\"c\":7}}}",
      "{}");

  @RegisterExtension
  static final SharedTarget target = new SharedTarget();
  static MilvusClientV2 client;
  static float[][] data = TestData.normal(META.size(), DIM, 4);

  @BeforeAll
  static void start() throws Exception {
    client = target.client();
    CreateCollectionReq.CollectionSchema schema = CreateCollectionReq.CollectionSchema.builder().build();
    schema.addField(AddFieldReq.builder().fieldName("id").dataType(DataType.Int64).isPrimaryKey(true).autoID(false).build());
    schema.addField(AddFieldReq.builder().fieldName(TargetFixture.VECTOR).dataType(DataType.FloatVector).dimension(DIM).build());
    schema.addField(AddFieldReq.builder().fieldName("meta").dataType(DataType.JSON).build());
    client.createCollection(CreateCollectionReq.builder().collectionName(NAME).collectionSchema(schema)
        .enableDynamicField(false).build());
    TargetFixture.insertIndexAndLoad(client, NAME, TestData.rowsKeyedByIndex(data, i -> {
      JsonObject row = new JsonObject();
      row.add("meta", JsonParser.parseString(META.get(i)));
      return row;
    }));
  }

  private static Set<Long> ids(String filter) {
    return TargetFixture.ids(client, NAME, filter);
  }

  @Test
  void valuesComeBackAsInserted() {
    List<QueryResp.QueryResult> rows = client.query(QueryReq.builder().collectionName(NAME).filter("id >= 0")
        .outputFields(List.of("meta")).build()).getQueryResults();
    assertEquals(META.size(), rows.size());
    for (int i = 0; i < META.size(); i++) {
      assertEquals(JsonParser.parseString(META.get(i)), rows.get(i).getEntity().get("meta"), "row " + i);
    }
  }

  @Test
  void comparisonsOnPaths() {
    assertEquals(Set.of(0L, 2L), ids("meta[\"k\"] == \"v\""));
    assertEquals(Set.of(1L, 3L, 4L, 5L, 6L, 7L), ids("meta[\"k\"] != \"v\""), "missing or other types match !=");
    assertEquals(Set.of(1L, 2L), ids("meta[\"n\"] > 3"), "the string \"5\" is no number");
    assertEquals(Set.of(1L), ids("meta['n'] == 5"));
    assertEquals(Set.of(0L, 2L), ids("meta[\"n\"] <= 3.5"));
    assertEquals(Set.of(2L, 0L), ids("0 < meta[\"n\"] < 5"));
    assertEquals(Set.of(0L, 1L), ids("meta[\"k\"] >= \"w\" or meta[\"k\"] < \"v\" or meta['flag'] == true"));
    assertEquals(Set.of(0L), ids("meta[\"flag\"]"));
    assertEquals(Set.of(1L), ids("meta[\"flag\"] == false"));
  }

  @Test
  void nestedPathsListsAndLike() {
    assertEquals(Set.of(0L), ids("meta[\"a\"][\"b\"] == \"x\""));
    assertEquals(Set.of(6L), ids("meta[\"a\"][\"b\"][\"c\"] >= 7"));
    assertEquals(Set.of(0L, 1L, 2L), ids("meta[\"k\"] in [\"v\", \"w\"]"));
    assertEquals(Set.of(3L, 4L, 5L, 6L, 7L), ids("meta[\"k\"] not in [\"v\", \"w\"]"));
    assertEquals(Set.of(0L), ids("meta[\"tags\"][0] == \"x\""));
    assertEquals(Set.of(5L), ids("meta[2] == 3"));
    assertEquals(Set.of(0L, 2L), ids("meta[\"k\"] like \"v%\""));
  }

  @Test
  void existsAndContains() {
    assertEquals(Set.of(0L, 1L, 2L, 4L), ids("exists meta[\"k\"]"));
    assertEquals(Set.of(3L, 5L, 6L, 7L), ids("not exists meta[\"k\"]"));
    assertEquals(Set.of(0L, 1L, 6L), ids("exists meta[\"a\"][\"b\"]"));
    assertEquals(Set.of(0L), ids("json_contains(meta[\"tags\"], \"x\")"));
    assertEquals(Set.of(0L, 1L), ids("json_contains(meta[\"tags\"], 'y')"));
    assertEquals(Set.of(0L, 2L), ids("json_contains_any(meta[\"tags\"], [2, \"x\"])"));
    assertEquals(Set.of(0L), ids("json_contains_all(meta[\"tags\"], [\"x\", \"y\"])"));
    assertEquals(Set.of(5L), ids("json_contains(meta, 2)"));
  }

  @Test
  void searchFiltersAndReturnsJson() {
    SearchResp resp = client.search(SearchReq.builder().collectionName(NAME).annsField(TargetFixture.VECTOR)
        .data(List.of(new FloatVec(data[2]))).limit(10).filter("meta[\"k\"] == \"v\"")
        .outputFields(List.of("meta")).searchParams(Map.of("ef", 64)).build());
    Set<Long> hits = new TreeSet<>();
    for (SearchResp.SearchResult r : resp.getSearchResults().get(0)) {
      hits.add((Long) r.getId());
      JsonElement meta = (JsonElement) r.getEntity().get("meta");
      assertEquals(JsonParser.parseString(META.get(((Long) r.getId()).intValue())), meta);
    }
    assertEquals(Set.of(0L, 2L), hits);
  }
}
