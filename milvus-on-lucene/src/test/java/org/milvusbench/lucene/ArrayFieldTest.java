package org.milvusbench.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.DataType;
import io.milvus.v2.exception.MilvusClientException;
import io.milvus.v2.service.collection.request.AddFieldReq;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import io.milvus.v2.service.collection.request.DescribeCollectionReq;
import io.milvus.v2.service.collection.response.DescribeCollectionResp;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.data.FloatVec;
import io.milvus.v2.service.vector.response.QueryResp;
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
 * ARRAY fields through the unchanged MilvusClientV2: rows come back as inserted with the element type
 * Milvus returns, and each filter kind selects exactly the rows Milvus would. The rows are inserted
 * before the index, so they also pass through the graph build's copy.
 */
class ArrayFieldTest {
  private static final int DIM = 4;
  private static final String NAME = "arrays";
  static final List<List<String>> TAGS = List.of(List.of("red", "blue"), List.of("blue"), List.of(),
      List.of("green", "red", "x"), List.of("red"));
  static final List<List<Long>> NUMS = List.of(List.of(1L, 2L, 3L), List.of(5L), List.of(),
      List.of(3L, 3L, 10L, -1L), List.of(7L, 2L));
  static final List<List<Double>> SCORES = List.of(List.of(0.5), List.of(1.5, 2.5), List.of(), List.of(3.0),
      List.of(0.25, 0.5, 1.0));
  static final List<List<Boolean>> FLAGS = List.of(List.of(true), List.of(false, true), List.of(),
      List.of(true, false), List.of(false));
  static final List<List<Integer>> SMALL = List.of(List.of(-128), List.of(127), List.of(), List.of(0, 1),
      List.of(2));

  @RegisterExtension
  static final SharedTarget target = new SharedTarget();
  static MilvusClientV2 client;
  static float[][] data = TestData.normal(TAGS.size(), DIM, 11);

  @BeforeAll
  static void start() throws Exception {
    client = target.client();
    createArrayCollection(client, NAME);
    TargetFixture.insertIndexAndLoad(client, NAME, rows(data));
  }

  /** id, embedding(4), tags VarChar[4] of max_length 8, nums Int64[5], scores Double[3], flags Bool[3], small Int8[3]. */
  static void createArrayCollection(MilvusClientV2 client, String name) {
    CreateCollectionReq.CollectionSchema schema = CreateCollectionReq.CollectionSchema.builder().build();
    schema.addField(AddFieldReq.builder().fieldName("id").dataType(DataType.Int64).isPrimaryKey(true).autoID(false).build());
    schema.addField(AddFieldReq.builder().fieldName(TargetFixture.VECTOR).dataType(DataType.FloatVector).dimension(DIM).build());
    schema.addField(array("tags", DataType.VarChar, 4).maxLength(8).build());
    schema.addField(array("nums", DataType.Int64, 5).build());
    schema.addField(array("scores", DataType.Double, 3).build());
    schema.addField(array("flags", DataType.Bool, 3).build());
    schema.addField(array("small", DataType.Int8, 3).build());
    client.createCollection(CreateCollectionReq.builder().collectionName(name).collectionSchema(schema).build());
  }

  static AddFieldReq.AddFieldReqBuilder<?> array(String name, DataType element, int capacity) {
    return AddFieldReq.builder().fieldName(name).dataType(DataType.Array).elementType(element).maxCapacity(capacity);
  }

  static List<JsonObject> rows(float[][] vectors) {
    Gson gson = new Gson();
    List<JsonObject> rows = new ArrayList<>();
    for (int i = 0; i < TAGS.size(); i++) {
      JsonObject row = new JsonObject();
      row.addProperty("id", i);
      row.add(TargetFixture.VECTOR, gson.toJsonTree(vectors[i]));
      row.add("tags", gson.toJsonTree(TAGS.get(i)));
      row.add("nums", gson.toJsonTree(NUMS.get(i)));
      row.add("scores", gson.toJsonTree(SCORES.get(i)));
      row.add("flags", gson.toJsonTree(FLAGS.get(i)));
      row.add("small", gson.toJsonTree(SMALL.get(i)));
      rows.add(row);
    }
    return rows;
  }

  private static Set<Long> ids(String filter) {
    return TargetFixture.ids(client, NAME, filter);
  }

  /** Row {@code i}'s arrays as MilvusClientV2 hands them back (Long, Double, Boolean, Integer and String lists). */
  static void assertRow(int i, Map<String, Object> entity) {
    assertEquals(TAGS.get(i), entity.get("tags"), "tags of row " + i);
    assertEquals(NUMS.get(i), entity.get("nums"), "nums of row " + i);
    assertEquals(SCORES.get(i), entity.get("scores"), "scores of row " + i);
    assertEquals(FLAGS.get(i), entity.get("flags"), "flags of row " + i);
    assertEquals(SMALL.get(i), entity.get("small"), "small of row " + i);
  }

  @Test
  void schemaIsDescribedWithElementTypesAndCapacities() {
    DescribeCollectionResp d = client.describeCollection(DescribeCollectionReq.builder().collectionName(NAME).build());
    CreateCollectionReq.FieldSchema tags = d.getCollectionSchema().getField("tags");
    assertEquals(DataType.Array, tags.getDataType());
    assertEquals(DataType.VarChar, tags.getElementType());
    assertEquals(4, tags.getMaxCapacity());
    assertEquals(8, tags.getMaxLength());
    assertEquals(DataType.Int8, d.getCollectionSchema().getField("small").getElementType());
  }

  @Test
  void valuesComeBackAsInserted() {
    List<QueryResp.QueryResult> rows = client.query(QueryReq.builder().collectionName(NAME).filter("id >= 0")
        .outputFields(List.of("*")).build()).getQueryResults();
    assertEquals(TAGS.size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      assertRow(i, rows.get(i).getEntity());
    }
  }

  @Test
  void containsAllAndAny() {
    assertEquals(Set.of(0L, 3L, 4L), ids("array_contains(tags, \"red\")"));
    assertEquals(Set.of(0L, 3L), ids("ARRAY_CONTAINS(nums, 3)"));
    assertEquals(Set.of(0L), ids("array_contains_all(tags, [\"red\", \"blue\"])"));
    assertEquals(Set.of(1L, 3L), ids("ARRAY_CONTAINS_ANY(nums, [5, 10])"));
    assertEquals(Set.of(0L, 1L, 2L, 3L, 4L), ids("array_contains_all(nums, [])"));
    assertEquals(Set.of(), ids("array_contains_any(nums, [])"));
    assertEquals(Set.of(4L), ids("array_contains(scores, 1)"));
    assertEquals(Set.of(1L, 3L), ids("array_contains_any(scores, [2.5, 3.0])"));
    assertEquals(Set.of(1L, 3L, 4L), ids("array_contains(flags, false)"));
    assertEquals(Set.of(0L), ids("array_contains(small, -128)"));
    assertEquals(Set.of(0L, 3L), ids("json_contains(tags, \"red\") and array_length(nums) > 2"),
        "json_contains is Milvus's synonym on an array field");
  }

  @Test
  void arrayLength() {
    assertEquals(Set.of(2L), ids("array_length(nums) == 0"));
    assertEquals(Set.of(0L, 3L), ids("array_length(tags) >= 2"));
    assertEquals(Set.of(0L, 3L), ids("2 < ARRAY_LENGTH(nums)"));
    assertEquals(Set.of(0L, 1L, 3L, 4L), ids("array_length(flags) != 0"));
  }

  @Test
  void elementAccess() {
    assertEquals(Set.of(3L), ids("nums[0] == 3"));
    assertEquals(Set.of(0L, 3L, 4L), ids("nums[1] > 1"));
    assertEquals(Set.of(3L), ids("nums[1] != 2"), "rows too short match no comparison, != included");
    assertEquals(Set.of(1L, 2L, 3L), ids("not (nums[1] == 2)"));
    assertEquals(Set.of(3L), ids("-5 < nums[3] < 0"), "nums[3] of row 3 is -1");
    assertEquals(Set.of(), ids("0 <= nums[3] < 5 or nums[3] > 100"));
    assertEquals(Set.of(0L, 1L, 4L), ids("tags[0] in [\"red\", \"blue\"]"));
    assertEquals(Set.of(1L, 2L, 3L), ids("tags[0] not in [\"red\"]"));
    assertEquals(Set.of(3L), ids("tags[1] >= \"c\""));
    assertEquals(Set.of(0L), ids("tags[1] < \"c\""));
    assertEquals(Set.of(0L, 4L), ids("scores[0] < 1"));
    assertEquals(Set.of(0L, 3L), ids("flags[0]"));
    assertEquals(Set.of(1L), ids("flags[1] == true"));
    assertEquals(Set.of(), ids("nums[4096] == 1"));
  }

  @Test
  void searchFiltersAndReturnsArrays() {
    SearchResp resp = client.search(SearchReq.builder().collectionName(NAME).annsField(TargetFixture.VECTOR)
        .data(List.of(new FloatVec(data[3]))).limit(10).filter("array_contains(tags, \"red\")")
        .outputFields(List.of("tags", "nums", "scores", "flags", "small")).searchParams(Map.of("ef", 64)).build());
    Set<Long> hits = new TreeSet<>();
    for (SearchResp.SearchResult r : resp.getSearchResults().get(0)) {
      hits.add((Long) r.getId());
      assertRow(((Long) r.getId()).intValue(), r.getEntity());
    }
    assertEquals(Set.of(0L, 3L, 4L), hits);
    assertEquals(3L, resp.getSearchResults().get(0).get(0).getId(), "the query vector is row 3's");
  }

  @Test
  void filtersThatDoNotFitTheElementTypeAreRefused() {
    assertEquals("failed to create query plan: cannot parse expression: array_contains(nums, \"x\"), error:"
        + " Contains operation can't compare between array element type: Int64 and VarChar ('x' in nums)"
        + " at position 21: invalid parameter", queryError("array_contains(nums, \"x\")"));
    assertEquals("failed to create query plan: cannot parse expression: nums[0] == \"a\", error: cannot cast"
        + " value to Int64, value is 'a' (elements of array field nums) at position 11: invalid parameter",
        queryError("nums[0] == \"a\""));
    assertEquals("failed to create query plan: cannot parse expression: tags == \"red\", error: array field tags"
        + " is filtered by its elements (tags[0] == v, array_contains(tags, v), array_length(tags) > n), not as a"
        + " whole at position 0: invalid parameter", queryError("tags == \"red\""));
    assertEquals("failed to create query plan: cannot parse expression: array_length(id) > 1, error:"
        + " array_length operation are only supported on json or array fields now, got: array_length(id) at"
        + " position 0: invalid parameter", queryError("array_length(id) > 1"));
    assertEquals("like on an array element (tags[0]): unsupported operation", queryError("tags[0] like \"r%\""));
  }

  private static String queryError(String filter) {
    return assertThrows(MilvusClientException.class, () -> ids(filter)).getMessage();
  }
}
