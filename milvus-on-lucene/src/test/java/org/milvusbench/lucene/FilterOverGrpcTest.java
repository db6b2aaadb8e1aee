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
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.data.FloatVec;
import io.milvus.v2.service.vector.response.SearchResp;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * {@code like} and JSON paths through the unchanged MilvusClientV2: patterns select exactly the rows
 * Milvus would, alone and with a JSON path; a path into a scalar is refused in Milvus's words.
 */
class FilterOverGrpcTest {
  private static final int DIM = 8;
  private static final String NAME = "filters";
  /** Row i has primary key i; the names exercise every character like treats specially. */
  private static final List<String> NAMES = List.of("apple", "apricot", "banana", "a_b", "axb", "50%", "500", "a*c",
      "x\\y", "grape");

  @RegisterExtension
  static final SharedTarget target = new SharedTarget();
  static MilvusClientV2 client;
  static float[][] data = TestData.normal(NAMES.size(), DIM, 9);

  @BeforeAll
  static void start() throws Exception {
    client = target.client();
    CreateCollectionReq.CollectionSchema schema = CreateCollectionReq.CollectionSchema.builder().build();
    schema.addField(AddFieldReq.builder().fieldName("id").dataType(DataType.Int64).isPrimaryKey(true).autoID(false).build());
    schema.addField(AddFieldReq.builder().fieldName(TargetFixture.VECTOR).dataType(DataType.FloatVector).dimension(DIM).build());
    schema.addField(AddFieldReq.builder().fieldName("name").dataType(DataType.VarChar).maxLength(32).build());
    schema.addField(AddFieldReq.builder().fieldName("meta").dataType(DataType.JSON).build());
    client.createCollection(CreateCollectionReq.builder().collectionName(NAME).collectionSchema(schema)
        .enableDynamicField(false).build());
    TargetFixture.insertIndexAndLoad(client, NAME, TestData.rowsKeyedByIndex(data, i -> {
      JsonObject row = new JsonObject();
      row.addProperty("name", NAMES.get(i));
      JsonObject meta = new JsonObject();
      meta.addProperty("colour", i % 2 == 0 ? "red" : "blue");
      row.add("meta", meta);
      return row;
    }));
  }

  private static Set<Long> ids(String filter) {
    return TargetFixture.ids(client, NAME, filter);
  }

  @Test
  void likeSelectsWhatMilvusWould() {
    assertEquals(Set.of(0L, 1L), ids("name like \"ap%\""));
    assertEquals(Set.of(2L), ids("name like '%an%'"));
    assertEquals(Set.of(3L, 4L), ids("name like \"a_b\""));
    assertEquals(Set.of(3L), ids("name like \"a\\\\_b\""), "an escaped _ is literal");
    assertEquals(Set.of(5L, 6L), ids("name like \"50%\""));
    assertEquals(Set.of(5L), ids("name like \"50\\\\%\""), "an escaped % is literal");
    assertEquals(Set.of(7L), ids("name like \"a*%\""), "Lucene's * is an ordinary character");
    assertEquals(Set.of(8L), ids("name like \"%\\\\\\\\%\""), "an escaped backslash is literal");
    assertEquals(Set.of(5L, 6L, 8L), ids("NOT name LIKE \"%a%\""));
    assertEquals(Set.of(9L), ids("name like 'grape'"));
  }

  @Test
  void searchFiltersWithLike() {
    SearchResp resp = client.search(SearchReq.builder().collectionName(NAME).annsField(TargetFixture.VECTOR)
        .data(List.of(new FloatVec(data[0]))).limit(10).filter("name like \"a%\"").searchParams(Map.of("ef", 64))
        .build());
    Set<Long> hits = new TreeSet<>();
    resp.getSearchResults().get(0).forEach(r -> hits.add((Long) r.getId()));
    assertEquals(Set.of(0L, 1L, 3L, 4L, 7L), hits);
  }

  /** The call fails with {@code code} and a reason containing {@code reason}; the next request succeeds. */
  private static void assertStatus(int code, String reason, Executable call) {
    MilvusClientException e = assertThrows(MilvusClientException.class, call);
    assertEquals(code, e.getServerErrCode(), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
    assertEquals(Set.of(9L), ids("name == 'grape'"), "the next request succeeds");
  }

  @Test
  void jsonPathsCombineWithLike() {
    assertEquals(Set.of(0L, 2L, 4L, 6L, 8L), ids("meta[\"colour\"] == \"red\""));
    assertEquals(Set.of(0L, 4L), ids("name like 'a%' and meta['colour'] == 'red'"));
  }

  @Test
  void pathsOnScalarsAndLikeOnNumbersAreRefused() {
    assertStatus(1100, "VarChar data type not supported accessed with [] at position 0",
        () -> client.query(QueryReq.builder().collectionName(NAME).filter("name[\"x\"] == 'a'").build()));
    assertStatus(1100, "like needs a VarChar field, but field id is Int64",
        () -> client.query(QueryReq.builder().collectionName(NAME).filter("id like '1%'").build()));
  }
}
