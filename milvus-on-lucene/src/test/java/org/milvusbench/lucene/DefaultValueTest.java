package org.milvusbench.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.DataType;
import io.milvus.v2.exception.MilvusClientException;
import io.milvus.v2.service.collection.request.AddFieldReq;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import io.milvus.v2.service.vector.request.QueryReq;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Default values through the unchanged MilvusClientV2, as Milvus 2.5 applies them: a row inserted
 * without the key gets the field's default, which is then returned and filtered like any value.
 */
class DefaultValueTest {
  private static final int DIM = 4;
  private static final String NAME = "defaults";
  private static final List<String> ROWS = List.of(
      "{\"year\":2000,\"rank\":1,\"category\":\"a\",\"score\":1.5,\"ratio\":0.75,\"flag\":false}",
      "{}",
      "{\"category\":\"b\",\"year\":1990}");

  @RegisterExtension
  static final SharedTarget target = new SharedTarget();
  static MilvusClientV2 client;

  @BeforeAll
  static void start() throws Exception {
    client = target.client();
    CreateCollectionReq.CollectionSchema schema = CreateCollectionReq.CollectionSchema.builder().build();
    schema.addField(AddFieldReq.builder().fieldName("id").dataType(DataType.Int64).isPrimaryKey(true).autoID(false).build());
    schema.addField(AddFieldReq.builder().fieldName(TargetFixture.VECTOR).dataType(DataType.FloatVector).dimension(DIM).build());
    schema.addField(AddFieldReq.builder().fieldName("year").dataType(DataType.Int64).defaultValue(1990L).build());
    schema.addField(AddFieldReq.builder().fieldName("rank").dataType(DataType.Int32).defaultValue(7).build());
    schema.addField(AddFieldReq.builder().fieldName("category").dataType(DataType.VarChar).maxLength(8)
        .defaultValue("none").build());
    schema.addField(AddFieldReq.builder().fieldName("score").dataType(DataType.Double).defaultValue(0.5).build());
    schema.addField(AddFieldReq.builder().fieldName("ratio").dataType(DataType.Float).defaultValue(0.25f).build());
    schema.addField(AddFieldReq.builder().fieldName("flag").dataType(DataType.Bool).defaultValue(true).build());
    client.createCollection(CreateCollectionReq.builder().collectionName(NAME).collectionSchema(schema).build());
    float[][] data = TestData.normal(ROWS.size(), DIM, 2);
    TargetFixture.insertIndexAndLoad(client, NAME,
        TestData.rowsKeyedByIndex(data, i -> JsonParser.parseString(ROWS.get(i)).getAsJsonObject()));
  }

  private static Set<Long> ids(String filter) {
    return TargetFixture.ids(client, NAME, filter);
  }

  @Test
  void absentKeysTakeTheDefault() {
    List<Map<String, Object>> rows = new ArrayList<>();
    client.query(QueryReq.builder().collectionName(NAME).filter("id >= 0")
        .outputFields(List.of("year", "rank", "category", "score", "ratio", "flag")).build())
        .getQueryResults().forEach(r -> rows.add(r.getEntity()));
    assertEquals(Map.of("id", 0L, "year", 2000L, "rank", 1, "category", "a", "score", 1.5, "ratio", 0.75f,
        "flag", false), rows.get(0));
    assertEquals(Map.of("id", 1L, "year", 1990L, "rank", 7, "category", "none", "score", 0.5, "ratio", 0.25f,
        "flag", true), rows.get(1));
    assertEquals(Map.of("id", 2L, "year", 1990L, "rank", 7, "category", "b", "score", 0.5, "ratio", 0.25f,
        "flag", true), rows.get(2));
  }

  @Test
  void defaultsFilterLikeValues() {
    assertEquals(Set.of(1L, 2L), ids("year == 1990"));
    assertEquals(Set.of(1L), ids("category == \"none\""));
    assertEquals(Set.of(1L, 2L), ids("flag and rank == 7 and score < 1"));
  }

  @Test
  void aDefaultLongerThanTheFieldIsRefused() {
    CreateCollectionReq.CollectionSchema schema = CreateCollectionReq.CollectionSchema.builder().build();
    schema.addField(AddFieldReq.builder().fieldName("id").dataType(DataType.Int64).isPrimaryKey(true).build());
    schema.addField(AddFieldReq.builder().fieldName(TargetFixture.VECTOR).dataType(DataType.FloatVector).dimension(DIM).build());
    schema.addField(AddFieldReq.builder().fieldName("c").dataType(DataType.VarChar).maxLength(2).defaultValue("abc").build());
    MilvusClientException e = assertThrows(MilvusClientException.class, () -> client.createCollection(
        CreateCollectionReq.builder().collectionName("long_default").collectionSchema(schema).build()));
    assertEquals(1100, e.getServerErrCode(), e.getMessage());
    assertTrue(e.getMessage().contains("the length (3) of string exceeds max length (2) of field c's default value"),
        e.getMessage());
  }
}
